import { createContext, saveStreams, type Context } from './context';
import { createState } from './init';
import { columnNames, createColumns, distributions, observe, type Columns } from './observe';
import { replicateSeed } from './rng';
import type { ScenarioData } from './scenario/schema';
import { MEMORY_LIMIT } from './scenario/validate';
import type { SimState } from './state';
import { step } from './step';
import { preparePopulation } from './rules/population';
import { summarize, type RunSummary } from './summary';

/** Options of `run`. */
export interface RunOptions {
  /** Replicate number; its seed derives from the scenario seed (run 0 uses it as is). Default 0. */
  run?: number;
  /** Seed to use instead of the derived one. */
  seed?: number;
  /** Steps to take. Default: the scenario's ticks (or what is left of them when resuming). */
  ticks?: number;
  /** A state returned by an earlier call, to resume from; its first tick is not observed again. */
  from?: SimState;
  /** Record anger and fear histograms with this many bins at every observed tick. Default 0 (none). */
  histogramBins?: number;
}

/** A run's observations, its final state (to resume from) and, when it reaches the end, its summary. */
export interface RunResult {
  run: number;
  seed: number;
  columns: Columns;
  /** Per observed row, 4 × bins shares (see `distributions`), when asked for. */
  histograms?: Float64Array;
  state: SimState;
}

/**
 * A live run: its context and state, advanced by `step(state, ctx)`. Stepping does not save the
 * streams into `state.streams` (`run` does, at its end), so resume only from a state `run` returned.
 */
export interface Simulation {
  ctx: Context;
  state: SimState;
}

/** Creates a simulation at tick 0, or resumed from a saved state. */
export function createSimulation(scenario: ScenarioData, o: { run?: number; seed?: number; from?: SimState } = {}): Simulation {
  let sim: Simulation;
  if (o.from) {
    const state = structuredClone(o.from);
    sim = { ctx: createContext(scenario, state.seed, state.streams), state };
  } else {
    const seed = o.seed ?? replicateSeed(scenario.seed, o.run ?? 0);
    const ctx = createContext(scenario, seed);
    const state = createState(ctx);
    state.seed = seed;
    sim = { ctx, state };
  }
  if (!sim.ctx.meanfield) preparePopulation(sim.state, sim.ctx);
  return sim;
}

/**
 * Runs a scenario (validated, defaults filled) headless: observe → step → observe… Tick 0 is the
 * initial state; row t is the state after t steps. The same scenario and seed give the same
 * result in Node and the browser, and a run split into chunks (passing `from`) equals one run.
 */
export function run(scenario: ScenarioData, o: RunOptions = {}): RunResult {
  const sim = createSimulation(scenario, o);
  const { ctx, state } = sim;
  const runIndex = o.run ?? 0;
  const ticks = o.ticks ?? Math.max(0, scenario.ticks - state.tick);
  const first = o.from ? 0 : 1;
  const names = columnNames(scenario.parties.map((p) => p.name));
  if (!Number.isInteger(ticks) || ticks < 0) throw new RangeError(`ticks must be a whole number ≥ 0, got ${ticks}`);
  if ((ticks + first) * names.length * 8 > MEMORY_LIMIT) {
    throw new RangeError(`ticks: ${ticks} observed ticks would need ${((ticks + first) * names.length * 8 / 1024 ** 3).toFixed(1)} GiB of memory; the limit is ${MEMORY_LIMIT / 1024 ** 3} GiB`);
  }
  const cols = createColumns(names, ticks + first);
  const partyNames = scenario.parties.map((p) => p.name);
  const bins = o.histogramBins ?? 0;
  const hist = bins > 0 ? new Float64Array((ticks + first) * 4 * bins) : undefined;
  const record = () => {
    if (hist) hist.set(distributions(state, bins), cols.rows * 4 * bins);
    observe(cols, state, runIndex, partyNames);
  };
  if (!o.from) record();
  for (let t = 0; t < ticks; t++) {
    step(state, ctx);
    record();
  }
  state.streams = saveStreams(ctx);
  return { run: runIndex, seed: state.seed, columns: cols, histograms: hist, state };
}

/** The summary of a complete run's columns. */
export function summarizeRun(scenario: ScenarioData, cols: Columns): RunSummary {
  const d = cols.data;
  const last = cols.rows - 1;
  return summarize(d.run[0] ?? 0, d.seed[0] ?? scenario.seed, d.X.subarray(0, cols.rows), d.tick.subarray(0, cols.rows),
    last >= 0 ? d.settlements[last] : 0, last >= 0 ? d.collapses[last] : 0,
    { dt: 1 / scenario.ticksPerYear, deescalated: scenario.params.deescalated, sustain: scenario.params.sustain });
}
