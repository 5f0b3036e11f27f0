import type { ModelEvent } from './observe/modelEvents';
import type { Columns } from './observe/observe';
import type { ScenarioData } from './scenario/schema';
import { openRun, type SessionOptions } from './session';
import type { SimState } from './state';

/** Options of `run`: those of a run session (`openRun`). */
export type RunOptions = SessionOptions;

/** A run's observations, its model events and its final state (with saved streams, to resume from). */
export interface RunResult {
  run: number;
  seed: number;
  columns: Columns;
  /** Per observed row, 4 × bins shares (see `distributions`), when asked for. */
  histograms?: Float64Array;
  events: readonly ModelEvent[];
  state: SimState;
}

/**
 * Runs a scenario (validated, defaults filled) headless to the end: a run session advanced at
 * once. Tick 0 is the initial state; row t is the state after t steps. The same scenario and seed
 * give the same result in Node and the browser, and a run split into chunks (passing `from`)
 * equals one run.
 */
export function run(scenario: ScenarioData, o: RunOptions = {}): RunResult {
  const session = openRun(scenario, o);
  session.advance();
  const { run, seed, columns, histograms, events } = session;
  return { run, seed, columns, histograms, events, state: session.save() };
}
