import { describe, expect, it } from 'vitest';
import { createSimulation, run } from '../../../sim/index';
import fc from 'fast-check';
import { saveStreams } from '../../../sim/streams';
import { applyEvents, scheduleAfterSettlement } from '../../../sim/rules/events';
import { driftStep } from '../../../sim/rules/driftStep';
import { makeScenario } from '../../fixtures/sim/makeScenario';
import { eulerRates } from '../../../sim/scenario/stability';

describe('applyEvents()', () => {
  it('applyEvents() applies a timed power shift at the start of its tick\'s step, so it first shows at tick + 1', () => {
    const s = makeScenario({ ticks: 10, mode: 'meanfield', parties: [{ power: 2 }, {}], events: [{ tick: 4, type: 'powerShift', party: 'B', factor: 3 }] });
    const c = run(s).columns.data;
    expect(Array.from(c.power_B.subarray(0, 5))).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(c.power_B.subarray(5))).toEqual([3, 3, 3, 3, 3, 3]);
    expect(Array.from(c.power_A)).toEqual(new Array(11).fill(2));
  });

  it('applyEvents() fires a settlement-triggered event `delay` ticks after the signing, once unless repeat', () => {
    const s = makeScenario({
      events: [
        { after: 'settlement', delay: 3, type: 'powerShift', party: 'A', factor: 2 },
        { after: 'settlement', delay: 0, repeat: true, type: 'powerShift', party: 'B', factor: 0.5 },
      ],
    });
    const sim = createSimulation(s);
    const st = sim.state;
    scheduleAfterSettlement(st, sim.ctx, 5);
    scheduleAfterSettlement(st, sim.ctx, 7); // a second settlement: only the repeating event is queued again
    expect(st.pending).toEqual([[0, 8], [1, 5], [1, 7]]);
    const powers: number[][] = [];
    for (let t = 0; t < 10; t++) {
      st.tick = t;
      applyEvents(st, sim.ctx);
      powers.push(Array.from(st.power));
    }
    expect(powers[4]).toEqual([1, 1]);
    expect(powers[5]).toEqual([1, 0.5]);
    expect(powers[7]).toEqual([1, 0.25]);
    expect(powers[8]).toEqual([2, 0.25]);
    expect(powers[9]).toEqual([2, 0.25]);
    expect(st.pending).toEqual([]);
  });

  it('applyEvents() with powerReversion 0 drifts log power as a random walk with σ·√dt steps, so its spread after a year is σ whatever dt', () => {
    const spreadAfterOneYear = (ticksPerYear: number) => {
      const s = makeScenario({ mode: 'meanfield', ticksPerYear, parties: [{ powerDrift: 0.4 }, {}], params: { powerReversion: 0 } });
      const logs: number[] = [];
      for (let seed = 0; seed < 400; seed++) {
        const sim = createSimulation(s, { seed });
        for (let t = 0; t < ticksPerYear; t++) applyEvents(sim.state, sim.ctx);
        logs.push(Math.log(sim.state.power[0]));
        expect(sim.state.power[1]).toBe(1); // no drift without powerDrift
      }
      const m = logs.reduce((a, b) => a + b, 0) / logs.length;
      return Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / (logs.length - 1));
    };
    // SD of a sample SD of 400 normals is about σ/√800 ≈ 0.014
    expect(spreadAfterOneYear(12)).toBeCloseTo(0.4, 1);
    expect(spreadAfterOneYear(48)).toBeCloseTo(0.4, 1);
  });

  it('applyEvents() draws from the drift stream even without drift, so adding drift to one party leaves the other\'s draws alone', () => {
    const walk = (drift0: number) => {
      const s = makeScenario({ mode: 'meanfield', parties: [{ powerDrift: drift0 }, { powerDrift: 0.3 }] });
      const sim = createSimulation(s, { seed: 3 });
      const out: number[] = [];
      for (let t = 0; t < 20; t++) {
        applyEvents(sim.state, sim.ctx);
        out.push(sim.state.power[1]);
      }
      return out;
    };
    expect(walk(0.5)).toEqual(walk(0));
  });

  /** Log power of party A after `years` of drift, over `runs` seeds, with an optional shift of A's power at tick 0. */
  function logPowers(o: { ticksPerYear: number; years: number; theta: number; sigma: number; runs: number; factor?: number }): number[] {
    const s = makeScenario({
      mode: 'meanfield', ticksPerYear: o.ticksPerYear, parties: [{ powerDrift: o.sigma, power: 2 }, {}], params: { powerReversion: o.theta },
      events: o.factor ? [{ tick: 0, type: 'powerShift', party: 'A', factor: o.factor }] : [],
    });
    const out: number[] = [];
    for (let seed = 0; seed < o.runs; seed++) {
      const sim = createSimulation(s, { seed });
      for (let t = 0; t < o.years * o.ticksPerYear; t++) {
        sim.state.tick = t;
        applyEvents(sim.state, sim.ctx);
      }
      out.push(Math.log(sim.state.power[0]));
    }
    return out;
  }
  const meanSd = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    return [m, Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1))];
  };

  it('applyEvents() with powerReversion θ reverts log power to its anchor: after many half-lives its SD is σ/√(2θ) whatever dt', () => {
    for (const ticksPerYear of [12, 52]) {
      const [m, sd] = meanSd(logPowers({ ticksPerYear, years: 15, theta: 0.5, sigma: 0.4, runs: 400 }));
      // stationary SD 0.4/√1 = 0.4; mean ln 2; sample SD of 400 draws has SE ≈ 0.014
      expect(sd).toBeCloseTo(0.4, 1);
      expect(Math.abs(m - Math.log(2))).toBeLessThan(4 * 0.4 / Math.sqrt(400));
    }
  });

  it('applyEvents() moves the anchor with a power shift: a structural shift persists while drift deviations decay', () => {
    const [m] = meanSd(logPowers({ ticksPerYear: 12, years: 20, theta: 1, sigma: 0.2, runs: 200, factor: 3 }));
    // reverting to the old anchor would give ln 2; the shifted anchor is ln 6
    expect(Math.abs(m - Math.log(6))).toBeLessThan(4 * 0.2 / Math.sqrt(2) / Math.sqrt(200));
  });

  it('applyEvents() without drift keeps power exactly at its anchor, also with reversion', () => {
    const s = makeScenario({ mode: 'meanfield', parties: [{ power: 1.5 }, { power: 0.7 }], params: { powerReversion: 0.3 } });
    const sim = createSimulation(s, { seed: 1 });
    for (let t = 0; t < 50; t++) applyEvents(sim.state, sim.ctx);
    expect(Array.from(sim.state.power)).toEqual([1.5, 0.7]);
  });

  it('applyEvents() keeps power finite and within [1e-12, 1e12] for any reversion and drift the schema allows', () => {
    // the fewest ticks a year at which the other defaults' Euler rates are valid (rate·dt ≤ 1)
    const minTicksPerYear = Math.max(1, Math.ceil(Math.max(...eulerRates(makeScenario()).map((r) => r.value))));
    fc.assert(fc.property(
      fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.integer({ min: minTicksPerYear, max: 365 }),
      (theta, sigma, ticksPerYear) => {
        const s = makeScenario({ mode: 'meanfield', ticksPerYear, parties: [{ powerDrift: sigma, power: 1e6 }, { powerDrift: sigma }], params: { powerReversion: theta } });
        const sim = createSimulation(s, { seed: 2 });
        for (let t = 0; t < 30; t++) {
          applyEvents(sim.state, sim.ctx);
          for (const x of sim.state.power) {
            expect(Number.isFinite(x)).toBe(true);
            expect(x).toBeGreaterThanOrEqual(1e-12);
            expect(x).toBeLessThanOrEqual(1e12);
          }
        }
      },
    ), { numRuns: 60 });
  });
});

