/** A mean with its 95 % confidence interval. */
export interface Estimate {
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

/** Two-sided 97.5 % quantiles of Student's t for 1…30 degrees of freedom; beyond, the normal 1.96. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

function tQuantile(df: number): number {
  if (df < 1) return Infinity;
  return df <= 30 ? T975[df - 1] : 1.96;
}

/** Mean and 95 % t-interval of a sample (for paired designs, of the per-seed differences). Non-finite values are dropped. */
export function meanCI(values: readonly number[]): Estimate {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: 0, lo: 0, hi: 0, n: 0 };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n === 1) return { mean, lo: mean, hi: mean, n };
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
  const half = tQuantile(n - 1) * Math.sqrt(variance / n);
  return { mean, lo: mean - half, hi: mean + half, n };
}

/** Per-seed differences a[r] − b[r] of two paired samples, and their mean with a 95 % interval. */
export function pairedDiff(a: readonly number[], b: readonly number[]): Estimate {
  return meanCI(a.map((x, r) => x - b[r]));
}

/** Whether an interval lies wholly above zero. */
export function above(e: Estimate): boolean {
  return e.n > 1 && e.lo > 0;
}

/** A proportion with its 95 % Wilson interval. */
export function proportionCI(successes: number, n: number): Estimate {
  if (n === 0) return { mean: 0, lo: 0, hi: 0, n: 0 };
  const z = 1.96;
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  return { mean: p, lo: Math.max(0, centre - half), hi: Math.min(1, centre + half), n };
}
