import { describe, expect, it } from 'vitest';
import { createSimulation, type ScenarioData } from '../../../sim/index';
import { applyViolence } from '../../../sim/rules/violence';
import { createStream } from '../../../sim/rng';
import { TRACK_ONE_NONE, TRACK_ONE_SETTLED, TRACK_ONE_TALKS } from '../../../sim/state';
import { makeScenario } from '../../fixtures/sim/makeScenario';

interface Conditions { H?: [number, number]; T?: number; E?: number; trackOne?: number; media?: [number, number] }

const P = { incidentRate: 6, tradeDeterrence: 0.5, ceasefireStrength: 0.8, hateIncidentBoost: 0.45, hurtDecay: 0.5 };

/** Incidents suffered by each party in one step under the given conditions. */
function incidentsAfterOneStep(s: ScenarioData, c: Conditions, seed?: number) {
  const sim = createSimulation(s, seed === undefined ? {} : { seed });
  const st = sim.state;
  st.hostility.set(c.H ?? [0.5, 0.5]);
  st.dyad[0] = c.T ?? 0.5;
  st.dyad[3] = c.E ?? 0;
  st.trackOne = c.trackOne ?? TRACK_ONE_NONE;
  st.media.set(c.media ?? [0, 0]);
  applyViolence(st, sim.ctx);
  return { incidents: Array.from(st.incidents), V: st.violence, cost: Array.from(st.cost) };
}

/** MODEL.md §5's λ for p → q, written out here. */
function lambda(Hp: number, T: number, E: number, settled: boolean, hateInP: number) {
  return P.incidentRate * Hp * (0.5 + 0.5 * T) * (1 - P.tradeDeterrence * E) * (1 - P.ceasefireStrength * (settled ? 1 : 0)) * (1 + P.hateIncidentBoost * hateInP);
}

describe('applyViolence() in mean-field mode (expected counts)', () => {
  const mf = makeScenario({ mode: 'meanfield', ticksPerYear: 12, params: P });
  const dt = 1 / 12;

  it.each<[string, Conditions]>([
    ['baseline', { H: [0.6, 0.2], T: 0.4, E: 0 }],
    ['with interdependence', { H: [0.6, 0.2], T: 0.4, E: 0.7 }],
    ['under a settlement', { H: [0.6, 0.2], T: 0.4, E: 0.1, trackOne: TRACK_ONE_SETTLED }],
    ['with hate media in A', { H: [0.6, 0.2], T: 1, E: 0, media: [-0.8, 0] }],
    ['with peace media (no multiplier)', { H: [0.6, 0.2], T: 0, E: 0, media: [0.9, 0.9] }],
  ])('applyViolence() gives λ·dt for each ordered pair (%s)', (_label, c) => {
    const r = incidentsAfterOneStep(mf, c);
    const [H0, H1] = c.H!;
    const settled = c.trackOne === TRACK_ONE_SETTLED;
    const hate = (p: number) => Math.max(0, -(c.media?.[p] ?? 0));
    // incidents[q] are those q suffers, i.e. from p = 1 − q
    expect(r.incidents[1]).toBeCloseTo(lambda(H0, c.T!, c.E!, settled, hate(0)) * dt, 12);
    expect(r.incidents[0]).toBeCloseTo(lambda(H1, c.T!, c.E!, settled, hate(1)) * dt, 12);
  });

  it('applyViolence() cuts incidents by exactly ceasefireStrength while a settlement is in force, not during talks', () => {
    const open = incidentsAfterOneStep(mf, { trackOne: TRACK_ONE_NONE }).incidents;
    const talks = incidentsAfterOneStep(mf, { trackOne: TRACK_ONE_TALKS }).incidents;
    const settled = incidentsAfterOneStep(mf, { trackOne: TRACK_ONE_SETTLED }).incidents;
    expect(talks).toEqual(open);
    expect(settled[0] / open[0]).toBeCloseTo(1 - P.ceasefireStrength, 12);
  });

  it('applyViolence() deters violence through trade: incidents fall linearly in E with slope κ', () => {
    const at = (E: number) => incidentsAfterOneStep(mf, { E }).incidents[0];
    expect(at(1) / at(0)).toBeCloseTo(1 - P.tradeDeterrence, 12);
    expect(at(0.5) / at(0)).toBeCloseTo(1 - P.tradeDeterrence * 0.5, 12);
  });

  it('applyViolence() normalises V = min(1, incidents / (2·incidentRate·dt))', () => {
    expect(incidentsAfterOneStep(mf, { H: [1, 1], T: 1, E: 0 }).V).toBeCloseTo(1, 12);
    expect(incidentsAfterOneStep(mf, { H: [0.5, 0.5], T: 1, E: 0 }).V).toBeCloseTo(0.5, 12);
    expect(incidentsAfterOneStep(mf, { H: [0, 0] }).V).toBe(0);
    // hate media can push incidents above the normal maximum; V stays capped
    expect(incidentsAfterOneStep(mf, { H: [1, 1], T: 1, E: 0, media: [-1, -1] }).V).toBe(1);
  });

  it('applyViolence() gives V = 0, not NaN, for a rate so small that 2·rate·dt underflows', () => {
    const tiny = makeScenario({ mode: 'meanfield', params: { incidentRate: 5e-324 } });
    expect(incidentsAfterOneStep(tiny, { H: [0, 0] }).V).toBe(0);
  });

  it('applyViolence() gives V = 0, not NaN, when incidentRate is 0', () => {
    const none = makeScenario({ mode: 'meanfield', params: { incidentRate: 0 } });
    const r = incidentsAfterOneStep(none, { H: [1, 1] });
    expect(r.V).toBe(0);
    expect(r.incidents).toEqual([0, 0]);
  });

  it('applyViolence() discounts the cost K_p at hurtDecay per year and adds the incidents suffered', () => {
    const sim = createSimulation(mf);
    sim.state.cost.set([2, 0]);
    sim.state.hostility.set([0, 0]);
    applyViolence(sim.state, sim.ctx);
    expect(sim.state.cost[0]).toBeCloseTo(2 * Math.exp(-P.hurtDecay / 12), 12);
    sim.state.hostility.set([1, 0]);
    const before = sim.state.cost[1];
    applyViolence(sim.state, sim.ctx);
    expect(sim.state.cost[1]).toBeCloseTo(before * Math.exp(-P.hurtDecay / 12) + sim.state.incidents[1], 12);
  });
});

