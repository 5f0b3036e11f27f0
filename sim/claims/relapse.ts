import { relapsedWithin } from '../experiments/metrics';
import type { RunMetrics } from './experiment';
import { proportionCI, type Estimate } from './stats';

/*
 * Relapse within ten years (C9's target, Collier, Hoeffler & Söderbom 2008): one rule for each
 * settlement, `relapsedWithin`, shared with the sweeps' relapse10y. A settlement counts only once
 * ten years after its signing were observed.
 */

/** Each observable settlement of a run: 1 if it collapsed within ten years, 0 if it held. */
const outcomes = (m: RunMetrics): Array<0 | 1> =>
  m.signings.map((s) => relapsedWithin(s, m.ticks, m.ticksPerYear)).filter((x): x is 0 | 1 => x !== null);

/** Share of a run's observable settlements (signed at least ten years before the end) that collapsed within ten years; NaN if none is observable. */
export function relapseShare(m: RunMetrics): number {
  const o = outcomes(m);
  if (!o.length) return NaN;
  return o.reduce<number>((sum, x) => sum + x, 0) / o.length;
}

/** Pooled share of observable settlements that collapsed within ten years, with a Wilson interval. */
export function pooledRelapse(ms: readonly RunMetrics[]): Estimate {
  let signed = 0;
  let failed = 0;
  for (const m of ms) {
    for (const x of outcomes(m)) {
      signed++;
      failed += x;
    }
  }
  return proportionCI(failed, signed);
}
