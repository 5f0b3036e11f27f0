import type { Estimate } from './estimate';
import { tCritical } from './studentT';

/**
 * The mean of a sample with its 95 % t-interval (for a paired design, of the per-pair
 * differences). Non-finite values are dropped; an empty sample gives n 0 and zeros, a single
 * value a zero-width interval.
 */
export function meanCI(values: readonly number[]): Estimate {
  const xs = values.filter((v) => Number.isFinite(v));
  const n = xs.length;
  if (n === 0) return { mean: 0, lo: 0, hi: 0, n: 0 };
  let sum = 0;
  for (const x of xs) sum += x;
  const mean = sum / n;
  if (n === 1) return { mean, lo: mean, hi: mean, n };
  let ss = 0;
  for (const x of xs) ss += (x - mean) ** 2;
  const half = tCritical(n - 1) * Math.sqrt(ss / (n - 1) / n);
  return { mean, lo: mean - half, hi: mean + half, n };
}

/** The per-pair differences a[r] − b[r] of two paired samples, and their mean with its 95 % t-interval. */
export function pairedDiff(a: readonly number[], b: readonly number[]): Estimate {
  return meanCI(a.map((x, r) => x - b[r]));
}
