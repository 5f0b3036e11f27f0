import { describe, expect, it } from 'vitest';
import { ROLE_ELITE, ROLE_GENERAL } from '../../../sim/state';
import { trackTwo } from '../../../sim/tracks/two';
import { turnOf } from './helpers/tracks';

describe('trackTwo.effect()', () => {
  it('trackTwo.effect() relieves the party\'s elites only, raises C and U, and accrues insights', () => {
    const { sim, turn } = turnOf(2, 0.5, { ticksPerYear: 12, dyad: { C: 0.2, U: 0.4 }, params: { track2Depth: 0.5, track2Communication: 0.6, track2Understanding: 0.4, insightRate: 0.15 } });
    const gain = trackTwo.effect(sim.state, sim.ctx, turn);
    const dt = 1 / 12;
    expect(turn.fx.reliefAnger[ROLE_ELITE]).toBeCloseTo(0.25, 15);
    expect(turn.fx.reliefFear[ROLE_ELITE]).toBeCloseTo(0.25, 15);
    expect(turn.fx.reliefAnger[ROLE_GENERAL]).toBe(0);
    expect(turn.fx.reliefAnger[3 + ROLE_ELITE]).toBe(0); // the other party is untouched in party 0's turn
    expect(turn.fx.dC).toBeCloseTo(dt * 0.6 * 0.5 * 0.8 / 2, 15);
    expect(turn.fx.dU).toBeCloseTo(dt * 0.4 * 0.5 * 0.6 / 2, 15);
    expect(turn.actor.insights).toBeCloseTo(dt * 0.15 * 0.5 / 2, 15);
    expect(gain).toBeGreaterThan(turn.actor.insights);
  });
});
