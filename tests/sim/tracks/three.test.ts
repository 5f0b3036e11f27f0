import { describe, expect, it } from 'vitest';
import { ROLE_BUSINESS, ROLE_ELITE } from '../../../sim/state';
import { trackThree } from '../../../sim/tracks/three';
import { turnOf } from './helpers/tracks';

describe('trackThree.effect()', () => {
  it('trackThree.effect() relieves the business segment\'s anger (not its fear) and raises interdependence', () => {
    const { sim, turn } = turnOf(3, 0.5, { ticksPerYear: 12, dyad: { E: 0.1 }, params: { track3Depth: 0.3, track3Trade: 0.5 } });
    const gain = trackThree.effect(sim.state, sim.ctx, turn);
    expect(turn.fx.reliefAnger[ROLE_BUSINESS]).toBeCloseTo(0.15, 15);
    expect(turn.fx.reliefFear[ROLE_BUSINESS]).toBe(0);
    expect(turn.fx.reliefAnger[ROLE_ELITE]).toBe(0);
    expect(turn.fx.dE).toBeCloseTo((1 / 12) * 0.5 * 0.5 * 0.9 / 2, 15);
    expect(turn.actor.tradePool).toBe(turn.fx.dE);
    expect(turn.fx.dC).toBe(0);
    expect(gain).toBeGreaterThan(0);
  });
});
