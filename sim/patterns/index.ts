/** Pattern-oriented validation: stylised facts the model was not calibrated on, measured at the library's defaults. */
import type { ExperimentOptions } from '../claims/experiment';
import { conflictTrap } from './conflictTrap';
import { durations } from './durations';
import { overdispersion } from './overdispersion';
import type { Pattern, PatternResult } from './pattern';
import { warLength } from './warLength';

export type { Pattern, PatternResult } from './pattern';
export { patternsMarkdown } from './patternsMarkdown';

/** Every stylised fact, in order. */
export const PATTERNS: readonly Pattern[] = [overdispersion, durations, conflictTrap, warLength];

/** Runs every pattern and reports each. */
export function runPatterns(o: ExperimentOptions, onPattern?: (r: PatternResult) => void): PatternResult[] {
  return PATTERNS.map((p) => {
    const r = p.run(o);
    onPattern?.(r);
    return r;
  });
}
