import { fmt } from '../claims/claim';
import { measure, variant, type ExperimentOptions } from '../claims/experiment';
import { relapseOutcomes, shareDifference } from './relapseRates';
import type { Pattern, PatternResult } from './pattern';

/**
 * P3: the conflict trap — a peace that has already failed once is more likely to fail again.
 * Measured with Track One alone (track-one-only without its shift, the relapse calibration's
 * setting): ten-year relapse of later settlements against first ones.
 */
export function patternConflictTrap(o: ExperimentOptions): PatternResult {
  const ms = measure(variant(o, 'track-one-only', (s) => { s.events = []; }), o.runs);
  const first = relapseOutcomes(ms, (k) => k === 0);
  const later = relapseOutcomes(ms, (k) => k > 0);
  const value = shareDifference(later, first);
  const share = (xs: number[]) => `${(100 * xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)).toFixed(0)} % of ${xs.length}`;
  return {
    id: 'P3', title: 'Conflict trap',
    fact: 'countries that have relapsed into war are more likely to relapse again: a previous war is the strongest predictor of the next',
    source: 'Collier & Sambanis 2002; Walter 2004',
    measure: 'ten-year relapse of second and later settlements minus that of first settlements, Track One alone (track-one-only without its shift)',
    value,
    criterion: 'interval above 0',
    holds: value.lo > 0,
    notes: [`first settlements relapse ${share(first)}, later ones ${share(later)}; difference ${fmt(value, 2)}`],
  };
}

export const conflictTrap: Pattern = { id: 'P3', run: patternConflictTrap };
