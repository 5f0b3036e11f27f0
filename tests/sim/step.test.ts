import { describe, expect, it } from 'vitest';
import { createSimulation, run, step } from '../../sim/index';
import { makeScenario, QUIET_PARTY } from '../fixtures/sim/makeScenario';

describe('step() rates are per year: results do not depend on ticksPerYear', () => {
  it('step() decays anger at fatigue per year to about the same value after one year at 12 and 48 ticks a year', () => {
    const atOneYear = (ticksPerYear: number) => run(makeScenario({
      mode: 'meanfield', ticksPerYear, ticks: ticksPerYear,
      parties: [{ ...QUIET_PARTY, fatigue: 1, initialAnger: 0.8 }, { ...QUIET_PARTY, fatigue: 1, initialAnger: 0.8 }],
    })).columns.data.H_A[ticksPerYear];
    const exact = 0.8 * Math.exp(-1);
    const coarse = atOneYear(12);
    const fine = atOneYear(48);
    expect(Math.abs(coarse - exact) / exact).toBeLessThan(0.05);
    expect(Math.abs(fine - exact) / exact).toBeLessThan(0.015);
    expect(Math.abs(coarse - fine) / exact).toBeLessThan(0.05);
  });

  it('step() discounts accumulated cost by exactly exp(−hurtDecay) per year whatever the step', () => {
    const costAfterOneYear = (ticksPerYear: number) => {
      const sim = createSimulation(makeScenario({ mode: 'meanfield', ticksPerYear, params: { incidentRate: 0, hurtDecay: 0.7 } }));
      sim.state.cost.set([4, 2]);
      for (let t = 0; t < ticksPerYear; t++) step(sim.state, sim.ctx);
      return Array.from(sim.state.cost);
    };
    for (const tpy of [12, 48, 365]) {
      const [a, b] = costAfterOneYear(tpy);
      expect(a).toBeCloseTo(4 * Math.exp(-0.7), 12);
      expect(b).toBeCloseTo(2 * Math.exp(-0.7), 12);
    }
  });

  it('step() gives the same expected incidents per year at 12 and 48 ticks a year (Poisson mean λ·dt)', () => {
    const perYear = (ticksPerYear: number) => {
      const d = run(makeScenario({
        mode: 'meanfield', ticksPerYear, ticks: ticksPerYear,
        parties: [{ ...QUIET_PARTY, initialAnger: 0.6 }, { ...QUIET_PARTY, initialAnger: 0.3 }],
        dyad: { T: 0.5, E: 0 },
        params: { incidentRate: 10, tensionFromViolence: 0, tensionFromHostility: 0, tensionRelief: 0, tensionDecay: 0, relationDecay: 0 },
      })).columns.data;
      let sum = 0;
      for (let t = 1; t <= ticksPerYear; t++) sum += d.incidents[t];
      return sum;
    };
    const expected = 10 * (0.6 + 0.3) * (0.5 + 0.5 * 0.5);
    expect(perYear(12)).toBeCloseTo(expected, 10);
    expect(perYear(48)).toBeCloseTo(expected, 10);
  });

  it('step() turns a per-year leak rate r into a chance exp(−r) of a leak-free year with each party, whatever the step', () => {
    const leakFreeShare = (ticksPerYear: number) => {
      const s = makeScenario({
        mode: 'meanfield', ticksPerYear, ticks: ticksPerYear,
        actors: [{ name: 'W', track: 2, prepTicks: 0, consent: false, confidentiality: 0.5, promiseReliability: 0 }],
      });
      let free = 0;
      const runs = 800;
      for (let seed = 0; seed < runs; seed++) {
        const sim = createSimulation(s, { seed });
        for (let t = 0; t < ticksPerYear; t++) step(sim.state, sim.ctx);
        if (sim.state.actors[0].leaks === 0) free++;
      }
      return free / runs;
    };
    // in follow-through from the first step: two parties, each leak-free with chance exp(−0.5)
    const p = Math.exp(-1);
    const tol = 4 * Math.sqrt((p * (1 - p)) / 800);
    expect(Math.abs(leakFreeShare(12) - p)).toBeLessThan(tol);
    expect(Math.abs(leakFreeShare(48) - p)).toBeLessThan(tol);
  });
});

describe('step() order and bookkeeping', () => {
  it('step() advances the tick and records the step\'s incidents in the history ring', () => {
    const sim = createSimulation(makeScenario({ parties: [{ initialAnger: 0.9 }, { initialAnger: 0.9 }], params: { incidentRate: 60 } }));
    const L = sim.state.incidentHistory.length;
    expect(L).toBe(12 + sim.ctx.params.lullWindow);
    for (let t = 0; t < L + 3; t++) {
      step(sim.state, sim.ctx);
      expect(sim.state.tick).toBe(t + 1);
      expect(sim.state.incidentHistory[t % L]).toBe(sim.state.incidents[0] + sim.state.incidents[1]);
    }
  });

  it('step() computes the escalation index of the new state', () => {
    const sim = createSimulation(makeScenario());
    step(sim.state, sim.ctx);
    const st = sim.state;
    const X = (st.dyad[0] + (st.hostility[0] + st.hostility[1]) / 2 + (st.meanFear[0] + st.meanFear[1]) / 2 + st.violence) / 4;
    expect(st.escalation).toBeCloseTo(X, 12);
  });

  it('step() never lets NaN or Infinity into the state, even with extreme parameters', () => {
    const s = makeScenario({
      ticks: 40,
      parties: [{ power: 1e6, powerDrift: 5, reactivity: 100, initialAnger: 1 }, { power: 1e-3, fatigue: 12 }],
      actors: [1, 2, 3, 4, 5].map((track) => ({ name: `t${track}`, track, prepTicks: 0, consent: false, capacity: 1, credibility: 1, confidentiality: 1000 })),
      params: { incidentRate: 1000, securityDilemma: 100, exposure: 1, collapseBase: 1000, settleRate: 1000, hurtThreshold: 1e-3, ripeThreshold: 0 },
    });
    const r = run(s);
    for (const name of r.columns.names) {
      for (const x of r.columns.data[name]) expect(Number.isFinite(x), name).toBe(true);
    }
  });
});
