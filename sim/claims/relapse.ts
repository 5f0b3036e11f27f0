import type { RunMetrics } from './experiment';
import { proportionCI, type Estimate } from './stats';

/** Ten years in a run's ticks: the horizon of C9's relapse target (Collier, Hoeffler & Söderbom 2008). */
const tenYears = (m: RunMetrics) => 10 * m.ticksPerYear;

/** Share of a run's observable settlements (signed at least ten years before the end) that collapsed within ten years; NaN if none is observable. */
export function relapseShare(m: RunMetrics): number {
  const observable = m.signings.filter((s) => s.tick <= m.ticks - tenYears(m));
  if (!observable.length) return NaN;
  return observable.filter((s) => s.collapseTick !== null && s.collapseTick - s.tick <= tenYears(m)).length / observable.length;
}

/** Pooled share of observable settlements that collapsed within ten years, with a Wilson interval. */
export function pooledRelapse(ms: readonly RunMetrics[]): Estimate {
  let signed = 0;
  let failed = 0;
  for (const m of ms) {
    for (const s of m.signings) {
      if (s.tick > m.ticks - tenYears(m)) continue;
      signed++;
      if (s.collapseTick !== null && s.collapseTick - s.tick <= tenYears(m)) failed++;
    }
  }
  return proportionCI(failed, signed);
}
