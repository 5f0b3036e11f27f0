import type { SimState } from '../state';

/**
 * Histograms of anger and fear in each party at the current state: `bins` equal bins on [0, 1]
 * as shares of the party, laid out [party0 anger, party0 fear, party1 anger, party1 fear], written
 * into `out` (4 × bins values, zeroed first; a new array when not given).
 */
export function distributions(state: Readonly<SimState>, bins: number, out = new Float64Array(4 * bins)): Float64Array {
  out.fill(0);
  for (let p = 0; p < 2; p++) {
    const from = state.partyStart[p];
    const to = state.partyStart[p + 1];
    const share = to > from ? 1 / (to - from) : 0;
    for (let i = from; i < to; i++) {
      out[(2 * p) * bins + Math.min(bins - 1, Math.floor(state.anger[i] * bins))] += share;
      out[(2 * p + 1) * bins + Math.min(bins - 1, Math.floor(state.fear[i] * bins))] += share;
    }
  }
  return out;
}
