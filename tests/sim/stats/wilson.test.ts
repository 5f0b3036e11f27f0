import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wilson } from '../../../sim/stats/wilson';

// Newcombe (1998), "Two-sided confidence intervals for the single proportion: comparison of seven
// methods", Stat Med 17:857, Table II, method 3 (score interval).
const TABLE_II: [number, number, number, number][] = [
  [81, 263, 0.2553, 0.3662], [15, 148, 0.0624, 0.1605], [0, 20, 0, 0.1611], [1, 29, 0.0061, 0.1718],
];

describe('wilson', () => {
  it('wilson(successes, n) reproduces Newcombe 1998\'s worked examples to four decimals', () => {
    for (const [s, n, lo, hi] of TABLE_II) {
      const e = wilson(s, n);
      expect(e.mean).toBe(s / n);
      expect(Math.abs(e.lo - lo)).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(e.hi - hi)).toBeLessThanOrEqual(1e-4);
    }
  });

  it('wilson(successes, n) lies in [0, 1], holds the share, and keeps a width at 0 and n', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))), ([s, n]) => {
      const e = wilson(s, n);
      expect(e.lo).toBeGreaterThanOrEqual(0);
      expect(e.hi).toBeLessThanOrEqual(1);
      expect(e.lo).toBeLessThanOrEqual(e.mean);
      expect(e.hi).toBeGreaterThanOrEqual(e.mean);
      expect(e.hi - e.lo).toBeGreaterThan(0);
    }));
    expect(wilson(0, 0)).toEqual({ mean: 0, lo: 0, hi: 0, n: 0 });
  });
});
