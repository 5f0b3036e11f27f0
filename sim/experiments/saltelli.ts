import { sobolPoints } from './sobolSequence';

/** Where each matrix of Saltelli's scheme sits in a design: block i holds rows i·stride … i·stride + stride − 1. */
export interface SaltelliLayout {
  /** Base samples N (a power of two). */
  samples: number;
  secondOrder: boolean;
  /** Rows per block: k + 2, or 2k + 2 with second order. */
  stride: number;
  /** Index of the first Sobol' point used: max(N, 16), as SALib's saltelli sampler skipped by default. */
  first: number;
}

/** Offsets within a block: A first, then AB_1…AB_k, then (second order) BA_1…BA_k, then B last. */
export const saltelliRow = {
  A: () => 0,
  AB: (j: number) => 1 + j,
  BA: (j: number, k: number) => 1 + k + j,
  B: (stride: number) => stride - 1,
};

/**
 * Saltelli's (2002) sampling scheme: N points of a 2k-dimensional Sobol' sequence split into
 * matrices A (the first k coordinates) and B (the last k); AB_j is A with column j taken from B,
 * and BA_j is B with column j from A. Each base sample i gives one block of rows (see saltelliRow),
 * so the design has N × (k + 2) rows, or N × (2k + 2) with second order — SALib's layout, so its
 * analyzer and ours read the same file. The sequence is used unscrambled from point max(N, 16):
 * for N ≥ 16 that is the block [N, 2N), itself a balanced (t, m, s)-net. Unit coordinates,
 * row-major.
 */
export function saltelli(k: number, samples: number, secondOrder: boolean): { units: Float64Array; layout: SaltelliLayout } {
  const stride = secondOrder ? 2 * k + 2 : k + 2;
  const first = Math.max(samples, 16);
  const base = sobolPoints({ dimensions: 2 * k, from: first, count: samples });
  const units = new Float64Array(samples * stride * k);
  for (let i = 0; i < samples; i++) {
    const a = i * 2 * k;
    const b = a + k;
    const block = i * stride;
    const row = (r: number, fromB: (j: number) => boolean) => {
      const o = (block + r) * k;
      for (let j = 0; j < k; j++) units[o + j] = base[fromB(j) ? b + j : a + j];
    };
    row(saltelliRow.A(), () => false);
    for (let c = 0; c < k; c++) row(saltelliRow.AB(c), (j) => j === c);
    if (secondOrder) for (let c = 0; c < k; c++) row(saltelliRow.BA(c, k), (j) => j !== c);
    row(saltelliRow.B(stride), () => true);
  }
  return { units, layout: { samples, secondOrder, stride, first } };
}
