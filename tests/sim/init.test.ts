import { describe, expect, it } from 'vitest';
import { createSimulation, run } from '../../sim/index';
import { ROLE_BUSINESS, ROLE_ELITE } from '../../sim/state';
import { makeScenario } from '../fixtures/sim/makeScenario';

describe('createState()', () => {
  it('createState() with initialSpread 0 starts every agent exactly at its party\'s values', () => {
    const { state } = createSimulation(makeScenario({
      parties: [{ initialSpread: 0, initialAnger: 0.25, initialFear: 0.5, grievance: 0.125 }, { initialSpread: 0, initialAnger: 0.75, initialFear: 0, grievance: 0 }],
    }));
    for (let i = 0; i < 40; i++) expect([state.anger[i], state.fear[i], state.grievance[i]]).toEqual([0.25, 0.5, 0.125]);
    for (let i = 40; i < 80; i++) expect([state.anger[i], state.fear[i], state.grievance[i]]).toEqual([0.75, 0, 0]);
  });

  it('createState() draws agents around the party means with SD initialSpread', () => {
    const { state } = createSimulation(makeScenario({ parties: [{ population: 4000, initialSpread: 0.1, initialAnger: 0.3 }, { population: 10 }], network: { type: 'smallWorld', degree: 2 } }));
    const a = Array.from(state.anger.subarray(0, 4000));
    const m = a.reduce((x, y) => x + y, 0) / a.length;
    const sd = Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / a.length);
    expect(m).toBeCloseTo(0.3, 2);
    expect(sd).toBeCloseTo(0.1, 2);
  });

  it('createState() draws personal grievance ≥ 0 with the party\'s mean g_p (a Gamma, not a normal truncated at 0, which would raise it)', () => {
    const { state } = createSimulation(makeScenario({ parties: [{ population: 20_000, initialSpread: 0.15, grievance: 0.08 }, { population: 10 }], network: { type: 'smallWorld', degree: 2 } }));
    const g = Array.from(state.grievance.subarray(0, 20_000));
    const m = g.reduce((x, y) => x + y, 0) / g.length;
    expect(g.every((x) => x >= 0)).toBe(true);
    // a normal truncated at 0 gives a mean of 0.112 here; the SE of the mean is 0.15/√20000 ≈ 0.001
    expect(Math.abs(m - 0.08)).toBeLessThan(0.004);
  });

  it('createState() assigns exactly round(share · N) elites and business agents per party', () => {
    const { state } = createSimulation(makeScenario({ parties: [{ population: 250, eliteShare: 0.02, businessShare: 0.1 }, { population: 40, eliteShare: 0, businessShare: 0.5 }] }));
    const count = (from: number, to: number, role: number) => Array.from(state.role.subarray(from, to)).filter((r) => r === role).length;
    expect(count(0, 250, ROLE_ELITE)).toBe(5);
    expect(count(0, 250, ROLE_BUSINESS)).toBe(25);
    expect(count(250, 290, ROLE_ELITE)).toBe(0);
    expect(count(250, 290, ROLE_BUSINESS)).toBe(20);
  });

  it('createState() in mean-field mode has one representative agent per party at the party means', () => {
    const { state } = createSimulation(makeScenario({ mode: 'meanfield', parties: [{ initialAnger: 0.2, initialFear: 0.4 }, { initialAnger: 0.6 }] }));
    expect(Array.from(state.partyStart)).toEqual([0, 1, 2]);
    expect(Array.from(state.mfAnger)).toEqual([0.2, 0.6]);
    expect(state.mfFear[0]).toBe(0.4);
    expect(Array.from(state.hostility)).toEqual([0.2, 0.6]);
    expect(state.col.length).toBe(0);
  });

  it('createState() starts the dyad, power and tick from the scenario', () => {
    const { state } = createSimulation(makeScenario({ dyad: { T: 0.7, C: 0.2, U: 0.3, E: 0.4 }, parties: [{ power: 2 }, { power: 0.5 }] }));
    expect(Array.from(state.dyad)).toEqual([0.7, 0.2, 0.3, 0.4]);
    expect(Array.from(state.power)).toEqual([2, 0.5]);
    expect(state.tick).toBe(0);
    expect(state.trackOne).toBe(0);
  });

  it('createState() keeps a vanishingly small power positive and finite so power ratios stay finite', () => {
    const s = makeScenario({
      ticks: 6, parties: [{ power: 5e-324 }, { power: 5e-324 }],
      events: [{ tick: 0, type: 'powerShift', party: 'A', factor: 0.001 }],
      params: { securityDilemma: 0 },
    });
    const r = run(s);
    for (const name of r.columns.names) for (const x of r.columns.data[name]) expect(Number.isFinite(x), name).toBe(true);
  });
});
