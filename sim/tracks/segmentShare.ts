import type { SimState } from '../state';

/** The share of party q's agents that have role `role` (elites, business, the rest). */
export function segmentShare(state: Readonly<SimState>, q: number, role: number): number {
  const total = state.roleCount[q * 3] + state.roleCount[q * 3 + 1] + state.roleCount[q * 3 + 2];
  return total > 0 ? state.roleCount[q * 3 + role] / total : 0;
}
