import type { OutcomeKey } from '../../sim/compare/index';

/** How the page names and formats an outcome. */
export interface OutcomeLabel {
  /** In plain words, for a table's heading. */
  label: string;
  /** The unit, or what the numbers are over. */
  unit: string;
  /** Decimals shown. */
  digits: number;
}

/** The outcomes the results table shows, in order, with their names (finalX goes to the CSV only). */
export const OUTCOME_LABELS: Partial<Record<OutcomeKey, OutcomeLabel>> = {
  peakX: { label: 'Worst escalation', unit: 'peak X, from 0 (calm) to 1', digits: 2 },
  areaX: { label: 'Total escalation', unit: 'area under X, X·years', digits: 1 },
  deescalated: { label: 'Runs that de-escalated', unit: 'share of runs', digits: 0 },
  yearsToDeescalation: { label: 'Years until calm', unit: 'time to de-escalation, in the runs that de-escalated', digits: 1 },
  settlements: { label: 'Settlements signed', unit: 'per run', digits: 1 },
  collapses: { label: 'Settlements collapsed', unit: 'per run', digits: 1 },
};

/** The shown outcomes' keys, in table order. */
export const SHOWN_OUTCOMES = Object.keys(OUTCOME_LABELS) as OutcomeKey[];
