import { ROLE_ELITE } from '../state';
import { segmentShare } from './segmentShare';
import { HALF, type Track } from './track';

/**
 * Track Two, private problem-solving workshops: relieves the elites' anger and fear, builds
 * communication and understanding, and accrues insights.
 */
export const trackTwo: Track = {
  number: 2,
  short: 'Two',
  kind: 'private problem-solving',
  consent: true,
  stageWindow: [3, 6],
  stageWindowSource: 'assumption (Fisher & Keashly 1991: consultation before mediation)',
  powerBase: true,
  opensTalks: false,
  valence: false,
  effect(state, ctx, { actor, q, e, fx }) {
    const { dt, params: p } = ctx;
    const k = q * 3 + ROLE_ELITE;
    fx.reliefAnger[k] += e * p.track2Depth;
    fx.reliefFear[k] += e * p.track2Depth;
    const dC = dt * p.track2Communication * e * (1 - state.dyad[1]) * HALF;
    const dU = dt * p.track2Understanding * e * (1 - state.dyad[2]) * HALF;
    fx.dC += dC;
    fx.dU += dU;
    actor.commPool += dC + dU;
    const insight = dt * p.insightRate * actor.effect[q] * HALF;
    actor.insights += insight;
    return insight + dt * e * p.track2Depth * segmentShare(state, q, ROLE_ELITE) *
      (state.roleAnger[k] + state.roleFear[k]) * HALF;
  },
};
