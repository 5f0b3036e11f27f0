import type { Columns } from '../../sim/observe/observe';
import type { RunSummary } from '../../sim/summary';
import type { AppState, Baseline } from './appState';
import type { EditableScenario } from './fillScenario';

/** What the results table calls the current run. */
export const LAST_RUN_NAME = 'Last run';

/** A configuration whose ensemble is done: the last run or a saved variant. */
export interface Configuration {
  /** What the state calls it (a variant, or 'run' for the last run). */
  key: Baseline;
  /** Its table rows' `data-row`: "run" or "variant-<k>". */
  id: string;
  name: string;
  scenario: EditableScenario;
  summaries: readonly RunSummary[];
  columns: readonly Columns[];
  /** The last run only: the settings have changed since it ran. */
  stale: boolean;
}

/** The configurations with a finished ensemble, the last run first, then the variants in order. */
export function doneConfigurations(state: AppState): Configuration[] {
  const out: Configuration[] = [];
  const c = state.current;
  if (c?.done) out.push({ key: 'run', id: 'run', name: LAST_RUN_NAME, scenario: c.scenario, summaries: c.results.summaries, columns: c.results.runs, stale: state.currentIsStale() });
  state.variants.forEach((v, k) => {
    if (v.status === 'done' && v.summaries && v.columns) out.push({ key: v, id: `variant-${k}`, name: v.name, scenario: v.scenario, summaries: v.summaries, columns: v.columns, stale: false });
  });
  return out;
}
