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

/** Collapses and settlement-years at risk in one interval of years since signing. */
export interface HazardBin {
  from: number;
  to: number;
  collapses: number;
  yearsAtRisk: number;
  /** Collapses per settlement-year at risk. */
  hazard: number;
}

/**
 * The relapse hazard by years since signing, pooled over runs: for each interval [from, to), the
 * collapses in it divided by the settlement-years at risk in it (each settlement at risk from its
 * signing to its collapse or the run's end). The estimator of a piecewise-constant hazard.
 */
export function hazardByYears(ms: readonly RunMetrics[], edges: readonly number[]): HazardBin[] {
  const bins = edges.slice(0, -1).map((from, k) => ({ from, to: edges[k + 1], collapses: 0, yearsAtRisk: 0, hazard: 0 }));
  for (const m of ms) {
    for (const s of m.signings) {
      const end = s.collapseTick ?? m.ticks;
      const years = (end - s.tick) / m.ticksPerYear;
      for (const b of bins) {
        if (years > b.from) b.yearsAtRisk += Math.min(years, b.to) - b.from;
        if (s.collapseTick !== null && years > b.from && years <= b.to) b.collapses++;
      }
    }
  }
  for (const b of bins) b.hazard = b.yearsAtRisk > 0 ? b.collapses / b.yearsAtRisk : NaN;
  return bins;
}

/**
 * The ratio of two bins' hazards with a 95 % interval from the Poisson variance of their counts
 * (SE of the log ratio √(1/c₁ + 1/c₂)); NaN without collapses in either.
 */
export function hazardRatio(a: HazardBin, b: HazardBin): Estimate {
  if (!(a.collapses > 0 && b.collapses > 0)) return { mean: NaN, lo: NaN, hi: NaN, n: 0 };
  const ratio = a.hazard / b.hazard;
  const se = Math.sqrt(1 / a.collapses + 1 / b.collapses);
  return { mean: ratio, lo: ratio * Math.exp(-1.96 * se), hi: ratio * Math.exp(1.96 * se), n: a.collapses + b.collapses };
}
