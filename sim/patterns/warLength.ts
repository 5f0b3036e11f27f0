import { fmt } from '../claims/claim';
import { measure, variant, type ExperimentOptions } from '../claims/experiment';
import { quantile } from './quantile';
import { relapseOutcomes, shareDifference } from './relapseRates';
import type { Pattern, PatternResult } from './pattern';

/**
 * P4: peace after a longer war lasts longer (the parties have learnt what fighting costs).
 * Measured with Track One alone: ten-year relapse of first settlements signed after the median
 * signing time against those signed before it.
 */
export function patternWarLength(o: ExperimentOptions): PatternResult {
  const ms = measure(variant(o, 'track-one-only', (s) => { s.events = []; }), o.runs);
  const ticks = ms.filter((m) => m.signings.length).map((m) => m.signings[0].tick).sort((a, b) => a - b);
  const median = quantile(ticks, 0.5);
  const longWars = relapseOutcomes(ms, (k, tick) => k === 0 && tick > median);
  const shortWars = relapseOutcomes(ms, (k, tick) => k === 0 && tick <= median);
  const value = shareDifference(longWars, shortWars);
  return {
    id: 'P4', title: 'Longer wars, more durable peace',
    fact: 'the longer the war before a settlement, the less likely the peace is to fail',
    source: 'Doyle & Sambanis 2000; Fortna 2004',
    measure: `ten-year relapse of first settlements signed after the median signing time (${(median / ms[0].ticksPerYear).toFixed(1)} years) minus of those signed before, Track One alone (track-one-only without its shift)`,
    value,
    criterion: 'interval below 0',
    holds: value.hi < 0,
    notes: [`long wars minus short wars: ${fmt(value, 2)} (${longWars.length} and ${shortWars.length} settlements)`],
  };
}

export const warLength: Pattern = { id: 'P4', run: patternWarLength };
