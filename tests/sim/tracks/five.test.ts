import { describe, expect, it } from 'vitest';
import { trackFive } from '../../../sim/tracks/five';
import { turnOf } from './helpers/tracks';

describe('trackFive', () => {
  it('trackFive.effect() counts peace media\'s reach as achievement and hate media\'s as harm', () => {
    const peace = turnOf(5, 0.5, { actor: { valence: 1 } });
    const hate = turnOf(5, 0.5, { actor: { valence: -1 } });
    expect(trackFive.effect(peace.sim.state, peace.sim.ctx, peace.turn)).toBeGreaterThan(0);
    expect(trackFive.effect(hate.sim.state, hate.sim.ctx, hate.turn)).toBeLessThan(0);
    // the climate moves after every actor's turn, not in the effect
    expect(Array.from(peace.sim.state.media)).toEqual([0, 0]);
  });

  it('trackFive.afterActors() pulls the media climate towards valence · capacity · e of the party\'s media', () => {
    const { sim } = turnOf(5, 0.5, { ticksPerYear: 12, actor: { valence: -1, capacity: 0.8, parties: ['A'] }, params: { mediaDecay: 3 } });
    trackFive.afterActors!(sim.state, sim.ctx);
    const pull = 1 - Math.exp(-3 / 12);
    expect(sim.state.media[0]).toBeCloseTo(pull * -0.8 * 0.5, 12);
    expect(sim.state.media[1]).toBe(0);
  });
});
