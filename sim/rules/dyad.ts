import type { Context } from '../context';
import type { SimState } from '../state';
import type { Effects } from './effects';

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Step 5: T ← T + dt·[(τ_v·V + τ_h·(H_p + H_q)/2)·(1 − T) − τ_d·T·(C + U)/2 − τ_0·T]; C, U and E
 * rise by the tracks' increments and decay at relationDecay. All read the snapshot values of T,
 * C, U, E. Violence and hostility raise tension towards its ceiling, in proportion to the room
 * left (as exposure raises fear by δ_f·(1 − f)), so tension settles inside (0, 1) at
 * a/(a + τ_0 + τ_d·(C + U)/2), a = τ_v·V + τ_h·mean H, instead of pinning at 1 whenever the
 * pushes outweigh τ_0.
 */
export function updateDyad(state: SimState, ctx: Context, fx: Readonly<Effects>, hostilityBefore: readonly number[]): void {
  const p = ctx.params;
  const dt = ctx.dt;
  const [T, C, U, E] = state.dyad;
  const meanH = (hostilityBefore[0] + hostilityBefore[1]) / 2;
  const push = p.tensionFromViolence * state.violence + p.tensionFromHostility * meanH;
  state.dyad[0] = clamp01(T + dt * (push * (1 - T) - p.tensionRelief * T * (C + U) / 2 - p.tensionDecay * T));
  state.dyad[1] = clamp01(C + fx.dC - dt * p.relationDecay * C);
  state.dyad[2] = clamp01(U + fx.dU - dt * p.relationDecay * U);
  state.dyad[3] = clamp01(E + fx.dE - dt * p.relationDecay * E);
}
