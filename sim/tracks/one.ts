import { HALF, type Track } from './track';

/** Track One, official diplomacy: builds communication; its actors open the talks (ODD §7.13). */
export const trackOne: Track = {
  number: 1,
  short: 'One',
  kind: 'official',
  consent: true,
  stageWindow: [5, 8],
  stageWindowSource: 'assumption (Glasl 1982; Fisher & Keashly 1991)',
  powerBase: false,
  opensTalks: true,
  valence: false,
  effect(state, ctx, { actor, e, fx }) {
    const dC = ctx.dt * ctx.params.trackOneCommunication * e * (1 - state.dyad[1]) * HALF;
    fx.dC += dC;
    actor.commPool += dC;
    return 0;
  },
};
