import { describe, expect, it } from 'vitest';
import { run, createSimulation, type ScenarioData } from '../../../sim/index';
import { updateAgents, updateMeanField } from '../../../sim/rules/population';
import { createEffects } from '../../../sim/rules/effects';
import { makeScenario, QUIET_PARTY } from '../../fixtures/sim/makeScenario';

interface Richardson { k: [number, number]; alpha: [number, number]; g: [number, number]; h0: [number, number] }

function meanfield(r: Richardson, ticksPerYear: number, ticks: number, params = {}): ScenarioData {
  return makeScenario({
    mode: 'meanfield', ticksPerYear, ticks,
    parties: [0, 1].map((p) => ({
      reactivity: r.k[p], fatigue: r.alpha[p], grievance: r.g[p], initialAnger: r.h0[p],
    })) as [object, object],
    params,
  });
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** MODEL.md §5's recurrence, computed here independently of the engine. */
function recurrence(r: Richardson, dt: number, ticks: number): [number[], number[]] {
  const H: [number[], number[]] = [[r.h0[0]], [r.h0[1]]];
  for (let t = 0; t < ticks; t++) {
    const [hp, hq] = [H[0][t], H[1][t]];
    H[0].push(clamp01(hp + dt * (r.k[0] * hq - r.alpha[0] * hp + r.g[0])));
    H[1].push(clamp01(hq + dt * (r.k[1] * hp - r.alpha[1] * hq + r.g[1])));
  }
  return H;
}

/** Exact solution of the linear ODE H' = A·H + g (no clamp) at time t, by the 2×2 matrix exponential. */
function exactLinear(r: Richardson, t: number): [number, number] {
  const A = [[-r.alpha[0], r.k[0]], [r.k[1], -r.alpha[1]]];
  const det = A[0][0] * A[1][1] - A[0][1] * A[1][0];
  // equilibrium H* = −A⁻¹g, which is MODEL.md's (α_q g_p + k_p g_q)/(α_p α_q − k_p k_q)
  const star = [(r.alpha[1] * r.g[0] + r.k[0] * r.g[1]) / det, (r.alpha[0] * r.g[1] + r.k[1] * r.g[0]) / det];
  const s = (A[0][0] + A[1][1]) / 2;
  const q = Math.sqrt(s * s - det); // real for k ≥ 0
  const c = Math.cosh(q * t);
  const sh = q > 0 ? Math.sinh(q * t) / q : t;
  const e = Math.exp(s * t);
  const M = [
    [e * (c + sh * (A[0][0] - s)), e * sh * A[0][1]],
    [e * sh * A[1][0], e * (c + sh * (A[1][1] - s))],
  ];
  const d0 = [r.h0[0] - star[0], r.h0[1] - star[1]];
  return [star[0] + M[0][0] * d0[0] + M[0][1] * d0[1], star[1] + M[1][0] * d0[0] + M[1][1] * d0[1]];
}

describe('run(meanfield) follows Richardson (claim C7)', () => {
  const cases: Array<[string, Richardson]> = [
    ['symmetric stable', { k: [1, 1], alpha: [2, 2], g: [1, 1], h0: [0, 0] }],
    ['asymmetric stable', { k: [1, 0.5], alpha: [2, 3], g: [0.5, 0.3], h0: [0.1, 0.6] }],
    ['unstable, reaching the ceiling', { k: [2, 2], alpha: [1, 1], g: [1, 1], h0: [0, 0.2] }],
    ['no grievance, decay only', { k: [0, 0.2], alpha: [0.7, 0.4], g: [0, 0], h0: [0.9, 0.5] }],
  ];
  it.each(cases)('run() gives the explicit Euler recurrence to 1e-12 (%s)', (_name, r) => {
    const ticks = 150;
    const s = meanfield(r, 12, ticks);
    const H = recurrence(r, 1 / 12, ticks);
    const cols = run(s).columns;
    expect(cols.rows).toBe(ticks + 1);
    for (let t = 0; t <= ticks; t++) {
      expect(Math.abs(cols.data.H_A[t] - H[0][t])).toBeLessThan(1e-12);
      expect(Math.abs(cols.data.H_B[t] - H[1][t])).toBeLessThan(1e-12);
    }
  });

  it('run() matches the recurrence even with strong violence: incidents move fear and tension, not anger', () => {
    const r: Richardson = { k: [0.5, 0.8], alpha: [1, 1.2], g: [0.3, 0.2], h0: [0.5, 0.5] };
    const calm = run(meanfield(r, 12, 60, { incidentRate: 0 })).columns.data;
    const violent = run(meanfield(r, 12, 60, { incidentRate: 40 })).columns.data;
    const H = recurrence(r, 1 / 12, 60);
    for (let t = 0; t <= 60; t++) {
      expect(Math.abs(violent.H_A[t] - H[0][t])).toBeLessThan(1e-12);
      expect(violent.H_B[t]).toBe(calm.H_B[t]);
    }
    expect(violent.incidents[10]).toBeGreaterThan(0);
    expect(violent.F_A[10]).toBeGreaterThan(calm.F_A[10]);
    expect(violent.T[10]).toBeGreaterThan(calm.T[10]);
  });

  it('run() reproduces MODEL.md §5\'s worked check: Euler H(1) = 0.633968 against continuous 1 − e⁻¹', () => {
    const r: Richardson = { k: [1, 1], alpha: [2, 2], g: [1, 1], h0: [0, 0] };
    const d = run(meanfield(r, 100, 100)).columns.data;
    // symmetric: H' = (k − α)H + g = 1 − H, so Euler gives 1 − 0.99^t and the ODE 1 − e^−t
    expect(d.H_A[100]).toBeCloseTo(0.633968, 6);
    expect(d.H_B[100]).toBe(d.H_A[100]);
    const continuous = 1 - Math.exp(-1);
    expect(continuous).toBeCloseTo(0.632121, 6);
    const err = d.H_A[100] - continuous;
    // explicit Euler's global error here is dt/2 · t·e^−t ≈ 0.00184 at t = 1
    expect(err).toBeGreaterThan(0);
    expect(err).toBeLessThan(0.0025);
  });

  it('run() with α_p α_q < k_p k_q runs away to the ceiling 1 and stays there', () => {
    const r: Richardson = { k: [2, 2], alpha: [1, 1], g: [1, 1], h0: [0, 0] };
    const d = run(meanfield(r, 100, 200)).columns.data;
    // Euler: H_t = 1.01^t − 1 until it reaches 1; the first t with 1.01^t ≥ 2 is 70 (continuous: ln 2 years)
    const firstAtCeiling = Array.from(d.H_A).findIndex((h) => h === 1);
    expect(firstAtCeiling).toBe(70);
    expect(Math.abs(firstAtCeiling / 100 - Math.log(2))).toBeLessThan(0.02);
    for (let t = 1; t <= 200; t++) expect(d.H_A[t]).toBeGreaterThanOrEqual(d.H_A[t - 1]);
    for (let t = firstAtCeiling; t <= 200; t++) expect(d.H_A[t]).toBe(1);
  });

  it('run() converges to the exact 2-D solution with first-order error in dt (asymmetric stable case)', () => {
    const r: Richardson = { k: [1, 0.5], alpha: [2, 3], g: [0.5, 0.3], h0: [0.1, 0.6] };
    const years = 2;
    const exact = exactLinear(r, years);
    const errors = [25, 50, 100, 200].map((tpy) => {
      const d = run(meanfield(r, tpy, years * tpy)).columns.data;
      return Math.max(Math.abs(d.H_A[years * tpy] - exact[0]), Math.abs(d.H_B[years * tpy] - exact[1]));
    });
    expect(errors[0]).toBeLessThan(0.01);
    for (let i = 1; i < errors.length; i++) {
      const ratio = errors[i - 1] / errors[i];
      expect(ratio).toBeGreaterThan(1.8);
      expect(ratio).toBeLessThan(2.2);
    }
  });

  it('run() settles at the equilibrium H* = (α_q g_p + k_p g_q)/(α_p α_q − k_p k_q)', () => {
    const r: Richardson = { k: [1, 0.5], alpha: [2, 3], g: [0.5, 0.3], h0: [0.9, 0] };
    const d = run(meanfield(r, 12, 360)).columns.data;
    const den = r.alpha[0] * r.alpha[1] - r.k[0] * r.k[1];
    expect(d.H_A[360]).toBeCloseTo((r.alpha[1] * r.g[0] + r.k[0] * r.g[1]) / den, 9);
    expect(d.H_B[360]).toBeCloseTo((r.alpha[0] * r.g[1] + r.k[1] * r.g[0]) / den, 9);
  });
});

/** One agent per party, every term of the anger update off except contagion with μ·dt = 1. */
function degroot(edges: Array<[number, number, number]>, populations: [number, number], anger: [number, number], ticks = 3) {
  return makeScenario({
    ticksPerYear: 12, ticks,
    parties: [
      { ...QUIET_PARTY, population: populations[0], initialAnger: anger[0] },
      { ...QUIET_PARTY, population: populations[1], initialAnger: anger[1] },
    ],
    network: { type: 'edges', edges },
    params: { contagion: 12, noise: 0, eliteWeight: 0.5 },
  });
}

describe('run(agent) on a user-given network is DeGroot averaging (claim C8)', () => {
  const W: Array<[number, number, number]> = [[0, 0, 0.7], [0, 1, 0.3], [1, 0, 0.2], [1, 1, 0.8]];

  it('run() gives (0.7, 0.2) after one step and (0.475, 0.35) after three, in state and H_ columns', () => {
    const s = degroot(W, [1, 1], [1, 0]);
    const one = run(s, { ticks: 1 });
    expect(one.state.anger[0]).toBeCloseTo(0.7, 6);
    expect(one.state.anger[1]).toBeCloseTo(0.2, 6);
    const three = run(s, { ticks: 3 });
    expect(three.state.anger[0]).toBeCloseTo(0.475, 6);
    expect(three.state.anger[1]).toBeCloseTo(0.35, 6);
    const d = three.columns.data;
    const expected = [[1, 0], [0.7, 0.2], [0.55, 0.3], [0.475, 0.35]];
    expected.forEach(([a, b], t) => {
      expect(d.H_A[t]).toBeCloseTo(a, 6);
      expect(d.H_B[t]).toBeCloseTo(b, 6);
    });
  });

  it('run() converges to the consensus 0.4 = π·a(0) with π = (0.4, 0.6) the stationary distribution of W', () => {
    const r = run(degroot(W, [1, 1], [1, 0], 120));
    expect(r.state.anger[0]).toBeCloseTo(0.4, 5);
    expect(r.state.anger[1]).toBeCloseTo(0.4, 5);
  });

  it('run() normalises each agent\'s row: scaling a row\'s weights changes nothing', () => {
    const scaled: Array<[number, number, number]> = [[0, 0, 7], [0, 1, 3], [1, 0, 0.2], [1, 1, 0.8]];
    const r = run(degroot(scaled, [1, 1], [1, 0], 1));
    expect(r.state.anger[0]).toBeCloseTo(0.7, 6);
  });

  it('run() leaves an agent whose weights sum to 0 (or who has no ties) at its own value', () => {
    // agents 0 and 1 belong to party A (anger 1); agent 2 to party B (anger 0) with a zero-weight tie to agent 0
    const r = run(degroot([[0, 1, 1], [1, 0, 1], [2, 0, 0]], [2, 1], [1, 0], 5));
    expect(r.state.anger[2]).toBe(0);
    expect(Number.isNaN(r.columns.data.H_B[5])).toBe(false);
    const isolated = run(degroot([[0, 1, 1], [1, 0, 1]], [2, 1], [1, 0], 5));
    expect(isolated.state.anger[2]).toBe(0);
    // a positive tie to agent 0 would have pulled it all the way to 1
    const tied = run(degroot([[0, 1, 1], [1, 0, 1], [2, 0, 1]], [2, 1], [1, 0], 1));
    expect(tied.state.anger[2]).toBeCloseTo(1, 6);
  });
});

describe('updateAgents() applies exposure, contact ties and the synchronous update', () => {
  it('updateAgents() raises an exposed agent\'s fear by δ_f(1 − f) and its perceived hostility by δ_h', () => {
    const s = makeScenario({
      parties: [{ ...QUIET_PARTY, initialFear: 0.4 }, { ...QUIET_PARTY, initialFear: 0.4 }],
      network: { type: 'edges', edges: [] },
      params: { contagion: 0, noise: 0, fearDecay: 0, securityDilemma: 0, exposure: 1, exposureFear: 0.25, exposureHostility: 0.1, exposureDecay: 0 },
    });
    const sim = createSimulation(s);
    // one incident against party A (exposure 1: every agent of A is exposed), none against B
    sim.state.incidents[0] = 1;
    sim.state.incidents[1] = 0;
    updateAgents(sim.state, sim.ctx, createEffects());
    const n0 = sim.state.partyStart[1];
    for (let i = 0; i < n0; i++) {
      expect(sim.state.fear[i]).toBeCloseTo(0.4 + 0.25 * 0.6, 6);
      expect(sim.state.perceived[i]).toBeCloseTo(0.1, 6);
    }
    for (let i = n0; i < sim.state.partyStart[2]; i++) {
      expect(sim.state.fear[i]).toBeCloseTo(0.4, 6);
      expect(sim.state.perceived[i]).toBe(0);
    }
  });

  it('updateAgents() raises anger through the perceived hostility that exposure leaves (reactivity × Ĥ)', () => {
    const s = makeScenario({
      ticksPerYear: 12,
      parties: [{ ...QUIET_PARTY, reactivity: 1, initialAnger: 0.2 }, { ...QUIET_PARTY, initialAnger: 0 }],
      network: { type: 'edges', edges: [] },
      params: { contagion: 0, noise: 0, exposure: 1, exposureHostility: 0.3, exposureDecay: 0 },
    });
    const sim = createSimulation(s);
    sim.state.incidents[0] = 1;
    updateAgents(sim.state, sim.ctx, createEffects());
    // H_B = 0, so all of A's rise comes from the perceived 0.3: 0.2 + dt·1·0.3
    expect(sim.state.anger[0]).toBeCloseTo(0.2 + 0.3 / 12, 6);
  });

  it('updateAgents() pulls an agent towards its Track Four contact as towards a neighbour of weight contactWeight', () => {
    const s = makeScenario({
      ticksPerYear: 12,
      parties: [{ ...QUIET_PARTY, population: 1, initialAnger: 1 }, { ...QUIET_PARTY, population: 1, initialAnger: 0 }],
      network: { type: 'edges', edges: [[0, 0, 1]] },
      params: { contagion: 12, noise: 0, contactWeight: 1 },
    });
    const sim = createSimulation(s);
    sim.state.contact[0] = 1;
    sim.state.contact[1] = 0;
    updateAgents(sim.state, sim.ctx, createEffects());
    // agent 0: self weight 1 and contact weight 1 → (1 + 0)/2; agent 1: only its contact → 1
    expect(sim.state.anger[0]).toBeCloseTo(0.5, 6);
    expect(sim.state.anger[1]).toBeCloseTo(1, 6);
  });

  it('updateAgents() reads a snapshot: two agents listening only to each other swap values', () => {
    // an in-place (sequential) update would give (0, 0); the synchronous one swaps
    const s = makeScenario({
      parties: [{ ...QUIET_PARTY, population: 1, initialAnger: 1 }, { ...QUIET_PARTY, population: 1, initialAnger: 0 }],
      network: { type: 'edges', edges: [[0, 1, 1], [1, 0, 1]] },
      params: { contagion: 12, noise: 0 },
    });
    const r = run(s, { ticks: 1 });
    expect(Array.from(r.state.anger)).toEqual([0, 1]);
  });

  it('updateAgents() keeps anger and fear in [0, 1] and finite under extreme inputs', () => {
    const s = makeScenario({
      parties: [{ reactivity: 50, grievance: 50, initialAnger: 0.99 }, { fatigue: 12, initialAnger: 0.01 }],
      params: { noise: 1, incidentRate: 200, exposure: 1, exposureFear: 1, exposureHostility: 1 },
      ticks: 30,
    });
    const r = run(s);
    for (const arr of [r.state.anger, r.state.fear]) {
      for (const x of arr) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
    for (const name of r.columns.names) for (const x of r.columns.data[name]) expect(Number.isFinite(x)).toBe(true);
  });
});

describe('updateAgents() and updateMeanField() apply the tracks\' relief, media and the security dilemma', () => {
  const quiet = (o: { mode?: 'agent' | 'meanfield'; parties?: [object, object]; params?: object } = {}) => makeScenario({
    mode: o.mode ?? 'agent', ticksPerYear: 12,
    parties: [
      { ...QUIET_PARTY, population: 10, eliteShare: 0.2, businessShare: 0.2, initialAnger: 0.6, initialFear: 0.5, ...(o.parties?.[0] ?? {}) },
      { ...QUIET_PARTY, population: 10, eliteShare: 0.2, businessShare: 0.2, initialAnger: 0.6, initialFear: 0.5, ...(o.parties?.[1] ?? {}) },
    ],
    network: { type: 'edges', edges: [] },
    params: { contagion: 0, noise: 0, fearDecay: 0, securityDilemma: 0, mediaDepth: 0.6, ...(o.params ?? {}) },
  });
  const dt = 1 / 12;

  it('updateAgents() lowers anger and fear of the role a track reaches at its relief rate per year, and no one else\'s', () => {
    const sim = createSimulation(quiet());
    const fx = createEffects();
    fx.reliefAnger[0 * 3 + 1] = 2; // party A's elites
    fx.reliefFear[0 * 3 + 1] = 1;
    updateAgents(sim.state, sim.ctx, fx);
    const st = sim.state;
    for (let i = 0; i < 20; i++) {
      const reached = i < 10 && st.role[i] === 1;
      expect(st.anger[i]).toBeCloseTo(reached ? 0.6 - dt * 2 * 0.6 : 0.6, 6);
      expect(st.fear[i]).toBeCloseTo(reached ? 0.5 - dt * 1 * 0.5 : 0.5, 6);
    }
  });

  it('updateAgents() moves anger towards 1 under a hate-media climate and towards 0 under peace media', () => {
    const sim = createSimulation(quiet());
    sim.state.media.set([-0.5, 0.5]);
    updateAgents(sim.state, sim.ctx, createEffects());
    expect(sim.state.anger[0]).toBeCloseTo(0.6 + dt * 0.6 * 0.5 * (1 - 0.6), 6);
    expect(sim.state.anger[10]).toBeCloseTo(0.6 - dt * 0.6 * 0.5 * 0.6, 6);
  });

  it('updateAgents() raises the weaker party\'s fear by ψ·(π_q/π_p − 1) per year and leaves the stronger one\'s', () => {
    const sim = createSimulation(quiet({ params: { securityDilemma: 0.3 } }));
    sim.state.power.set([1, 3]);
    updateAgents(sim.state, sim.ctx, createEffects());
    expect(sim.state.fear[0]).toBeCloseTo(0.5 + dt * 0.3 * 2, 6);
    expect(sim.state.fear[10]).toBeCloseTo(0.5, 6);
  });

  it('updateMeanField() applies relief weighted by the roles\' shares of the party', () => {
    const sim = createSimulation(quiet({ mode: 'meanfield' }));
    const fx = createEffects();
    fx.reliefAnger[0 * 3 + 1] = 2; // elites, 20 % of party A
    fx.reliefAnger[0 * 3 + 2] = 1; // business, 20 %
    updateMeanField(sim.state, sim.ctx, fx);
    expect(sim.state.mfAnger[0]).toBeCloseTo(0.6 - dt * (0.2 * 2 + 0.2 * 1) * 0.6, 12);
    expect(sim.state.mfAnger[1]).toBe(0.6);
  });

  it('updateMeanField() moves fear by the expected exposure of the step\'s incidents', () => {
    const sim = createSimulation(quiet({ mode: 'meanfield', params: { exposure: 0.1, exposureFear: 0.2 } }));
    sim.state.incidents.set([3, 0]);
    updateMeanField(sim.state, sim.ctx, createEffects());
    expect(sim.state.mfFear[0]).toBeCloseTo(0.5 + 0.1 * 0.2 * (1 - 0.5) * 3, 12);
    expect(sim.state.mfFear[1]).toBe(0.5);
  });
});
