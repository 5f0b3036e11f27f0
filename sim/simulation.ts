import { createContext, type Context } from './context';
import { createState } from './init';
import { replicateSeed } from './rng';
import { preparePopulation } from './rules/population';
import type { ScenarioData } from './scenario/schema';
import type { SimState } from './state';

/**
 * A live run: its context and state, advanced by `step(state, ctx)`. Stepping does not save the
 * streams into `state.streams` (a run session's `save()` does), so resume only from a saved state.
 */
export interface Simulation {
  ctx: Context;
  state: SimState;
}

/** Which run to set up: a replicate (seed derived from the scenario's), a seed, or a saved state to resume. */
export interface SimulationOptions {
  /** Replicate number; its seed derives from the scenario seed (run 0 uses it as is). Default 0. */
  run?: number;
  /** Seed to use instead of the derived one. */
  seed?: number;
  /** A saved state to resume from; it is copied, never changed. */
  from?: SimState;
}

/** Creates a simulation at tick 0, or resumed from a saved state. */
export function createSimulation(scenario: ScenarioData, o: SimulationOptions = {}): Simulation {
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
