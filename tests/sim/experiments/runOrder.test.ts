import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointOrder, runOrder } from '../../../sim/experiments/runOrder';

/** The largest gap between neighbouring values of a sample of 0…n−1, the ends counting as neighbours of −1 and n. */
function largestGap(sample: ArrayLike<number>, n: number): number {
  const s = Float64Array.from(sample).sort();
  let gap = s[0] + 1;
  for (let i = 1; i < s.length; i++) gap = Math.max(gap, s[i] - s[i - 1]);
  return Math.max(gap, n - s[s.length - 1]);
}

describe('pointOrder', () => {
  it('pointOrder(n) is a permutation of 0…n−1 for every n', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), (n) => {
      const order = pointOrder(n);
      const seen = new Uint8Array(n);
      for (const p of order) seen[p]++;
      expect(seen.every((c) => c === 1)).toBe(true);
    }));
  });

  it('pointOrder(n) covers the design evenly from the start: any first m points leave no gap wider than 2n/m + 1', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 20_000 }), fc.integer({ min: 2, max: 300 }), (n, m0) => {
      const m = Math.min(m0, n);
      expect(largestGap(pointOrder(n).subarray(0, m), n)).toBeLessThanOrEqual((2 * n) / m + 1);
    }));
  });

  it('pointOrder(n) begins 0, then near n·0.618, n·0.236, n·0.854 (the golden-ratio sequence)', () => {
    expect(Array.from(pointOrder(1000).subarray(0, 4))).toEqual([0, 618, 236, 854]);
    expect(Array.from(pointOrder(1))).toEqual([0]);
    expect(pointOrder(0)).toHaveLength(0);
  });
});

describe('runOrder', () => {
  it('runOrder(points, replicates) is replicate-major: every point of replicate r before any of r + 1', () => {
    const runs = [...runOrder(12, 3)];
    expect(runs).toHaveLength(36);
    expect(runs.map((r) => r.replicate)).toEqual([...Array(12).fill(0), ...Array(12).fill(1), ...Array(12).fill(2)]);
    for (let r = 0; r < 3; r++) expect(runs.slice(12 * r, 12 * r + 12).map((x) => x.point)).toEqual(Array.from(pointOrder(12)));
  });

  it('runOrder shards partition the runs: shard I/N is every N-th run from run I, and the shards together are every run once', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 9 }), (points, replicates, count) => {
      const whole = [...runOrder(points, replicates)];
      const seen = new Map<string, number>();
      for (let index = 0; index < count; index++) {
        const shard = [...runOrder(points, replicates, { index, count })];
        expect(shard).toEqual(whole.filter((_, k) => k % count === index));
        for (const r of shard) seen.set(`${r.point}/${r.replicate}`, (seen.get(`${r.point}/${r.replicate}`) ?? 0) + 1);
      }
      expect(seen.size).toBe(points * replicates);
      expect([...seen.values()].every((c) => c === 1)).toBe(true);
    }));
  });

  it('runOrder shards (a power of two of them too) each spread over the whole design, not one block of neighbouring points', () => {
    for (const n of [64, 100, 1024]) {
      for (const count of [2, 3, 4, 8]) {
        for (let index = 0; index < count; index++) {
          const points = [...runOrder(n, 1, { index, count })].map((r) => r.point);
          // within 6 times even spacing; a bit-reversal order leaves (1 − 1/count) of the design to one gap
          expect(largestGap(points, n)).toBeLessThanOrEqual(6 * (n / points.length));
        }
      }
    }
  });

  it('runOrder refuses a shard index outside 0…count − 1', () => {
    expect(() => [...runOrder(4, 1, { index: 4, count: 4 })]).toThrow(/shard 4\/4/);
  });
});
