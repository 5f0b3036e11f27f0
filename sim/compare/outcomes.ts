import type { RunSummary } from '../summary';

/**
 * The outcomes of a run that ensembles are compared on, in the units people read them in:
 * measures (a number per run) and shares (whether something happened in a run). Years to
 * de-escalation exists only for the runs that de-escalated.
 */
export const OUTCOMES = [
  { key: 'peakX', kind: 'measure' },
  { key: 'areaX', kind: 'measure' },
  { key: 'deescalated', kind: 'share' },
  { key: 'yearsToDeescalation', kind: 'measure' },
  { key: 'settlements', kind: 'measure' },
  { key: 'collapses', kind: 'measure' },
  { key: 'finalX', kind: 'measure' },
] as const;

export type Outcome = (typeof OUTCOMES)[number];
export type OutcomeKey = Outcome['key'];

/** Fewest runs (or pairs of runs) a confidence interval is given for; below it the page says "too few runs". */
export const MIN_RUNS_FOR_INTERVAL = 10;

/** The runs of one ensemble and its scenario's ticks per year (to give times in years). */
export interface EnsembleRuns {
  summaries: readonly RunSummary[];
  ticksPerYear: number;
}

/** A run's value of an outcome: a number, 1 or 0 for a share, or null where it has none (never de-escalated). */
export function outcomeValue(s: RunSummary, key: OutcomeKey, ticksPerYear: number): number | null {
  switch (key) {
    case 'deescalated':
      return s.deescalated ? 1 : 0;
    case 'yearsToDeescalation':
      return s.timeToDeescalation === null ? null : s.timeToDeescalation / ticksPerYear;
    default:
      return s[key];
  }
}
