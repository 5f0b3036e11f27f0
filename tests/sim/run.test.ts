import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation, replicateSeed, run, step, summarizeRun, toCSV, type Columns } from '../../sim/index';
import { busyScenario as busy } from '../fixtures/sim/busyScenario';
import { makeScenario } from '../fixtures/sim/makeScenario';

function asArrays(c: Columns): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const n of c.names) out[n] = Array.from(c.data[n].subarray(0, c.rows));
  return out;
}

describe('run() determinism', () => {
  it('run() with the same scenario and seed gives byte-identical CSV', () => {
    const s = busy({ ticks: 120 });
    expect(toCSV([run(s).columns])).toBe(toCSV([run(s).columns]));
  });

  it('run() with different seeds gives different results', () => {
    const a = run(busy({ ticks: 60, seed: 1 })).columns;
    const b = run(busy({ ticks: 60, seed: 2 })).columns;
    expect(toCSV([a])).not.toBe(toCSV([b]));
    expect(Array.from(a.data.X)).not.toEqual(Array.from(b.data.X));
  });

  it('run({run: r}) uses replicateSeed(scenario seed, r) and records it in every row', () => {
    const s = busy({ ticks: 10, seed: 5 });
    const r0 = run(s, { run: 0 });
    const r3 = run(s, { run: 3 });
    expect(r0.seed).toBe(5);
    expect(r3.seed).toBe(replicateSeed(5, 3));
    expect(r3.seed).not.toBe(r0.seed);
    for (let t = 0; t < r3.columns.rows; t++) {
      expect(r3.columns.data.seed[t]).toBe(r3.seed);
      expect(r3.columns.data.run[t]).toBe(3);
    }
    // a replicate is the same run as one started directly from its seed
    expect(asArrays(run(s, { seed: replicateSeed(5, 3) }).columns).X).toEqual(asArrays(r3.columns).X);
  });

  it('run() observes tick 0 (the initial state) and then the state after each step', () => {
    const c = run(busy({ ticks: 15 })).columns;
    expect(c.rows).toBe(16);
    expect(Array.from(c.data.tick)).toEqual(Array.from({ length: 16 }, (_, t) => t));
  });
});

describe('run({from}) resumes a saved state', () => {
  it('run({from}) without ticks runs what is left of the scenario', () => {
    const s = busy({ ticks: 50 });
    const first = run(s, { ticks: 20 });
    const rest = run(s, { from: first.state });
    expect(rest.columns.rows).toBe(30);
    expect(rest.state.tick).toBe(50);
  });

  it('run() in many small chunks equals the run done at once (mean-field mode)', () => {
    const s = makeScenario({
      mode: 'meanfield', ticks: 90,
      parties: [{ powerDrift: 0.3 }, { powerDrift: 0.1 }],
      actors: [{ name: 'Officials', track: 1, consent: true }, { name: 'Workshop', track: 2, entry: 'lull' }],
      events: [{ tick: 40, type: 'powerShift', party: 'A', factor: 2 }],
    });
    const whole = asArrays(run(s).columns);
    let res = run(s, { ticks: 7 });
    const parts = [asArrays(res.columns)];
    while (res.state.tick < 90) {
      res = run(s, { from: res.state, ticks: Math.min(13, 90 - res.state.tick) });
      parts.push(asArrays(res.columns));
    }
    for (const name of Object.keys(whole)) expect(parts.flatMap((p) => p[name])).toEqual(whole[name]);
  });

  it('run() returns a state that survives structuredClone: resuming from the clone gives the same continuation', () => {
    const s = busy({ ticks: 200 });
    const first = run(s, { ticks: 80 });
    const clone = structuredClone(first.state);
    const a = run(s, { from: first.state, ticks: 120 });
    const b = run(s, { from: clone, ticks: 120 });
    expect(asArrays(b.columns)).toEqual(asArrays(a.columns));
  });

  it('run({from}) does not modify the state it resumes from', () => {
    const s = busy({ ticks: 60 });
    const first = run(s, { ticks: 30 });
    const before = structuredClone(first.state);
    run(s, { from: first.state, ticks: 30 });
    expect(first.state).toEqual(before);
  });
});

