import type { AppState } from './appState';
import { HIST_BINS } from './limits';
import { memoryProblem } from './memoryBudget';

/** Bytes of results the page keeps for saved variants (their replicates' columns). */
export function keptBytes(state: AppState): number {
  let bytes = 0;
  for (const v of state.variants) for (const c of v.columns ?? []) for (const n of c.names) bytes += c.data[n].byteLength;
  return bytes;
}

/**
 * Why Run cannot start on the working settings, in words ('' when it can): a field the last
 * validation marked invalid, an invalid ensemble size, or more memory than the page allows
 * (with the command that runs it instead).
 */
export function whyNotRun(state: AppState): string {
  if (!state.valid) return 'Fix the fields marked in red to run.';
  if (state.runsIssue) return `Fix the ensemble size to run: ${state.runsIssue}.`;
  // the current run keeps every run's model events, for the event log
  return memoryProblem({ scenario: state.working, runs: state.runsWanted, histogramBins: HIST_BINS, eventRuns: state.runsWanted, keptBytes: keptBytes(state) });
}
