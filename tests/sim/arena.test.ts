import { describe, expect, it } from 'vitest';
import { arenaBytes, createArena } from '../../sim/arena';
import { createSimulation, openRun } from '../../sim/index';
import { makeScenario } from '../fixtures/sim/makeScenario';

describe('createArena()', () => {
  it('createArena() hands out aligned views of one WebAssembly memory and throws a RangeError past its end', () => {
    const arena = createArena(100);
    const a = arena.uint8(3);
    const b = arena.float64(2);
    expect(a.buffer).toBe(arena.memory.buffer);
    expect(b.buffer).toBe(arena.memory.buffer);
    expect(b.byteOffset % 8).toBe(0);
    expect(() => arena.float32(65536 / 4)).toThrow(RangeError);
  });
});

describe('a run\'s arena', () => {
  const cases = {
    'small world': makeScenario({ parties: [{ population: 301 }, { population: 200 }] }),
    'edge list': makeScenario({ network: { type: 'edges', edges: [[0, 1, 1], [1, 0, 2], [3, 3, 1]] } }),
    'mean field': makeScenario({ mode: 'meanfield' }),
  };
  it.each(Object.entries(cases))('createSimulation() puts every per-agent and per-tie array in one arena of arenaBytes() (%s)', (_name, s) => {
    const { state, ctx } = createSimulation(s);
    const buffer = state.anger.buffer;
    const inArena = [state.anger, state.fear, state.grievance, state.perceived, state.role, state.participant, state.contact,
      state.rowPtr, state.col, state.weight, state.roleAnger, state.roleFear, state.roleCount, ctx.scratch.pairs, ctx.scratch.unitRows, ctx.scratch.terms];
    for (const a of inArena) expect(a.buffer).toBe(buffer);
    const used = Math.max(...inArena.map((a) => a.byteOffset + a.byteLength));
    const bytes = arenaBytes({ agents: state.partyStart[2], ties: state.col.length, meanfield: s.mode === 'meanfield' });
    expect(used).toBeLessThanOrEqual(bytes);
    expect(buffer.byteLength).toBe(Math.ceil(bytes / 65536) * 65536);
  });

  it('openRun({from}) resumes into a new arena: the saved state is copied, never shared or changed', () => {
    const s = makeScenario({ ticks: 20 });
    const first = openRun(s, { seed: 4, ticks: 10 });
    first.advance();
    const saved = structuredClone(first.save());
    const before = saved.anger.slice();
    const resumed = openRun(s, { from: saved });
    expect(resumed.state.anger.buffer).not.toBe(saved.anger.buffer);
    expect(resumed.state.anger).toEqual(saved.anger);
    expect(Object.keys(resumed.state)).toEqual(Object.keys(saved));
    resumed.advance();
    expect(saved.anger).toEqual(before);
  });
});
