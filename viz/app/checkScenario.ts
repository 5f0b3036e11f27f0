import type { AppState } from './appState';
import type { WorkerPool } from './workerPool';

/** Where a check runs: the page's state and the pool whose workers validate. */
export interface CheckOptions {
  state: AppState;
  pool: WorkerPool;
}

/** The number of each state's latest check. */
const latestCheck = new WeakMap<AppState, number>();

/**
 * Validates `scenario` in a worker and records the issues in the state if no later check was
 * asked for meanwhile: the pool's workers may answer checks in another order than they were asked
 * (one is idle, another between two steps of a run), and only the latest describes the fields as
 * they are. Resolves to whether the scenario is valid, and whether this check was the latest.
 */
async function check({ state, pool }: CheckOptions, scenario: unknown): Promise<{ ok: boolean; latest: boolean }> {
  const mine = (latestCheck.get(state) ?? 0) + 1;
  latestCheck.set(state, mine);
  // the scenario is copied as the request is posted: later edits do not change what is checked
  const r = await pool.validate(scenario);
  const latest = latestCheck.get(state) === mine;
  if (latest) state.setValidation(r);
  return { ok: r.ok, latest };
}

/**
 * Validates `scenario` (by default the working scenario as it is now) in a worker (the full
 * validation: names, kernel, memory), records the issues in the state unless a later check
 * supersedes this one, and resolves to whether it is valid.
 */
export async function checkScenario(options: CheckOptions, scenario: unknown = options.state.working): Promise<boolean> {
  return (await check(options, scenario)).ok;
}

/** After every edit or track switch, checks the scenario and says in the status line what to do next. */
export function checkOnEdit(options: CheckOptions): void {
  const changed = async () => {
    const { ok, latest } = await check(options, options.state.working);
    // an earlier edit's answer arriving late says nothing about the fields now
    if (!latest) return;
    if (!ok) options.state.setStatus('Fix the fields marked in red to run.', true);
    // a change made while a run goes (an instructor's injection) starts its own run: say nothing
    else if (!options.state.running) options.state.setStatus('Changed: press Run to see the result.');
  };
  options.state.on('edit', () => void changed());
  options.state.on('tracks', () => void changed());
}