describe('driftStep()', () => {
  it('driftStep(0, dt) is the random walk: no decay, spread √dt', () => {
    expect(driftStep(0, 1 / 12)).toEqual({ decay: 1, spread: Math.sqrt(1 / 12) });
  });

  it('driftStep(θ, dt) is the exact Ornstein–Uhlenbeck step: decay e^{−θdt}, spread² (1 − e^{−2θdt})/(2θ)', () => {
    const { decay, spread } = driftStep(0.3, 0.5);
    expect(decay).toBeCloseTo(Math.exp(-0.15), 14);
    expect(spread ** 2).toBeCloseTo((1 - Math.exp(-0.3)) / 0.6, 14);
  });

  it('driftStep(θ, dt) is continuous in θ: the series branch for small θ·dt agrees with the closed form and tends to √dt', () => {
    fc.assert(fc.property(fc.double({ min: 1e-12, max: 1e-3, noNaN: true }), fc.double({ min: 1 / 365, max: 1, noNaN: true }), (theta, dt) => {
      const { spread } = driftStep(theta, dt);
      const x = theta * dt;
      // a closed form computed with expm1, free of cancellation
      const exact = Math.sqrt(-Math.expm1(-2 * x) / (2 * theta));
      expect(Math.abs(spread - exact) / exact).toBeLessThan(1e-9);
      expect(spread).toBeLessThanOrEqual(Math.sqrt(dt));
    }));
  });
});

