import type { Context } from '../context';
import { exp } from '../portableMath';
import type { SimState } from '../state';
import { HALF, type Track } from './track';

const NUMBER = 5;

/**
 * Track Five, media: moves the media climate of the parties it broadcasts to (after every actor's
 * turn); its pull on anger and fear is in the population pass. Hate media (valence < 0) do harm,
 * counted as negative achievement.
 */
export const trackFive: Track = {
  number: NUMBER,
  short: 'Five',
  kind: 'media',
  consent: false,
  stageWindow: [1, 9],
  stageWindowSource: 'assumption',
  powerBase: true,
  opensTalks: false,
  valence: true,
  effect(state, ctx, { spec, q, e }) {
    const m = spec.valence >= 0 ? state.meanAnger[q] + state.meanFear[q] : 2 - state.meanAnger[q] - state.meanFear[q];
    return ctx.dt * ctx.params.mediaDepth * spec.valence * e * m * HALF;
  },
  afterActors: updateMedia,
};

/** The media climate of each party relaxes towards Σ valence·capacity·e of the Track Five actors there. */
function updateMedia(state: SimState, ctx: Context): void {
  const target = [0, 0];
  ctx.scenario.actors.forEach((spec, j) => {
    if (spec.track !== NUMBER) return;
    for (const q of ctx.actorParties[j]) target[q] += spec.valence * spec.capacity * state.actors[j].effect[q];
  });
  const pull = 1 - exp(-ctx.params.mediaDecay * ctx.dt);
  for (let q = 0; q < 2; q++) {
    const goal = Math.max(-1, Math.min(1, target[q]));
    state.media[q] += pull * (goal - state.media[q]);
  }
}
