import type { AppState } from './appState';
import type { WorkerPool } from './workerPool';

/** Where a check runs: the page's state and the pool whose workers validate. */
export interface CheckOptions {
  state: AppState;
  pool: WorkerPool;
}

/**
 * Validates the working scenario in the worker (the full validation: names, kernel, memory) and
 * records the issues in the state; resolves to whether it is valid.
 */
export async function checkScenario({ state, pool }: CheckOptions): Promise<boolean> {
  const r = await pool.validate(state.working);
  state.setValidation(r);
  return r.ok;
}

/** After every edit or track switch, checks the scenario and says in the status line what to do next. */
export function checkOnEdit(options: CheckOptions): void {
  const changed = async () => {
    const ok = await checkScenario(options);
    if (!ok) options.state.setStatus('Fix the fields marked in red to run.', true);
    // a change made while a run goes (an instructor's injection) starts its own run: say nothing
    else if (!options.state.running) options.state.setStatus('Changed: press Run to see the result.');
  };
  options.state.on('edit', () => void changed());
  options.state.on('tracks', () => void changed());
}