describe('applyViolence() in agent mode (Poisson draws)', () => {
  const ag = makeScenario({ ticksPerYear: 12, params: P });

  it('applyViolence() draws counts whose mean is λ·dt', () => {
    const sim = createSimulation(ag);
    const st = sim.state;
    const n = 6000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      st.hostility.set([0.8, 0]);
      st.dyad[0] = 0.6;
      st.dyad[3] = 0.2;
      applyViolence(st, sim.ctx);
      sum += st.incidents[1];
      sumSq += st.incidents[1] ** 2;
      expect(st.incidents[0]).toBe(0);
      expect(Number.isInteger(st.incidents[1])).toBe(true);
    }
    const mean = lambda(0.8, 0.6, 0.2, false, 0) / 12;
    // Poisson: variance = mean; allow 4 standard errors
    expect(Math.abs(sum / n - mean)).toBeLessThan(4 * Math.sqrt(mean / n));
    expect(sumSq / n - (sum / n) ** 2).toBeCloseTo(mean, 1);
  });

  it('applyViolence() gives more incidents at higher tension and hostility, draw for draw (paired seeds)', () => {
    let lowTotal = 0;
    let highTotal = 0;
    for (let seed = 0; seed < 300; seed++) {
      const low = incidentsAfterOneStep(ag, { H: [0.3, 0.3], T: 0.1 }, seed).incidents;
      const highT = incidentsAfterOneStep(ag, { H: [0.3, 0.3], T: 0.9 }, seed).incidents;
      const highH = incidentsAfterOneStep(ag, { H: [0.9, 0.9], T: 0.1 }, seed).incidents;
      // one uniform per ordered pair and an inverse-CDF draw: a larger mean never gives fewer
      for (let q = 0; q < 2; q++) {
        expect(highT[q]).toBeGreaterThanOrEqual(low[q]);
        expect(highH[q]).toBeGreaterThanOrEqual(low[q]);
      }
      lowTotal += low[0] + low[1];
      highTotal += highH[0] + highH[1];
    }
    expect(highTotal).toBeGreaterThan(2 * lowTotal);
  });

  it('applyViolence() uses one uniform of the violence stream per ordered pair per step', () => {
    const sim = createSimulation(ag);
    applyViolence(sim.state, sim.ctx);
    applyViolence(sim.state, sim.ctx);
    const mirror = createStream(sim.state.seed, 'violence');
    for (let i = 0; i < 4; i++) mirror();
    expect(sim.ctx.streams.violence()).toBe(mirror());
  });
});
