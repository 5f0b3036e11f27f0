import { meanCI, newcombePaired, pairedCounts, type Estimate } from '../stats/index';
import { OUTCOMES, outcomeValue, type EnsembleRuns, type OutcomeKey } from './outcomes';

/** How an ensemble differs from a baseline, paired by seed. */
export interface RunComparison {
  /** Runs of the two ensembles that share a seed. */
  pairs: number;
  /** Per outcome, variant minus baseline: `n` is the number of pairs behind it. */
  outcomes: Record<OutcomeKey, Estimate>;
}

/**
 * Compares `variant` with `baseline` run by run, pairing the runs that share a seed (the same
 * seed gives both the same draws of every random stream they share, so the pair differs by the
 * settings alone): a measure's difference is the mean of the per-pair differences with its
 * t-interval, over the pairs where both runs have the measure; a share's is the difference of the
 * paired shares with Newcombe's interval for paired proportions (method 10).
 */
export function compareRuns(variant: EnsembleRuns, baseline: EnsembleRuns): RunComparison {
  const bySeed = new Map(baseline.summaries.map((s) => [s.seed, s]));
  const pairs = variant.summaries.flatMap((v) => {
    const b = bySeed.get(v.seed);
    return b ? [[v, b] as const] : [];
  });
  const outcomes = {} as Record<OutcomeKey, Estimate>;
  for (const o of OUTCOMES) {
    const values = pairs.map(([v, b]) => [outcomeValue(v, o.key, variant.ticksPerYear), outcomeValue(b, o.key, baseline.ticksPerYear)] as const);
    outcomes[o.key] = o.kind === 'share'
      ? newcombePaired(pairedCounts(values.map(([v]) => v === 1), values.map(([, b]) => b === 1)))
      : meanCI(values.flatMap(([v, b]) => (v === null || b === null ? [] : [v - b])));
  }
  return { pairs: pairs.length, outcomes };
}
