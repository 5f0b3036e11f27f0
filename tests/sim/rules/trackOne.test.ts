import { describe, expect, it } from 'vitest';
import { createSimulation, run, type ScenarioData } from '../../../sim/index';
import { collapseHazard, rootCause, stepTrackOne, updatePowerBase, updateRipeness } from '../../../sim/rules/trackOne';
import { PHASE_ANALYSIS, PHASE_FOLLOW_THROUGH, TRACK_ONE_NONE, TRACK_ONE_SETTLED, TRACK_ONE_TALKS } from '../../../sim/state';
import type { ScenarioOverrides } from '../../fixtures/sim/makeScenario';
import { makeScenario } from '../../fixtures/sim/makeScenario';

const tracks = (list: number[]) => list.map((track, j) => ({ name: `actor${j}`, track }));

describe('updatePowerBase()', () => {
  function powerBase(o: ScenarioOverrides, achievements: number[], activity: number[]) {
    const sim = createSimulation(makeScenario(o));
    achievements.forEach((s, j) => (sim.state.actors[j].achievement = s));
    sim.state.activity.set(activity);
    updatePowerBase(sim.state, sim.ctx);
    return sim.state;
  }

  it('updatePowerBase() sums kernel weight × achievement over Tracks Two to Five, leaving Track One out', () => {
    const st = powerBase({ actors: tracks([1, 2, 3, 4, 5, 2]), params: { jointPowerBase: 0 } }, [10, 1, 2, 3, 4, 0.5], [0, 0, 0, 0, 0, 0]);
    const w = [0, 0, 1, Math.exp(-1), Math.exp(-2), Math.exp(-3)];
    expect(st.powerBaseByTrack[2]).toBeCloseTo(1.5 * w[2], 12);
    expect(st.powerBaseByTrack[3]).toBeCloseTo(2 * w[3], 12);
    expect(st.powerBaseByTrack[4]).toBeCloseTo(3 * w[4], 12);
    expect(st.powerBaseByTrack[5]).toBeCloseTo(4 * w[5], 12);
    expect(st.powerBase).toBeCloseTo(1.5 + 2 * w[3] + 3 * w[4] + 4 * w[5], 12);
  });

  it('updatePowerBase() with a flat kernel weighs every track alike', () => {
    const st = powerBase({ actors: tracks([2, 3, 4, 5]), kernel: { formula: '1', params: {} }, params: { jointPowerBase: 0 } }, [1, 1, 1, 1], [0, 0, 0, 0, 0, 0]);
    expect(Array.from(st.powerBaseByTrack.subarray(2))).toEqual([1, 1, 1, 1]);
    expect(st.powerBase).toBe(4);
  });

  it('updatePowerBase() boosts B by 1 + κ_B·(active tracks − 1)/4 (jointPowerBase)', () => {
    const flat = { actors: tracks([2, 3]), kernel: { formula: '1', params: {} }, params: { jointPowerBase: 0.8 } };
    expect(powerBase(flat, [1, 1], [0, 0, 1, 0, 0, 0]).powerBase).toBeCloseTo(2, 12);
    expect(powerBase(flat, [1, 1], [0, 0, 1, 1, 0, 0]).powerBase).toBeCloseTo(2 * (1 + 0.8 / 4), 12);
    // all five tracks active: the full κ_B
    expect(powerBase(flat, [1, 1], [0, 1, 1, 1, 1, 1]).powerBase).toBeCloseTo(2 * 1.8, 12);
    const noJoint = { ...flat, params: { jointPowerBase: 0 } };
    expect(powerBase(noJoint, [1, 1], [0, 1, 1, 1, 1, 1]).powerBase).toBe(2);
  });

  it('updatePowerBase() floors B at 0 when hate media leave a negative achievement', () => {
    const st = powerBase({ actors: tracks([5]) }, [-3], [0, 0, 0, 0, 0, 1]);
    expect(st.powerBase).toBe(0);
  });
});

describe('Track One in a run', () => {
  const easy = { hurtThreshold: 0.5, ripeThreshold: 0.1, talksThreshold: 0, settleRate: 50, incidentRate: 20 };
  const parties: ScenarioOverrides['parties'] = [{ initialAnger: 0.6 }, { initialAnger: 0.6 }];
  const helpers = [2, 3, 4, 5].map((track) => ({ name: `t${track}`, track, prepTicks: 0, consent: false, capacity: 1 }));

  it('run() without a Track One actor never opens talks, even with Tracks Two to Five working in a ripe conflict', () => {
    const d = run(makeScenario({ ticks: 120, parties, actors: helpers, params: easy })).columns.data;
    expect(Math.max(...d.R)).toBeGreaterThanOrEqual(easy.ripeThreshold);
    expect(Math.max(...d.trackOne)).toBe(0);
    expect(d.settlements[120]).toBe(0);
  });

  it('run() with a Track One actor added to the same scenario opens talks and signs', () => {
    const official = { name: 'Officials', track: 1, prepTicks: 0, consent: false };
    const d = run(makeScenario({ ticks: 120, parties, actors: [official, ...helpers], params: easy })).columns.data;
    expect(Math.max(...d.trackOne)).toBeGreaterThan(0);
    expect(d.settlements[120]).toBeGreaterThan(0);
  });
});

