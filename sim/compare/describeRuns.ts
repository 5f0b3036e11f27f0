import { meanCI, wilson, type Estimate } from '../stats/index';
import { OUTCOMES, outcomeValue, type EnsembleRuns, type OutcomeKey } from './outcomes';

/**
 * Each outcome of an ensemble with its 95 % confidence interval: the mean and t-interval of a
 * measure over the runs that have it, the share and Wilson interval of a share. `n` is the number
 * of runs behind each.
 */
export function describeRuns({ summaries, ticksPerYear }: EnsembleRuns): Record<OutcomeKey, Estimate> {
  const out = {} as Record<OutcomeKey, Estimate>;
  for (const o of OUTCOMES) {
    const values = summaries.map((s) => outcomeValue(s, o.key, ticksPerYear)).filter((v): v is number => v !== null);
    out[o.key] = o.kind === 'share' ? wilson(values.filter((v) => v === 1).length, values.length) : meanCI(values);
  }
  return out;
}
