import { interval, type Interval } from '../../../sim/ensemble';
import type { RunSummary } from '../../../sim/summary';
import { MEASURES, type Measure } from './exerciseSchema';

/** What the runs say about a two-arm question: each arm's measure, their paired difference, and which option holds. */
export interface Verdict {
  measure: Measure;
  arms: Interval[];
  /** First arm minus second, run by run (the arms share seeds), with its 90 % range. */
  difference?: Interval;
  outcome?: 'first lower' | 'first higher' | 'no clear difference';
}

/** The value of `measure` in a run's summary. */
const valueOf = (s: RunSummary, m: Measure) => s[m];

/**
 * Compares the arms' ensembles on `measure`. With two arms the difference is taken run by run
 * (replicate r of each arm has the same seed), and it is clear only when its 90 % range leaves
 * out zero: the outcome is read from the runs, never written in the exercise.
 */
export function exerciseVerdict(measure: Measure, arms: readonly (readonly RunSummary[])[]): Verdict {
  const v: Verdict = { measure, arms: arms.map((a) => interval(a.map((s) => valueOf(s, measure)))) };
  if (arms.length === 2) {
    const n = Math.min(arms[0].length, arms[1].length);
    const diffs = Array.from({ length: n }, (_, r) => valueOf(arms[0][r], measure) - valueOf(arms[1][r], measure));
    const d = interval(diffs);
    v.difference = d;
    v.outcome = d.lo > 0 ? 'first higher' : d.hi < 0 ? 'first lower' : 'no clear difference';
  }
  return v;
}

/** The measure's words: "total escalation over the run (area under the curve)". */
export function measureLabel(m: Measure): string {
  return MEASURES[m].label;
}
