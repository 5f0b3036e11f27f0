import { describe, expect, it } from 'vitest';
import { trackFour } from '../../../sim/tracks/four';
import { turnOf } from './helpers/tracks';

describe('trackFour.effect()', () => {
  it('trackFour.effect() in agent mode draws a cohort of the party and sets its depth 1 − Π(1 − track4Depth·e)', () => {
    const { sim, turn } = turnOf(4, 0.5, { ticksPerYear: 12, parties: [{ population: 240 }, {}], actor: { capacity: 0.5 }, params: { track4Depth: 0.5 } });
    turn.actor.effect.set([0.6, 0.6]);
    const gain = trackFour.effect(sim.state, sim.ctx, turn);
    expect(turn.fx.cohortDepth[0]).toBeCloseTo(0.3, 15);
    expect(turn.fx.cohortDepth[1]).toBe(0);
    // 0.5 × 1/12 × 240 = 10 participants, marked to take part in this step's population pass
    expect(turn.actor.participants).toBe(10);
    expect(sim.state.participant.filter((p) => p === 2).length).toBeGreaterThan(0);
    expect(gain).toBeGreaterThan(0);
    expect(Array.from(turn.fx.reliefAnger)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('trackFour.effect() in mean-field mode adds the relief rate capacity·depth to every role of the party instead', () => {
    const { sim, turn } = turnOf(4, 0.5, { mode: 'meanfield', actor: { capacity: 0.5 }, params: { track4Depth: 0.5 } });
    turn.actor.effect.set([0.6, 0.6]);
    trackFour.effect(sim.state, sim.ctx, turn);
    expect(Array.from(turn.fx.reliefAnger).map((x) => +x.toFixed(12))).toEqual([0.15, 0.15, 0.15, 0, 0, 0]);
    expect(Array.from(turn.fx.reliefFear).map((x) => +x.toFixed(12))).toEqual([0.15, 0.15, 0.15, 0, 0, 0]);
    expect(turn.actor.participants).toBe(0);
  });
});
