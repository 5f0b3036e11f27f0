import { ROLE_BUSINESS } from '../state';
import { segmentShare } from './segmentShare';
import { HALF, type Track } from './track';

/** Track Three, business: relieves the business segment's anger and builds interdependence. */
export const trackThree: Track = {
  number: 3,
  short: 'Three',
  kind: 'business',
  consent: false,
  stageWindow: [1, 5],
  stageWindowSource: 'assumption',
  powerBase: true,
  opensTalks: false,
  valence: false,
  effect(state, ctx, { actor, q, e, fx }) {
    const { dt, params: p } = ctx;
    const k = q * 3 + ROLE_BUSINESS;
    fx.reliefAnger[k] += e * p.track3Depth;
    const dE = dt * p.track3Trade * e * (1 - state.dyad[3]) * HALF;
    fx.dE += dE;
    actor.tradePool += dE;
    return dt * e * p.track3Depth * segmentShare(state, q, ROLE_BUSINESS) * state.roleAnger[k] * HALF;
  },
};
