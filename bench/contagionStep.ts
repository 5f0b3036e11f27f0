import type { Graph } from '../sim/network';
import { NORMAL_TABLE } from '../sim/normalTable';
import { MULBERRY32_STEP, mulberry32Hash } from '../sim/rng';

/** The network, pull and noise of a contagion step, and the generator's state to start from. */
export interface ContagionOptions {
  graph: Readonly<Graph>;
  rate: number;
  noise: number;
  seed: number;
}

/**
 * One synchronous DeGroot step with noise over a CSR network, from `x` into `out`: each value
 * moves a share `rate` of the way to its row's weighted mean, plus `noise` times a standard normal
 * deviate from the normal table, clamped to [0, 1]; a row whose weights sum to 0 keeps its value.
 * The deviates come from mulberry32 started at `seed`; returns its state, so steps can be chained.
 * This is the contagion term of the model's population rule on its own, with the same arithmetic
 * and generator: the benchmark's bare kernel (the model fuses it with the other terms in one pass).
 */
export function contagionStep(out: Float32Array, x: Readonly<Float32Array>, o: ContagionOptions): number {
  const { rowPtr, col, weight } = o.graph;
  const { rate, noise } = o;
  const NT = NORMAL_TABLE;
  const n = out.length;
  let s = o.seed | 0;
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
    s = (s + MULBERRY32_STEP) | 0;
    const z = mulberry32Hash(s);
    const y = xi + rate * pull + noise * NT[z & 4095];
    out[i] = y < 0 ? 0 : y > 1 ? 1 : y;
  }
  return s;
}
