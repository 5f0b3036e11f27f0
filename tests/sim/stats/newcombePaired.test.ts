import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newcombePaired, pairedCounts } from '../../../sim/stats/newcombePaired';

// Newcombe (1998), "Improved confidence intervals for the difference between binomial proportions
// based on paired data", Stat Med 17:2635, Table III, method 10: the cells (e, f, g, h) — both,
// first only, second only, neither — and the published 95 % limits for (f − g)/n.
const TABLE_III: [[number, number, number, number], [number, number]][] = [
  [[36, 12, 2, 0], [0.0569, 0.3404]], [[20, 12, 2, 16], [0.0562, 0.3292]], [[18, 12, 2, 18], [0.0562, 0.3290]],
  [[36, 14, 0, 0], [0.1528, 0.4167]], [[35, 14, 0, 1], [0.1461, 0.4175]], [[18, 14, 0, 18], [0.1441, 0.3963]],
  [[2, 97, 1, 0], [0.8721, 0.9854]], [[1, 97, 1, 1], [0.8736, 0.9850]], [[0, 29, 1, 0], [0.6666, 0.9882]],
  [[2, 98, 0, 0], [0.9178, 0.9945]], [[1, 98, 0, 1], [0.9171, 0.9916]], [[0, 30, 0, 0], [0.8395, 1.0]],
  [[54, 0, 0, 0], [-0.0664, 0.0664]], [[53, 0, 0, 1], [-0.0729, 0.0729]], [[30, 0, 0, 24], [-0.0358, 0.0358]],
  [[29, 0, 0, 25], [-0.0354, 0.0354]], [[27, 0, 0, 27], [-0.0351, 0.0351]],
];

describe('newcombePaired', () => {
  it('newcombePaired(counts) reproduces every row of Newcombe 1998\'s Table III (method 10) to 1e-4', () => {
    for (const [[e, f, g, h], [lo, hi]] of TABLE_III) {
      const d = newcombePaired({ both: e, firstOnly: f, secondOnly: g, neither: h });
      expect(d.mean).toBeCloseTo((f - g) / (e + f + g + h), 14);
      expect(Math.abs(d.lo - lo)).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(d.hi - hi)).toBeLessThanOrEqual(1e-4);
    }
  });

  it('newcombePaired(counts) stays in [−1, 1] around the difference, for any table', () => {
    const cell = fc.integer({ min: 0, max: 300 });
    fc.assert(fc.property(cell, cell, cell, cell, (e, f, g, h) => {
      fc.pre(e + f + g + h > 0);
      const d = newcombePaired({ both: e, firstOnly: f, secondOnly: g, neither: h });
      expect(d.lo).toBeGreaterThanOrEqual(-1 - 1e-12);
      expect(d.hi).toBeLessThanOrEqual(1 + 1e-12);
      expect(d.lo).toBeLessThanOrEqual(d.mean + 1e-12);
      expect(d.hi).toBeGreaterThanOrEqual(d.mean - 1e-12);
      expect(d.n).toBe(e + f + g + h);
    }));
  });

  it('pairedCounts(first, second) tallies the four cells pair by pair', () => {
    expect(pairedCounts([true, true, false, false, true], [true, false, true, false, true])).toEqual({ both: 2, firstOnly: 1, secondOnly: 1, neither: 1 });
  });
});
