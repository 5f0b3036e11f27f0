import type { Estimate } from './estimate';

/** The standard normal's 97.5th percentile, for two-sided 95 % intervals. */
export const Z95 = 1.959963984540054;

/**
 * A share (`successes` of `n`) with its 95 % Wilson score interval (Wilson 1927; method 3 of
 * Newcombe 1998, Stat Med 17:857), which stays inside [0, 1] and keeps its width at 0 % and 100 %.
 * n 0 gives zeros.
 */
export function wilson(successes: number, n: number, z = Z95): Estimate {
  if (n === 0) return { mean: 0, lo: 0, hi: 0, n: 0 };
  const p = successes / n;
  const denom = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denom;
  // clamped to the share too: at 0 and n rounding would otherwise leave it a hair outside
  return { mean: p, lo: Math.min(p, Math.max(0, centre - half)), hi: Math.max(p, Math.min(1, centre + half)), n };
}
