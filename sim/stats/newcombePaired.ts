import type { Estimate } from './estimate';
import { wilson, Z95 } from './wilson';

/** A paired 2 × 2 table: how many pairs had the outcome in both, in the first only, in the second only, in neither. */
export interface PairedCounts {
  both: number;
  firstOnly: number;
  secondOnly: number;
  neither: number;
}

/**
 * The difference of two paired shares, first minus second, with its 95 % interval by Newcombe's
 * method 10 (Newcombe 1998, Stat Med 17:2635): the Wilson intervals of the two shares combined
 * through the correlation φ of the pairs, φ's numerator reduced by n/2 when positive. Unlike the
 * Wald interval it stays inside [−1, 1] and keeps its width when no pair is discordant. n 0 gives
 * zeros.
 */
export function newcombePaired({ both: e, firstOnly: f, secondOnly: g, neither: h }: PairedCounts, z = Z95): Estimate {
  const n = e + f + g + h;
  if (n === 0) return { mean: 0, lo: 0, hi: 0, n: 0 };
  const first = wilson(e + f, n, z);
  const second = wilson(e + g, n, z);
  let num = e * h - f * g;
  if (num > 0) num = Math.max(num - n / 2, 0);
  const den = Math.sqrt((e + f) * (g + h) * (e + g) * (f + h));
  const phi = den > 0 ? num / den : 0;
  const d = (f - g) / n;
  const dl1 = first.mean - first.lo;
  const du1 = first.hi - first.mean;
  const dl2 = second.mean - second.lo;
  const du2 = second.hi - second.mean;
  const below = Math.sqrt(Math.max(0, dl1 * dl1 - 2 * phi * dl1 * du2 + du2 * du2));
  const over = Math.sqrt(Math.max(0, du1 * du1 - 2 * phi * du1 * dl2 + dl2 * dl2));
  return { mean: d, lo: d - below, hi: d + over, n };
}

/** Tallies paired outcomes (first[r] with second[r]) into a paired 2 × 2 table. */
export function pairedCounts(first: readonly boolean[], second: readonly boolean[]): PairedCounts {
  const c: PairedCounts = { both: 0, firstOnly: 0, secondOnly: 0, neither: 0 };
  first.forEach((a, r) => {
    const b = second[r];
    if (a && b) c.both++;
    else if (a) c.firstOnly++;
    else if (b) c.secondOnly++;
    else c.neither++;
  });
  return c;
}
