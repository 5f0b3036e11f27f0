import type { ExperimentOptions } from '../claims/experiment';
import type { Estimate } from '../claims/stats';

/**
 * A stylised fact of the empirical literature that the model was not calibrated on, measured on
 * the library's defaults (pattern-oriented validation: Grimm et al. 2005).
 */
export interface PatternResult {
  id: string;
  title: string;
  /** The fact as the literature states it. */
  fact: string;
  source: string;
  /** What was measured, on which scenario. */
  measure: string;
  value: Estimate;
  criterion: string;
  holds: boolean;
  notes: string[];
}

/** A stylised fact and the experiment that checks it. */
export interface Pattern {
  id: string;
  run(o: ExperimentOptions): PatternResult;
}
