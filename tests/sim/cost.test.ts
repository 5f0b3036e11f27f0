import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, DEFAULT_RATES, estimateSeconds, estimateWork, formatDuration, Scenario, type ScenarioData } from '../../sim/index';
import { MAX_POPULATION } from '../../sim/scenario/schema';
import { makeScenario } from '../fixtures/sim/makeScenario';

/** The directed ties and agents a run of `s` really builds. */
function built(s: ScenarioData): { agents: number; ties: number } {
  const { state } = createSimulation(s);
  return { agents: state.partyStart[2], ties: state.col.length };
}

describe('estimateWork()', () => {
  it('counts agents × ticks and directed ties × ticks of every small-world network a run builds, times the runs', () => {
    for (const network of [
      { type: 'smallWorld' as const, degree: 4, rewire: 0.1, crossTies: 0.05 },
      { type: 'smallWorld' as const, degree: 8, rewire: 1, crossTies: 0.3 },
      { type: 'smallWorld' as const, degree: 0, rewire: 0, crossTies: 0 },
    ]) {
      const s = makeScenario({ network, ticks: 37, parties: [{ population: 57 }, { population: 31 }] });
      const { agents, ties } = built(s);
      expect(estimateWork(s)).toEqual({ runs: 1, agentUpdates: agents * 37, tieVisits: ties * 37, steps: 37, meanFieldSteps: 0, built: agents + ties });
      const w = estimateWork(s, { runs: 5, ticks: 10 });
      expect(w).toEqual({ runs: 5, agentUpdates: 5 * agents * 10, tieVisits: 5 * ties * 10, steps: 50, meanFieldSteps: 0, built: 5 * (agents + ties) });
    }
  });

  it('counts an edge list\'s ties, and a mean-field run\'s ticks alone', () => {
    const edges = makeScenario({ ticks: 11, network: { type: 'edges', edges: [[0, 1, 1], [1, 0, 2], [3, 3, 1]] } });
    const { agents, ties } = built(edges);
    expect(ties).toBe(3);
    expect(estimateWork(edges)).toEqual({ runs: 1, agentUpdates: agents * 11, tieVisits: 3 * 11, steps: 11, meanFieldSteps: 0, built: agents + 3 });
    const mf = makeScenario({ ticks: 1000, mode: 'meanfield' });
    expect(estimateWork(mf, { runs: 3 })).toEqual({ runs: 3, agentUpdates: 0, tieVisits: 0, steps: 0, meanFieldSteps: 3000, built: 0 });
  });
});

describe('estimateSeconds()', () => {
  it('prices each unit of work at its rate', () => {
    const s = makeScenario({ ticks: 100 });
    const w = estimateWork(s);
    const r = DEFAULT_RATES;
    expect(estimateSeconds(w)).toBeCloseTo(w.agentUpdates * r.agentUpdate + w.tieVisits * r.tieVisit + w.steps * r.step + w.built * r.built, 12);
    expect(estimateSeconds(w, { ...r, agentUpdate: 2 * r.agentUpdate }) - estimateSeconds(w)).toBeCloseTo(w.agentUpdates * r.agentUpdate, 12);
  });

  it('is finite, positive and grows with agents, degree, ticks and runs over every size the schema allows', () => {
    const base = makeScenario();
    // the schema alone: sizes past what validation lets a run allocate are still counted, never NaN or Infinity
    const at = (population: number, degree: number, ticks: number, mode: 'agent' | 'meanfield') => Scenario.parse({
      ...base, mode, ticks, network: { ...base.network, degree }, parties: base.parties.map((p) => ({ ...p, population })),
    });
    const seconds = (s: ScenarioData, runs: number) => estimateSeconds(estimateWork(s, { runs }));
    fc.assert(fc.property(
      fc.integer({ min: 1, max: MAX_POPULATION }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('agent' as const, 'meanfield' as const),
      (population, halfDegree, ticks, runs, mode) => {
        const s = at(population, 2 * halfDegree, ticks, mode);
        const t = seconds(s, runs);
        expect(Number.isFinite(t)).toBe(true);
        expect(t).toBeGreaterThan(0);
        expect(seconds(s, runs + 1)).toBeGreaterThanOrEqual(t);
        expect(seconds(at(population, 2 * halfDegree, Math.min(Number.MAX_SAFE_INTEGER, ticks + 1), mode), runs)).toBeGreaterThanOrEqual(t);
        expect(seconds(at(Math.min(MAX_POPULATION, population + 1), 2 * halfDegree, ticks, mode), runs)).toBeGreaterThanOrEqual(t);
        expect(seconds(at(population, Math.min(200, 2 * halfDegree + 2), ticks, mode), runs)).toBeGreaterThanOrEqual(t);
      },
    ), { numRuns: 200 });
    // the largest of all: 10^9 agents a party at degree 200, the most ticks, the most runs; and the longest edge list
    const largest = seconds(at(MAX_POPULATION, 200, Number.MAX_SAFE_INTEGER, 'agent'), 1_000_000);
    expect(Number.isFinite(largest)).toBe(true);
    const list = { ...base, network: { type: 'edges', edges: new Array(5e7) } } as ScenarioData;
    expect(estimateWork(list).tieVisits).toBe(5e7 * base.ticks);
    expect(Number.isFinite(seconds(list, 1_000_000))).toBe(true);
  });
});

describe('formatDuration()', () => {
  it('says a duration in its largest whole unit, to half a unit under ten', () => {
    expect(formatDuration(0.2)).toBe('about 0 seconds');
    expect(formatDuration(45)).toBe('about 45 seconds');
    expect(formatDuration(60)).toBe('about 1 minute');
    expect(formatDuration(25 * 60 + 10)).toBe('about 25 minutes');
    expect(formatDuration(3.4 * 3600)).toBe('about 3.5 hours');
    expect(formatDuration(2 * 86400)).toBe('about 2 days');
    expect(formatDuration(4e6 * 86400)).toBe('about 4,000,000 days');
  });
});
