import type { Arena } from './arena';
import { deriveConstants } from './constants';
import type { Context } from './context';
import { createState, restoreState } from './init';
import { replicateSeed } from './rng';
import type { ScenarioData } from './scenario/schema';
import { createScratch } from './scratch';
import type { SimState } from './state';
import { createStreams } from './streams';

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

/** Creates a simulation at tick 0, or resumed from a saved state: constants, streams, state, then scratch. */
export function createSimulation(scenario: ScenarioData, o: SimulationOptions = {}): Simulation {
  const constants = deriveConstants(scenario);
  let made: { state: SimState; arena: Arena };
  let streams;
  if (o.from) {
    made = restoreState(o.from, constants.meanfield);
    streams = createStreams(scenario, made.state.seed, made.state.streams);
  } else {
    const seed = o.seed ?? replicateSeed(scenario.seed, o.run ?? 0);
    streams = createStreams(scenario, seed);
    made = createState(constants, streams);
    made.state.seed = seed;
  }
  const { state, arena } = made;
  return { ctx: { ...constants, streams, scratch: createScratch(state, constants, arena) }, state };
}
