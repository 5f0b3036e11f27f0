import type { Arena } from './arena';
import type { Constants } from './constants';
import { createEffects, type Effects } from './rules/effects';
import { TERMS_LENGTH } from './rules/populationTerms';
import type { SimState } from './state';
import { createPopulationPass, type PopulationPass } from './wasm/populationPass';

/**
 * Buffers a run reuses at every step, allocated once, when the run is set up (never in a step):
 * the tracks' effects gathered for the population and dyad updates, the population pass's terms,
 * and its interleaved anger/fear snapshot and unit-weight row flags (agent mode only).
 */
export interface Scratch {
  fx: Effects;
  /** The population pass's per-step terms (see populationTerms). */
  terms: Float64Array;
  /** Anger and fear of every agent at the start of the step, interleaved (2 per agent). */
  pairs: Float32Array;
  /** Per agent, 1 when every tie in its row weighs exactly 1 (the population pass then skips the weights). */
  unitRows: Uint8Array;
  /** The population pass over this run's arena (agent mode only). */
  pass?: PopulationPass;
}

/** Sets unit[i] to 1 when every tie in agent i's row weighs exactly 1 (the small world's within-party ties), else 0. */
function markUnitRows(unit: Uint8Array, rowPtr: Int32Array, weight: Float32Array): void {
  for (let i = 0; i < unit.length; i++) {
    let one = 1;
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) if (weight[e] !== 1) one = 0;
    unit[i] = one;
  }
}

/** Allocates the scratch of a run whose state (network and agents) is built, in its arena, and binds its population pass. */
export function createScratch(state: Readonly<SimState>, c: Pick<Constants, 'meanfield'>, arena: Arena): Scratch {
  const n = c.meanfield ? 0 : state.partyStart[2];
  const arrays = { terms: arena.float64(TERMS_LENGTH), pairs: arena.float32(2 * n), unitRows: arena.uint8(n) };
  markUnitRows(arrays.unitRows, state.rowPtr, state.weight);
  return { fx: createEffects(), ...arrays, pass: c.meanfield ? undefined : createPopulationPass(arena, state, arrays) };
}
