import type { RunMetrics } from '../claims/experiment';
import { relapsedWithin } from '../experiments/metrics';
import type { Estimate } from '../claims/stats';

/** Ten-year relapse outcomes (1 collapsed, 0 held) of the observable settlements that `pick` selects. */
export function relapseOutcomes(ms: readonly RunMetrics[], pick: (index: number, tick: number, m: RunMetrics) => boolean): number[] {
  const out: number[] = [];
  for (const m of ms) {
    m.signings.forEach((s, k) => {
      const r = relapsedWithin(s, m.ticks, m.ticksPerYear);
      if (r !== null && pick(k, s.tick, m)) out.push(r);
    });
  }
  return out;
}

/** The difference of two shares of 0/1 outcomes, a − b, with a 95 % Wald interval (n: the smaller group). */
export function shareDifference(a: readonly number[], b: readonly number[]): Estimate {
  if (!a.length || !b.length) return { mean: NaN, lo: NaN, hi: NaN, n: 0 };
  const pa = a.reduce((x, y) => x + y, 0) / a.length;
  const pb = b.reduce((x, y) => x + y, 0) / b.length;
  const se = Math.sqrt((pa * (1 - pa)) / a.length + (pb * (1 - pb)) / b.length);
  return { mean: pa - pb, lo: pa - pb - 1.96 * se, hi: pa - pb + 1.96 * se, n: Math.min(a.length, b.length) };
}
