import { selectCohort } from '../rules/cohort';
import { HALF, type Track } from './track';

/**
 * Track Four, exchanges: a cohort of each party meets the other side, losing anger, fear and
 * grievance and keeping a contact tie (agent mode); in mean-field mode a relief rate of all roles.
 */
export const trackFour: Track = {
  number: 4,
  short: 'Four',
  kind: 'exchanges',
  consent: true,
  stageWindow: [1, 5],
  stageWindowSource: 'assumption',
  powerBase: true,
  opensTalks: false,
  valence: false,
  effect(state, ctx, { j, spec, actor, q, fx }) {
    const { dt, params: p } = ctx;
    const depth = Math.min(1, p.track4Depth * actor.effect[q]);
    if (ctx.meanfield) {
      // a share `capacity` of the population per year loses `depth` of its anger and fear
      for (let r = 0; r < 3; r++) {
        fx.reliefAnger[q * 3 + r] += spec.capacity * depth;
        fx.reliefFear[q * 3 + r] += spec.capacity * depth;
      }
      return dt * spec.capacity * depth * (state.meanAnger[q] + state.meanFear[q]) * HALF;
    }
    fx.cohortDepth[q] = 1 - (1 - fx.cohortDepth[q]) * (1 - depth);
    const picked = selectCohort(state, ctx, { actor: j, party: q, share: spec.capacity * dt, grievanceCut: p.track4Grievance * actor.effect[q] });
    actor.participants += picked.count;
    return depth * picked.angerFearSum / Math.max(1, state.partyStart[q + 1] - state.partyStart[q]) * HALF;
  },
};