describe('named streams keep paired runs aligned', () => {
  it('run() with an actor that has not started yet gives the same incidents, anger and tension until it starts', () => {
    const without = makeScenario({ ticks: 40, params: { incidentRate: 10 } });
    const withActor = makeScenario({
      ticks: 40, params: { incidentRate: 10 },
      actors: [{ name: 'Late workshop', track: 2, start: 25 }, { name: 'Late media', track: 5, start: 30 }],
    });
    const a = run(without).columns.data;
    const b = run(withActor).columns.data;
    let total = 0;
    for (let t = 0; t <= 25; t++) {
      expect(b.incidents[t]).toBe(a.incidents[t]);
      expect(b.H_A[t]).toBe(a.H_A[t]);
      expect(b.T[t]).toBe(a.T[t]);
      total += a.incidents[t];
    }
    expect(total).toBeGreaterThan(0);
  });

  it('step() draws violence from its own stream: the first step\'s incidents do not depend on how many actors exist', () => {
    const incidents = (actors: number) => {
      const s = makeScenario({
        parties: [{ initialAnger: 0.9 }, { initialAnger: 0.9 }],
        params: { incidentRate: 100 },
        actors: Array.from({ length: actors }, (_, j) => ({ name: `a${j}`, track: 1 + (j % 5), start: 0, prepTicks: 0, consent: false })),
      });
      const sim = createSimulation(s);
      step(sim.state, sim.ctx);
      return Array.from(sim.state.incidents);
    };
    const none = incidents(0);
    expect(none[0] + none[1]).toBeGreaterThan(0);
    expect(incidents(1)).toEqual(none);
    expect(incidents(7)).toEqual(none);
  });
});

describe('summarizeRun()', () => {
  it('summarizeRun() reports peak and final X and the area under X in X·years', () => {
    const s = busy({ ticks: 48 });
    const c = run(s).columns;
    const sum = summarizeRun(s, c);
    const X = Array.from(c.data.X);
    expect(sum.peakX).toBe(Math.max(...X));
    expect(sum.finalX).toBe(X[48]);
    let area = 0;
    for (let t = 1; t <= 48; t++) area += (X[t] + X[t - 1]) / 2 / 12;
    expect(sum.areaX).toBeCloseTo(area, 12);
    expect(sum.settlements).toBe(c.data.settlements[48]);
  });
});

describe('run() invariants over random scenarios', () => {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  const rate = fc.double({ min: 0, max: 20, noNaN: true });
  const party = fc.record({
    power: fc.double({ min: 0.01, max: 100, noNaN: true }),
    powerDrift: fc.double({ min: 0, max: 2, noNaN: true }),
    reactivity: rate, fatigue: rate, grievance: rate,
    initialAnger: unit, initialFear: unit,
    initialSpread: fc.double({ min: 0, max: 0.5, noNaN: true }),
    population: fc.integer({ min: 3, max: 30 }),
  });
  const actor = fc.record({
    track: fc.integer({ min: 1, max: 5 }),
    start: fc.integer({ min: 0, max: 20 }),
    prepTicks: fc.integer({ min: 0, max: 5 }),
    entry: fc.constantFrom('immediate' as const, 'lull' as const, 'peak' as const),
    commitment: fc.integer({ min: 0, max: 40 }),
    capacity: unit, credibility: unit,
    confidentiality: rate, consent: fc.boolean(),
  });
  const scenario = fc.record({
    mode: fc.constantFrom('agent' as const, 'meanfield' as const),
    ticksPerYear: fc.integer({ min: 1, max: 60 }),
    parties: fc.tuple(party, party),
    actors: fc.array(actor, { maxLength: 4 }),
    incidentRate: fc.double({ min: 0, max: 100, noNaN: true }),
    seed: fc.integer({ min: 0, max: 1000 }),
  });

  it('run() keeps every observation finite and every share in [0, 1]', () => {
    fc.assert(fc.property(scenario, (r) => {
      const s = makeScenario({
        mode: r.mode, ticksPerYear: r.ticksPerYear, ticks: 30, seed: r.seed,
        // Euler rates at most ticksPerYear (validation refuses more: see stability.ts)
        parties: [0, 1].map((p) => ({ ...r.parties[p], fatigue: Math.min(r.parties[p].fatigue, r.ticksPerYear), eliteShare: 0.1 })) as [object, object],
        network: { type: 'smallWorld', degree: 2 },
        actors: r.actors.map((a, j) => ({ ...a, name: `a${j}` })),
        params: { incidentRate: r.incidentRate, contagion: Math.min(1, r.ticksPerYear), tensionRelief: Math.min(1.5, r.ticksPerYear) },
      });
      const c = run(s).columns;
      for (const name of c.names) {
        for (const x of c.data[name]) expect(Number.isFinite(x), name).toBe(true);
      }
      for (const name of ['X', 'T', 'C', 'U', 'E', 'V', 'R', 'H_A', 'H_B', 'F_A', 'F_B']) {
        for (const x of c.data[name]) {
          expect(x, name).toBeGreaterThanOrEqual(0);
          expect(x, name).toBeLessThanOrEqual(1);
        }
      }
      for (const x of c.data.stage) expect(x >= 1 && x <= 9).toBe(true);
    }), { numRuns: 60, seed: 20261125 });
  });
});
