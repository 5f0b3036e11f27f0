import { single } from '../claims/claim';
import { measure, variant, type ExperimentOptions, type RunMetrics } from '../claims/experiment';
import { quantile } from './quantile';
import type { Pattern, PatternResult } from './pattern';

/** Years from the start of a run to its first settlement; the run's length (censored) if none. */
export const yearsToFirstSettlement = (m: RunMetrics) => (m.signings.length ? m.signings[0].tick : m.ticks) / m.ticksPerYear;

/**
 * The right tail against the left: (q90 − median)/(median − q10); above 1 when the distribution
 * is skewed to the right (a long tail of long wars). Runs without a settlement count at the run's
 * length, a lower bound, so censoring can only shorten the measured tail.
 */
export function tailRatio(years: readonly number[]): number {
  const sorted = [...years].sort((a, b) => a - b);
  const [q10, q50, q90] = [0.1, 0.5, 0.9].map((p) => quantile(sorted, p));
  return q50 > q10 ? (q90 - q50) / (q50 - q10) : NaN;
}

/**
 * P2: civil wars' durations are right-skewed — many end within a few years, a long tail lasts
 * decades. Measured as the time to the first settlement in the default scenario.
 */
export function patternDurations(o: ExperimentOptions): PatternResult {
  const years = measure(variant(o, 'intrastate-conflict'), o.runs).map(yearsToFirstSettlement);
  const alone = measure(variant(o, 'track-one-only', (s) => { s.events = []; }), o.runs).map(yearsToFirstSettlement);
  const ratio = tailRatio(years);
  const describe = (ys: number[]) => {
    const sorted = [...ys].sort((a, b) => a - b);
    return `q10 ${quantile(sorted, 0.1).toFixed(1)}, median ${quantile(sorted, 0.5).toFixed(1)}, q90 ${quantile(sorted, 0.9).toFixed(1)} years; tail ratio ${tailRatio(ys).toFixed(2)}`;
  };
  return {
    id: 'P2', title: 'Right-skewed war durations',
    fact: 'the durations of civil wars are right-skewed: most end within a few years, a long tail lasts a decade or more',
    source: 'Fearon 2004',
    measure: 'years from the start to the first settlement in intrastate-conflict (the default scenario); the tail ratio (q90 − median)/(median − q10)',
    value: single(ratio),
    criterion: 'tail ratio above 1 (a longer right tail)',
    holds: ratio > 1,
    notes: [
      `default scenario: ${describe(years)}`,
      `Track One alone (track-one-only without its shift): ${describe(alone)}`,
    ],
  };
}

export const durations: Pattern = { id: 'P2', run: patternDurations };
