import { NORMAL_TABLE } from '../normalTable';

/**
 * One synchronous DeGroot step with noise over a CSR network, into `out`: each value moves a
 * share `rate` of the way to its row's weighted mean, plus `noise` times a standard normal deviate
 * from the normal table, clamped to [0, 1]; a row whose weights sum to 0 keeps its value. The
 * deviates come from mulberry32 started at `seed`; returns its state, so steps can be chained.
 * This is the contagion term of the population rule on its own, with the same arithmetic and
 * generator, as a reference kernel for the benchmark and for tests of DeGroot averaging; the
 * population rule fuses it with the other terms in one pass instead of calling it.
 */
export function contagionStep(
  rowPtr: Readonly<Int32Array>, col: Readonly<Int32Array>, weight: Readonly<Float32Array>,
  x: Readonly<Float32Array>, out: Float32Array, rate: number, noise: number, seed: number,
): number {
  const NT = NORMAL_TABLE;
  const n = out.length;
  let s = seed | 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i];
    let sx = 0, sw = 0;
    const end = rowPtr[i + 1];
    for (let e = rowPtr[i]; e < end; e++) {
      const w = weight[e];
      sx += w * x[col[e]];
      sw += w;
    }
    const pull = sw > 0 ? sx / sw - xi : 0;
    s = (s + 0x6d2b79f5) | 0;
    let z = Math.imul(s ^ (s >>> 15), 1 | s);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    z ^= z >>> 14;
    const y = xi + rate * pull + noise * NT[z & 4095];
    out[i] = y < 0 ? 0 : y > 1 ? 1 : y;
  }
  return s;
}
