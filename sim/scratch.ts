import type { Constants } from './constants';
import { createEffects, type Effects } from './rules/effects';
import { TERMS_LENGTH } from './rules/populationTerms';
import type { SimState } from './state';

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
}

/** Per agent, 1 when every tie in its row weighs exactly 1 (the small world's within-party ties), else 0. */
function unitWeightRows(rowPtr: Int32Array, weight: Float32Array, n: number): Uint8Array {
  const unit = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let one = 1;
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) if (weight[e] !== 1) one = 0;
    unit[i] = one;
  }
  return unit;
}

/** Allocates the scratch of a run whose state (network and agents) is built. */
export function createScratch(state: Readonly<SimState>, c: Pick<Constants, 'meanfield'>): Scratch {
  const n = c.meanfield ? 0 : state.partyStart[2];
  return {
    fx: createEffects(),
    terms: new Float64Array(TERMS_LENGTH),
    pairs: new Float32Array(2 * n),
    unitRows: c.meanfield ? new Uint8Array(0) : unitWeightRows(state.rowPtr, state.weight, n),
  };
}