describe('updateRipeness()', () => {
  function ripeness(cost: [number, number], power: [number, number]) {
    const sim = createSimulation(makeScenario({ params: { hurtThreshold: 4, winShare: 0.75 } }));
    sim.state.cost.set(cost);
    sim.state.power.set(power);
    updateRipeness(sim.state, sim.ctx);
    return sim.state.ripeness;
  }
  it('updateRipeness() is the smaller of the parties\' hurt, each capped at 1 (a mutually hurting stalemate)', () => {
    expect(ripeness([2, 3], [1, 1])).toBeCloseTo(0.5, 12);
    expect(ripeness([10, 3], [1, 1])).toBeCloseTo(0.75, 12);
    expect(ripeness([10, 20], [1, 1])).toBe(1);
  });
  it('updateRipeness() is 0 when one party\'s power share exceeds winShare', () => {
    expect(ripeness([10, 10], [3.1, 1])).toBe(0);
    expect(ripeness([10, 10], [1, 3.1])).toBe(0);
    expect(ripeness([10, 10], [2.9, 1])).toBe(1);
  });
});

describe('stepTrackOne()', () => {
  /** A state where talks' other conditions hold: fully hurt, enough communication. */
  function ripe(actors: ScenarioOverrides['actors'], params: ScenarioOverrides['params'] = {}) {
    const s: ScenarioData = makeScenario({ actors, params: { hurtThreshold: 1, ripeThreshold: 0.5, talksThreshold: 0.3, ...params } });
    const sim = createSimulation(s);
    const reset = () => {
      sim.state.cost.set([5, 5]);
      sim.state.power.set([1, 1]);
      sim.state.dyad[1] = 0.5;
    };
    reset();
    return { sim, reset };
  }
  function engage(sim: ReturnType<typeof createSimulation>, j: number, consent: [number, number]) {
    const a = sim.state.actors[j];
    a.phase = PHASE_FOLLOW_THROUGH;
    a.consent.set(consent);
  }

  it('stepTrackOne() opens no talks without a Track One actor, however ripe and well prepared', () => {
    const { sim, reset } = ripe(tracks([2, 3, 4, 5]));
    [0, 1, 2, 3].forEach((j) => engage(sim, j, [1, 1]));
    for (let t = 0; t < 24; t++) {
      reset();
      stepTrackOne(sim.state, sim.ctx);
      expect(sim.state.trackOne).toBe(TRACK_ONE_NONE);
    }
  });

  it('stepTrackOne() opens talks only when a Track One actor is in follow-through with both parties\' consent', () => {
    const { sim } = ripe(tracks([1]));
    sim.state.actors[0].phase = PHASE_ANALYSIS;
    stepTrackOne(sim.state, sim.ctx);
    expect(sim.state.trackOne).toBe(TRACK_ONE_NONE);
    engage(sim, 0, [1, 0]);
    stepTrackOne(sim.state, sim.ctx);
    expect(sim.state.trackOne).toBe(TRACK_ONE_NONE);
    engage(sim, 0, [1, 1]);
    stepTrackOne(sim.state, sim.ctx);
    expect(sim.state.trackOne).toBe(TRACK_ONE_TALKS);
  });

  it('stepTrackOne() opens no talks while unripe or without a way out (B + C below talksThreshold)', () => {
    const unripe = ripe(tracks([1]));
    engage(unripe.sim, 0, [1, 1]);
    unripe.sim.state.cost.set([5, 0.2]);
    stepTrackOne(unripe.sim.state, unripe.sim.ctx);
    expect(unripe.sim.state.trackOne).toBe(TRACK_ONE_NONE);
    const noWay = ripe(tracks([1]));
    engage(noWay.sim, 0, [1, 1]);
    noWay.sim.state.dyad[1] = 0.1;
    stepTrackOne(noWay.sim.state, noWay.sim.ctx);
    expect(noWay.sim.state.trackOne).toBe(TRACK_ONE_NONE);
  });

  it('stepTrackOne() lets talks lapse after their conditions fail for more than talksPatience ticks', () => {
    const { sim } = ripe(tracks([1]), { talksPatience: 3, settleRate: 0 });
    engage(sim, 0, [1, 1]);
    stepTrackOne(sim.state, sim.ctx);
    expect(sim.state.trackOne).toBe(TRACK_ONE_TALKS);
    sim.state.actors[0].consent.set([0, 1]);
    const states: number[] = [];
    for (let t = 0; t < 5; t++) {
      stepTrackOne(sim.state, sim.ctx);
      states.push(sim.state.trackOne);
    }
    expect(states).toEqual([TRACK_ONE_TALKS, TRACK_ONE_TALKS, TRACK_ONE_TALKS, TRACK_ONE_NONE, TRACK_ONE_NONE]);
  });

  it('stepTrackOne() records a settlement with the power ratio, root causes and quality at signing', () => {
    const { sim } = ripe(tracks([1, 2]), { settleRate: 1000, jointPowerBase: 0 });
    engage(sim, 0, [1, 1]);
    const st = sim.state;
    st.tick = 40;
    stepTrackOne(st, sim.ctx);
    expect(st.trackOne).toBe(TRACK_ONE_TALKS);
    st.power.set([3, 2]);
    st.actors[1].achievement = 0.4;
    st.actors[1].insights = 0.3;
    st.meanAnger.set([0.2, 0.4]);
    st.meanFear.set([0.1, 0.5]);
    stepTrackOne(st, sim.ctx);
    expect(st.trackOne).toBe(TRACK_ONE_SETTLED);
    expect(st.settlements).toBe(1);
    expect(st.signings).toHaveLength(1);
    const s = st.signings[0];
    expect(s.tick).toBe(41);
    expect(s.logPowerRatio).toBeCloseTo(Math.log(3 / 2), 12);
    expect(s.rootCause).toBeCloseTo((0.2 + 0.4 + 0.1 + 0.5) / 4, 12);
    expect(rootCause(st)).toBeCloseTo(s.rootCause, 12);
    // Q = 1 − exp(−(Σ insights + B)), B = 1 (weight of Track Two) × 0.4
    expect(s.quality).toBeCloseTo(1 - Math.exp(-(0.3 + 0.4)), 12);
    expect(s.collapseTick).toBeNull();
  });

  it('stepTrackOne() signs at the per-year rate settleRate·R·(1 + B)·(1 + guarantee)', () => {
    const signShare = (guarantee: number) => {
      const { sim, reset } = ripe(tracks([1]), { settleRate: 3, guarantee });
      engage(sim, 0, [1, 1]);
      let signed = 0;
      const n = 3000;
      for (let i = 0; i < n; i++) {
        reset();
        sim.state.trackOne = TRACK_ONE_TALKS;
        sim.state.talksFailing = 0;
        stepTrackOne(sim.state, sim.ctx);
        if (sim.state.trackOne === TRACK_ONE_SETTLED) signed++;
      }
      return signed / n;
    };
    // R = 1, B = 0, dt = 1/12
    const p0 = 1 - Math.exp(-3 / 12);
    const p1 = 1 - Math.exp(-6 / 12);
    expect(Math.abs(signShare(0) - p0)).toBeLessThan(4 * Math.sqrt(p0 * (1 - p0) / 3000));
    expect(Math.abs(signShare(1) - p1)).toBeLessThan(4 * Math.sqrt(p1 * (1 - p1) / 3000));
  });

  describe('collapse', () => {
    /** Share of one-step collapses of a settlement signed at equal power, now at power ratio `ratio`. */
    function collapseShare(beta1: number, ratio: number, n = 4000) {
      const s = makeScenario({ params: { collapseBase: 0.5, collapsePowerShift: beta1, collapseRootCause: 0, collapseQuality: 0 } });
      const sim = createSimulation(s);
      const st = sim.state;
      let collapsed = 0;
      for (let i = 0; i < n; i++) {
        st.trackOne = TRACK_ONE_SETTLED;
        st.signings = [{ tick: 0, logPowerRatio: 0, rootCause: 0, quality: 0, collapseTick: null }];
        st.power.set([ratio, 1]);
        stepTrackOne(st, sim.ctx);
        if (st.trackOne === TRACK_ONE_NONE) collapsed++;
      }
      return collapsed / n;
    }
    /** The observed share lies within 4 binomial standard errors of the probability p. */
    const expectNear = (share: number, p: number, n = 4000) => expect(Math.abs(share - p)).toBeLessThan(4 * Math.sqrt(p * (1 - p) / n));

    it('stepTrackOne() collapses at h0 when power has not moved, whatever β1', () => {
      const p = 1 - Math.exp(-0.5 / 12);
      expectNear(collapseShare(3, 1), p);
      expectNear(collapseShare(0, 1), p);
    });

    it('stepTrackOne() collapses more often after a power shift when β1 > 0, and not at all more when β1 = 0', () => {
      // h = h0·exp(β1·|ln 2 − 0|) = 0.5·2^β1
      const shifted = collapseShare(3, 2);
      const control = collapseShare(0, 2);
      expectNear(shifted, 1 - Math.exp(-0.5 * 8 / 12));
      expectNear(control, 1 - Math.exp(-0.5 / 12));
      expect(shifted).toBeGreaterThan(3 * control);
      // the shift counts in either direction
      expectNear(collapseShare(3, 0.5), 1 - Math.exp(-0.5 * 8 / 12));
    });

    it('stepTrackOne() raises the hazard with remaining root causes and lowers it with quality', () => {
      const sim = createSimulation(makeScenario({ params: { collapseBase: 1, collapsePowerShift: 0, collapseRootCause: 4, collapseQuality: 3 } }));
      const st = sim.state;
      const share = (rc: number, Q: number) => {
        let c = 0;
        for (let i = 0; i < 3000; i++) {
          st.trackOne = TRACK_ONE_SETTLED;
          st.signings = [{ tick: 0, logPowerRatio: 0, rootCause: 0, quality: Q, collapseTick: null }];
          st.meanAnger.set([rc, rc]);
          st.meanFear.set([rc, rc]);
          stepTrackOne(st, sim.ctx);
          if (st.trackOne === TRACK_ONE_NONE) c++;
        }
        return c / 3000;
      };
      const base = share(0, 0);
      expect(share(0.5, 0)).toBeGreaterThan(2 * base);
      expect(share(0, 0.9)).toBeLessThan(base / 3);
    });

    it('collapseHazard() falls as h0·exp(−κ_s·years since signing) while power stays put (consolidation)', () => {
      const sim = createSimulation(makeScenario({ ticksPerYear: 12, params: { collapseBase: 0.2, collapseConsolidation: 0.25, collapsePowerShift: 3, collapseRootCause: 0, collapseQuality: 0 } }));
      const st = sim.state;
      const signing = { tick: 24, logPowerRatio: 0, rootCause: 0, quality: 0, collapseTick: null };
      st.power.set([1, 1]);
      const at = (tick: number) => {
        st.tick = tick;
        return collapseHazard(st, sim.ctx, signing);
      };
      expect(at(24)).toBeCloseTo(0.2, 14);
      expect(at(24 + 12 * 4)).toBeCloseTo(0.2 * Math.exp(-1), 14);
      for (let t = 24; t < 24 + 12 * 20; t++) expect(at(t + 1)).toBeLessThan(at(t));
    });

    it('collapseHazard() still rises with a power shift however late it comes: exp(β1·|Δ ln ratio|) over the consolidated baseline', () => {
      const sim = createSimulation(makeScenario({ ticksPerYear: 12, params: { collapseBase: 0.2, collapseConsolidation: 0.25, collapsePowerShift: 3, collapseRootCause: 0, collapseQuality: 0 } }));
      const st = sim.state;
      const signing = { tick: 0, logPowerRatio: 0, rootCause: 0, quality: 0, collapseTick: null };
      st.tick = 12 * 8;
      st.power.set([1, 1]);
      const steady = collapseHazard(st, sim.ctx, signing);
      st.power.set([2.5, 1]);
      expect(collapseHazard(st, sim.ctx, signing) / steady).toBeCloseTo(2.5 ** 3, 10);
      // a shift of that size eight years on brings the hazard above its level at signing
      expect(collapseHazard(st, sim.ctx, signing)).toBeGreaterThan(0.2);
    });

    it('collapseHazard() with collapseConsolidation 0 is constant in time (the hazard of MODEL.md §7)', () => {
      const sim = createSimulation(makeScenario({ params: { collapseBase: 0.2, collapseConsolidation: 0, collapseRootCause: 0, collapseQuality: 0 } }));
      const signing = { tick: 0, logPowerRatio: 0, rootCause: 0, quality: 0, collapseTick: null };
      sim.state.tick = 300;
      expect(collapseHazard(sim.state, sim.ctx, signing)).toBe(0.2);
    });

    it('stepTrackOne() on collapse returns to no process, counts it and dates the signing\'s collapse', () => {
      const sim = createSimulation(makeScenario({ params: { collapseBase: 1000 } }));
      const st = sim.state;
      st.tick = 30;
      st.trackOne = TRACK_ONE_SETTLED;
      st.settlements = 1;
      st.signings = [{ tick: 10, logPowerRatio: 0, rootCause: 0, quality: 0, collapseTick: null }];
      stepTrackOne(st, sim.ctx);
      expect(st.trackOne).toBe(TRACK_ONE_NONE);
      expect(st.collapses).toBe(1);
      expect(st.signings[0].collapseTick).toBe(31);
    });
  });
});
