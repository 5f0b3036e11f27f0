import { describe, expect, it } from 'vitest';
import { createSimulation, estimateRun, MAX_EVENTS, MEMORY_LIMIT, memoryIssue, openRun } from '../../sim/index';
import { ARENA_LIMIT } from '../../sim/memory';
import { makeScenario } from '../fixtures/sim/makeScenario';

describe('estimateRun()', () => {
  it('estimateRun() counts exactly the ties sim/network.ts builds, cross-party and rewired ones included', () => {
    for (const network of [
      { type: 'smallWorld' as const, degree: 4, rewire: 0.1, crossTies: 0.05 },
      { type: 'smallWorld' as const, degree: 8, rewire: 1, crossTies: 0.3 },
      { type: 'smallWorld' as const, degree: 6, rewire: 0, crossTies: 0 },
    ]) {
      const s = makeScenario({ network, parties: [{ population: 57 }, { population: 31 }] });
      const e = estimateRun(s);
      const { state } = createSimulation(s);
      expect(e.ties).toBe(state.col.length);
      expect(e.agents).toBe(state.partyStart[2]);
    }
    const edges = makeScenario({ network: { type: 'edges', edges: [[0, 1, 1], [1, 0, 2], [3, 3, 1]] } });
    expect(estimateRun(edges).ties).toBe(createSimulation(edges).state.col.length);
  });

  it('estimateRun() counts the bytes of the typed arrays a run holds: state, scratch, contact overlay, ties and columns', () => {
    const s = makeScenario({ parties: [{ population: 300 }, { population: 200 }] });
    const e = estimateRun(s, { eventRuns: 0 });
    const session = openRun(s, { events: false });
    const { state, ctx } = session;
    const n = state.partyStart[2];
    const perAgent = [state.anger, state.fear, state.grievance, state.perceived, state.role, state.participant].reduce((b, a) => b + a.byteLength, 0) +
      state.rowPtr.byteLength - 4 + ctx.scratch.pairs.byteLength + ctx.scratch.unitRows.byteLength;
    expect(e.parts.agents).toBe(perAgent);
    expect(e.parts.contact).toBe(state.contact.byteLength);
    expect(e.parts.ties).toBe(state.col.byteLength + state.weight.byteLength);
    const columns = Object.values(session.columns.data).reduce((b, c) => b + c.byteLength, 0);
    expect(e.parts.columns).toBe(columns);
    expect(n).toBe(500);
  });

  it('estimateRun() takes the larger of the network\'s construction and the running state, plus an edge list\'s JavaScript copy', () => {
    const dense = makeScenario({ ticks: 10, network: { type: 'smallWorld', degree: 40 }, parties: [{ population: 500 }, { population: 500 }] });
    const e = estimateRun(dense, { eventRuns: 0 });
    // degree 40: drawing the ties (4 bytes a tie beside the arena's agents and ties) outweighs the columns
    expect(e.bytes).toBe(e.parts.agents + e.parts.contact + e.parts.ties + e.parts.construction);
    const long = makeScenario({ ticks: 100_000, mode: 'meanfield' });
    const l = estimateRun(long);
    expect(l.bytes).toBe(l.parts.agents + l.parts.contact + l.parts.columns + l.parts.events);
    const list = estimateRun(makeScenario({ network: { type: 'edges', edges: [[0, 1, 1], [1, 0, 1]] } }));
    expect(list.parts.scenario).toBeGreaterThan(0);
    expect(list.bytes).toBeGreaterThan(list.parts.scenario);
  });

  it('estimateRun() grows with agents, ties, ticks, runs kept, histogram bins and event runs', () => {
    const s = makeScenario();
    const e = estimateRun(s);
    expect(estimateRun(makeScenario({ parties: [{ population: 4000 }, {}] })).bytes).toBeGreaterThan(e.bytes);
    expect(estimateRun(makeScenario({ network: { type: 'smallWorld', degree: 30 } })).bytes).toBeGreaterThan(e.bytes);
    expect(estimateRun(s, { ticks: 10_000 }).bytes).toBeGreaterThan(e.bytes);
    expect(estimateRun(s, { runsKept: 10 }).parts.columns).toBe(10 * e.parts.columns);
    expect(estimateRun(s, { histogramBins: 20 }).parts.histograms).toBe(e.rows * 4 * 20 * 8);
    expect(estimateRun(s, { eventRuns: 3 }).parts.events).toBe(3 * e.parts.events);
    expect(e.parts.events).toBeGreaterThanOrEqual(MAX_EVENTS * 100);
  });
});

describe('memoryIssue()', () => {
  it('memoryIssue() names ticks when the results dominate, the parties when the agents do, the edge list when it does', () => {
    const long = estimateRun(makeScenario({ mode: 'meanfield' }), { ticks: 1e8 });
    expect(memoryIssue(long, MEMORY_LIMIT)).toMatchObject({ path: 'ticks', message: expect.stringMatching(/100,000,001 observed ticks\); the limit is 8\.0 GiB$/) });
    const crowd = estimateRun(makeScenario({ parties: [{ population: 1e5 }, { population: 1e5 }] }), { eventRuns: 0 });
    expect(memoryIssue(crowd, crowd.bytes - 1)?.path).toBe('parties');
    const edges = Array.from({ length: 20_000 }, (_, e): [number, number, number] => [e % 80, (7 * e) % 80, 1]);
    const list = estimateRun(makeScenario({ network: { type: 'edges', edges } }), { eventRuns: 0 });
    expect(memoryIssue(list, list.bytes - 1)?.path).toBe('network.edges');
    expect(memoryIssue(list, list.bytes)).toBeUndefined();
  });

  it('memoryIssue() refuses a run whose agents and ties would not fit in one WebAssembly memory (4 GiB), whatever the limit', () => {
    // validation asks memoryIssue, so the scenario itself is refused, naming the populations
    expect(() => makeScenario({ parties: [{ population: 5e7 }, { population: 5e7 }] }))
      .toThrow(/parties: this run's agents and ties would need \d+\.\d GiB \(100,000,000 agents, [\d,]+ ties\); a run holds at most 4\.0 GiB of them \(WebAssembly's memory limit\)/);
    const big = estimateRun(makeScenario({ parties: [{ population: 1e7 }, { population: 1e7 }] }), { eventRuns: 0 });
    expect(big.arena).toBeGreaterThan(ARENA_LIMIT / 4);
    expect(big.arena).toBeLessThan(ARENA_LIMIT);
    expect(memoryIssue(big, Infinity)).toBeUndefined();
    expect(memoryIssue({ ...big, arena: ARENA_LIMIT + 1 }, Infinity)?.path).toBe('parties');
  });

  it('openRun() refuses, before allocating, a run over its memory limit', () => {
    expect(() => openRun(makeScenario({ mode: 'meanfield' }), { ticks: 1e9 })).toThrow(/^ticks: this run would need about \d+\.\d GiB/);
  });
});