describe('applyEvents() with a shock', () => {
  it('applyEvents() moves tension and the anger and fear of every agent of the party hit size of the way to 1, and nothing of the other party', () => {
    const s = makeScenario({ ticks: 10, events: [{ tick: 3, type: 'shock', party: 'B', size: 0.5 }] });
    const sim = createSimulation(s);
    const st = sim.state;
    st.tick = 3;
    const before = { T: st.dyad[0], anger: Float32Array.from(st.anger), fear: Float32Array.from(st.fear) };
    applyEvents(st, sim.ctx);
    expect(st.dyad[0]).toBeCloseTo(before.T + 0.5 * (1 - before.T), 12);
    const [a0, b0, end] = st.partyStart;
    for (let i = a0; i < b0; i++) expect(st.anger[i]).toBe(before.anger[i]);
    for (let i = b0; i < end; i++) {
      expect(st.anger[i]).toBeCloseTo(before.anger[i] + 0.5 * (1 - before.anger[i]), 6);
      expect(st.fear[i]).toBeCloseTo(before.fear[i] + 0.5 * (1 - before.fear[i]), 6);
    }
  });

  it('a shock draws no random numbers: every stream is where it would be without it, and the run is the same up to the shock', () => {
    const base = makeScenario({ ticks: 30 });
    const shocked = makeScenario({ ticks: 30, events: [{ tick: 12, type: 'shock', size: 0.6 }] });
    const a = createSimulation(base);
    const b = createSimulation(shocked);
    for (const sim of [a, b]) {
      sim.state.tick = 12;
      applyEvents(sim.state, sim.ctx);
    }
    expect(saveStreams(b.ctx.streams)).toEqual(saveStreams(a.ctx.streams));
    const x = run(base).columns.data.X;
    const y = run(shocked).columns.data.X;
    expect(Array.from(y.subarray(0, 13))).toEqual(Array.from(x.subarray(0, 13)));
    expect(y[13]).toBeGreaterThan(x[13]);
  });

  it('a shock in mean-field mode moves the representative agents of both parties when no party is named', () => {
    const s = makeScenario({ ticks: 5, mode: 'meanfield', events: [{ tick: 0, type: 'shock', size: 1 }] });
    const sim = createSimulation(s);
    applyEvents(sim.state, sim.ctx);
    expect(Array.from(sim.state.mfAnger)).toEqual([1, 1]);
    expect(Array.from(sim.state.mfFear)).toEqual([1, 1]);
    expect(sim.state.dyad[0]).toBe(1);
  });
});
