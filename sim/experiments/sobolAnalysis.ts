import { AnalysisError } from './analysisError';
import { bootstrapStream, percentileInterval, resampleIndices, type BootstrapOptions } from './bootstrap';
import type { FactorData } from './experiment';
import { saltelliRow, type SaltelliLayout } from './saltelli';

/** Sobol' indices of one factor with bootstrap 95 % intervals. */
export interface SobolIndex {
  factor: string;
  /** First order: the share of the output's variance due to the factor alone. */
  S1: number;
  S1_ci: [number, number];
  /** Total order: its share including every interaction it takes part in. */
  ST: number;
  ST_ci: [number, number];
  /** Second order with each other factor (only when asked, from a secondOrder design). */
  S2?: Record<string, number>;
  S2_ci?: Record<string, [number, number]>;
}

/** Sobol' indices with how many of the design's base samples they rest on. */
export interface SobolResult {
  indices: SobolIndex[];
  /** Base samples (blocks) whose every point had a value. */
  blocks: number;
  samples: number;
}

/** The matrices' outputs of the complete blocks, as columns: A[i], B[i], AB[j][i], BA[j][i]. */
interface Matrices {
  A: Float64Array;
  B: Float64Array;
  AB: Float64Array[];
  BA: Float64Array[];
}

function mean(x: ArrayLike<number>, idx: Uint32Array): number {
  let s = 0;
  for (let i = 0; i < idx.length; i++) s += x[idx[i]];
  return s / idx.length;
}

/** Variance (population) of A and B together, over the sampled blocks, as SALib normalises. */
function variance(m: Matrices, idx: Uint32Array): number {
  const mu = (mean(m.A, idx) + mean(m.B, idx)) / 2;
  let s = 0;
  for (let i = 0; i < idx.length; i++) s += (m.A[idx[i]] - mu) ** 2 + (m.B[idx[i]] - mu) ** 2;
  return s / (2 * idx.length);
}

/** Saltelli et al. (2010): S1_j = mean(f(B)·(f(AB_j) − f(A))) / V. */
function firstOrder(m: Matrices, j: number, idx: Uint32Array, v: number): number {
  let s = 0;
  for (let n = 0; n < idx.length; n++) {
    const i = idx[n];
    s += m.B[i] * (m.AB[j][i] - m.A[i]);
  }
  return s / idx.length / v;
}

/** Jansen (1999), as in Saltelli et al. (2010): ST_j = mean((f(A) − f(AB_j))²) / 2V. */
function totalOrder(m: Matrices, j: number, idx: Uint32Array, v: number): number {
  let s = 0;
  for (let n = 0; n < idx.length; n++) {
    const i = idx[n];
    s += (m.A[i] - m.AB[j][i]) ** 2;
  }
  return s / idx.length / (2 * v);
}

/** Saltelli (2002): S2_jk = mean(f(BA_j)·f(AB_k) − f(A)·f(B)) / V − S1_j − S1_k. */
function secondOrder(m: Matrices, j: number, k: number, idx: Uint32Array, v: number): number {
  let s = 0;
  for (let n = 0; n < idx.length; n++) {
    const i = idx[n];
    s += m.BA[j][i] * m.AB[k][i] - m.A[i] * m.B[i];
  }
  return s / idx.length / v - firstOrder(m, j, idx, v) - firstOrder(m, k, idx, v);
}

/**
 * First- and total-order Sobol' indices (and second order when asked) from a Saltelli design's
 * outputs y (one per design point, NaN where no replicate had a value). Blocks with a missing point
 * are left out whole, so every estimate uses the same base samples. As SALib does, the outputs are
 * first standardised (which changes no index but steadies the first-order estimator), and the
 * intervals are percentile bootstrap intervals over resampled blocks.
 */
export function sobolIndices(o: { layout: SaltelliLayout; factors: readonly FactorData[]; y: Float64Array; bootstrap: BootstrapOptions; secondOrder?: boolean }): SobolResult {
  const { layout, factors } = o;
  const k = factors.length;
  if (o.secondOrder && !layout.secondOrder) throw new AnalysisError('second-order indices need a design with "secondOrder": true (it adds the BA_j blocks)');
  const complete: number[] = [];
  for (let i = 0; i < layout.samples; i++) {
    let ok = true;
    for (let r = 0; r < layout.stride && ok; r++) ok = !Number.isNaN(o.y[i * layout.stride + r]);
    if (ok) complete.push(i);
  }
  const n = complete.length;
  if (n < 2) throw new AnalysisError(`only ${n} of the ${layout.samples} base samples have a value at every one of their ${layout.stride} points; Sobol' indices need at least 2`);
  let sum = 0;
  let sumSq = 0;
  for (const i of complete) for (let r = 0; r < layout.stride; r++) sum += o.y[i * layout.stride + r];
  const mu = sum / (n * layout.stride);
  for (const i of complete) for (let r = 0; r < layout.stride; r++) sumSq += (o.y[i * layout.stride + r] - mu) ** 2;
  const sd = Math.sqrt(sumSq / (n * layout.stride));
  if (!(sd > 0)) throw new AnalysisError('the metric takes the same value at every point, so it has no variance to apportion: Sobol\' indices are undefined');
  const col = (r: number) => Float64Array.from(complete, (i) => (o.y[i * layout.stride + r] - mu) / sd);
  const m: Matrices = {
    A: col(saltelliRow.A()),
    B: col(saltelliRow.B(layout.stride)),
    AB: Array.from({ length: k }, (_, j) => col(saltelliRow.AB(j))),
    BA: layout.secondOrder ? Array.from({ length: k }, (_, j) => col(saltelliRow.BA(j, k))) : [],
  };
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const v = variance(m, all);
  const R = o.bootstrap.resamples;
  const boot = { S1: factors.map(() => new Float64Array(R)), ST: factors.map(() => new Float64Array(R)), S2: new Map<string, Float64Array>() };
  const rng = bootstrapStream(o.bootstrap);
  const idx = new Uint32Array(n);
  for (let b = 0; b < R; b++) {
    resampleIndices(n, rng, idx);
    const vb = variance(m, idx);
    for (let j = 0; j < k; j++) {
      boot.S1[j][b] = firstOrder(m, j, idx, vb);
      boot.ST[j][b] = totalOrder(m, j, idx, vb);
      if (o.secondOrder) {
        for (let l = j + 1; l < k; l++) {
          const key = `${j},${l}`;
          if (!boot.S2.has(key)) boot.S2.set(key, new Float64Array(R));
          (boot.S2.get(key) as Float64Array)[b] = secondOrder(m, j, l, idx, vb);
        }
      }
    }
  }
  const ci = (x: Float64Array, at: number): [number, number] => percentileInterval(x) ?? [at, at];
  const indices = factors.map((f, j): SobolIndex => {
    const S1 = firstOrder(m, j, all, v);
    const ST = totalOrder(m, j, all, v);
    const out: SobolIndex = { factor: f.name, S1, S1_ci: ci(boot.S1[j], S1), ST, ST_ci: ci(boot.ST[j], ST) };
    if (o.secondOrder) {
      out.S2 = {};
      out.S2_ci = {};
      factors.forEach((g, l) => {
        if (l === j) return;
        const [a, c] = j < l ? [j, l] : [l, j];
        const s2 = secondOrder(m, a, c, all, v);
        (out.S2 as Record<string, number>)[g.name] = s2;
        (out.S2_ci as Record<string, [number, number]>)[g.name] = ci(boot.S2.get(`${a},${c}`) as Float64Array, s2);
      });
    }
    return out;
  });
  return { indices, blocks: n, samples: layout.samples };
}
