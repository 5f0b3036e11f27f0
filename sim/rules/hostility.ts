import type { Constants } from '../constants';
import { ROLE_ELITE, type SimState } from '../state';

/**
 * Sets per-party means (all agents and by role) and hostility H_p = w_e·mean_elite(a) +
 * (1 − w_e)·mean_all(a) from the role sums in state.roleAnger/roleFear/roleCount, which hold
 * sums on entry and means on exit. A party with no elites uses mean_all for both.
 */
export function finishPartyMeans(state: SimState, eliteWeight: number): void {
  for (let p = 0; p < 2; p++) {
    let sumA = 0;
    let sumF = 0;
    let count = 0;
    for (let r = 0; r < 3; r++) {
      const k = p * 3 + r;
      const c = state.roleCount[k];
      sumA += state.roleAnger[k];
      sumF += state.roleFear[k];
      count += c;
      state.roleAnger[k] = c > 0 ? state.roleAnger[k] / c : 0;
      state.roleFear[k] = c > 0 ? state.roleFear[k] / c : 0;
    }
    const meanA = count > 0 ? sumA / count : 0;
    state.meanAnger[p] = meanA;
    state.meanFear[p] = count > 0 ? sumF / count : 0;
    const elites = state.roleCount[p * 3 + ROLE_ELITE];
    state.hostility[p] = elites > 0 ? eliteWeight * state.roleAnger[p * 3 + ROLE_ELITE] + (1 - eliteWeight) * meanA : meanA;
  }
}

/** Recomputes party means and hostility from the agents (or the mean-field representatives). */
export function computeHostility(state: SimState, ctx: Pick<Constants, 'meanfield' | 'params'>): void {
  state.roleAnger.fill(0);
  state.roleFear.fill(0);
  state.roleCount.fill(0);
  if (ctx.meanfield) {
    for (let p = 0; p < 2; p++) {
      state.roleAnger[p * 3] = state.mfAnger[p];
      state.roleFear[p * 3] = state.mfFear[p];
      state.roleCount[p * 3] = 1;
    }
  } else {
    const { anger, fear, role, partyStart } = state;
    for (let p = 0; p < 2; p++) {
      for (let i = partyStart[p]; i < partyStart[p + 1]; i++) {
        const k = p * 3 + role[i];
        state.roleAnger[k] += anger[i];
        state.roleFear[k] += fear[i];
        state.roleCount[k] += 1;
      }
    }
  }
  finishPartyMeans(state, ctx.params.eliteWeight);
}
