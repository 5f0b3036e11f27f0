import { describe, expect, it } from 'vitest';
import { csrFromTies, edgeListGraph, smallWorld, type Graph } from '../../sim/network';
import { createStream } from '../../sim/rng';

function ties(g: Graph): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  for (let i = 0; i + 1 < g.rowPtr.length; i++) {
    for (let e = g.rowPtr[i]; e < g.rowPtr[i + 1]; e++) out.push([i, g.col[e], g.weight[e]]);
  }
  return out;
}

describe('edgeListGraph() and csrFromTies()', () => {
  it('edgeListGraph() keeps every directed tie and weight exactly as given, in row order', () => {
    const edges: Array<[number, number, number]> = [[2, 0, 0.5], [0, 1, 0.25], [0, 0, 1], [2, 2, 3]];
    const g = edgeListGraph(4, edges);
    expect(Array.from(g.rowPtr)).toEqual([0, 2, 2, 4, 4]);
    expect(ties(g)).toEqual([[0, 1, 0.25], [0, 0, 1], [2, 0, 0.5], [2, 2, 3]]);
  });

  it('csrFromTies() counts only the first `count` ties', () => {
    const g = csrFromTies(2, { from: Int32Array.from([0, 1, 1]), to: Int32Array.from([1, 0, 1]), weight: Float32Array.from([1, 2, 3]), count: 2 });
    expect(ties(g)).toEqual([[0, 1, 1], [1, 0, 2]]);
  });
});

describe('smallWorld()', () => {
  const o = { degree: 4, rewire: 0, crossTies: 0, contactWeight: 1 };

  it('smallWorld() without rewiring is a ring lattice of degree/2 neighbours each side within each party', () => {
    const g = smallWorld([10, 8], o, createStream(1, 'network'));
    for (const [party, start, size] of [[0, 0, 10], [1, 10, 8]]) {
      for (let i = 0; i < size; i++) {
        const row = ties(g).filter(([a]) => a === start + i).map(([, b]) => b - start).sort((x, y) => x - y);
        const expected = [1, 2, size - 1, size - 2].map((d) => (i + d) % size).sort((x, y) => x - y);
        expect(row, `party ${party} agent ${i}`).toEqual(expected);
      }
    }
  });

  it('smallWorld() makes every tie mutual and keeps rewired ties inside the party, without self-loops', () => {
    const g = smallWorld([50, 30], { ...o, rewire: 0.5 }, createStream(2, 'network'));
    const all = ties(g);
    const key = (a: number, b: number) => `${a}>${b}`;
    const counts = new Map<string, number>();
    for (const [a, b] of all) counts.set(key(a, b), (counts.get(key(a, b)) ?? 0) + 1);
    for (const [a, b] of all) {
      expect(counts.get(key(b, a))).toBe(counts.get(key(a, b)));
      expect(a).not.toBe(b);
      expect(a < 50).toBe(b < 50);
    }
    // every agent keeps at least its own degree/2 ties
    expect(all.length).toBe(2 * (50 + 30) * 2);
  });

  it('smallWorld() adds crossTies × within-party ties across the parties, weighing contactWeight', () => {
    const g = smallWorld([100, 100], { ...o, crossTies: 0.1, contactWeight: 0.5 }, createStream(3, 'network'));
    const cross = ties(g).filter(([a, b]) => (a < 100) !== (b < 100));
    // 400 undirected within-party ties, so 40 cross ties, stored both ways
    expect(cross.length).toBe(80);
    for (const [, , w] of cross) expect(w).toBe(0.5);
  });

  it('smallWorld() is deterministic for a given stream and changes with the seed', () => {
    const a = ties(smallWorld([30, 30], { ...o, rewire: 0.3, crossTies: 0.05 }, createStream(4, 'network')));
    const b = ties(smallWorld([30, 30], { ...o, rewire: 0.3, crossTies: 0.05 }, createStream(4, 'network')));
    const c = ties(smallWorld([30, 30], { ...o, rewire: 0.3, crossTies: 0.05 }, createStream(5, 'network')));
    expect(a).toEqual(b);
    expect(c).not.toEqual(a);
  });

  it('smallWorld() handles parties too small for the requested degree', () => {
    const g = smallWorld([1, 3], { ...o, degree: 8 }, createStream(6, 'network'));
    expect(g.rowPtr.length).toBe(5);
    expect(ties(g).filter(([a]) => a === 0)).toEqual([]);
  });
});
