import type { Constants } from '../constants';
import type { SimState } from '../state';

/**
 * Records the total incidents of the step from `state.tick` in the incident history, and the
 * lullWindow sum S(t + 1) = Σ h(s) over s = t + 1 − W … t that ends after it (MODEL.md §6, lull
 * and peak), in `state.windowSums`. The lull and peak conditions read a year of such sums at every
 * step; keeping each one from the step that completes it makes that O(ticksPerYear) instead of
 * O(ticksPerYear × lullWindow). Called by `step` only, before the tick advances.
 */
export function recordIncidents(state: SimState, ctx: Pick<Constants, 'params' | 'meanfield'>, total: number): void {
  const hist = state.incidentHistory;
  const L = hist.length;
  const t = state.tick;
  hist[t % L] = total;
  const W = ctx.params.lullWindow;
  const sums = state.windowSums;
  const R = sums.length;
  // the ring holds a year plus the window (L > W), so the step leaving the window is still there
  const prev = t > 0 ? sums[t % R] : 0;
  const leaving = t - W >= 0 ? hist[(t - W) % L] : 0;
  // Agent mode counts whole incidents (Poisson draws), which add up exactly in any order while the
  // sum stays a safe integer, so sliding the window gives the same number as summing it afresh.
  // Mean-field mode counts expected incidents (fractions): those are summed afresh, in the order
  // s = t + 1 − W … t, so that every sum keeps its bits.
  let next: number;
  if (!ctx.meanfield && prev + total <= Number.MAX_SAFE_INTEGER) {
    next = prev + total - leaving;
  } else {
    next = 0;
    for (let s = t + 1 - W; s <= t; s++) next += s < 0 ? 0 : hist[s % L];
  }
  sums[(t + 1) % R] = next;
}
