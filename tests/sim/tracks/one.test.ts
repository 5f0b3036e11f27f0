import { describe, expect, it } from 'vitest';
import { trackOne } from '../../../sim/tracks/one';
import { turnOf } from './helpers/tracks';

describe('trackOne.effect()', () => {
  it('trackOne.effect() raises communication by dt·trackOneCommunication·e·(1 − C)/2 and achieves nothing itself', () => {
    const { sim, turn } = turnOf(1, 0.4, { ticksPerYear: 12, dyad: { C: 0.25 }, params: { trackOneCommunication: 0.3 } });
    const gain = trackOne.effect(sim.state, sim.ctx, turn);
    const dC = (1 / 12) * 0.3 * 0.4 * 0.75 / 2;
    expect(turn.fx.dC).toBeCloseTo(dC, 15);
    expect(turn.actor.commPool).toBeCloseTo(dC, 15);
    expect(gain).toBe(0);
    expect(Array.from(turn.fx.reliefAnger)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});
