import type { SimState } from '../state';

/** Escalation index X ∈ [0,1]: the weighted mean of T, mean hostility, mean fear and violence V. */
export function escalationIndex(state: Readonly<SimState>, w: readonly [number, number, number, number]): number {
  const total = w[0] + w[1] + w[2] + w[3];
  if (!(total > 0)) return 0;
  const h = (state.hostility[0] + state.hostility[1]) / 2;
  const f = (state.meanFear[0] + state.meanFear[1]) / 2;
  return (w[0] * state.dyad[0] + w[1] * h + w[2] * f + w[3] * state.violence) / total;
}

/** Glasl stage 1…9 of an escalation index: 1 + min(8, ⌊9X⌋). */
export function glaslStage(x: number): number {
  return 1 + Math.min(8, Math.floor(9 * x));
}
