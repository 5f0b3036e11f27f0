import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tCritical, tTwoSidedTail } from '../../../sim/stats/studentT';

// Two-sided 95 % critical values of Student's t (97.5th percentiles), as printed in standard tables
// (e.g. Fisher & Yates; R's qt(0.975, df) gives the same digits).
const PUBLISHED: [number, number][] = [
  [1, 12.7062047361747], [2, 4.30265272974946], [5, 2.57058183563631], [9, 2.26215716279820],
  [10, 2.22813885198627], [30, 2.04227245630124], [49, 2.00957523712924], [100, 1.98397151852355],
  [1000, 1.96233908082641],
];

describe('studentT', () => {
  it('tCritical(df) matches published 97.5th percentiles of t to 1e-11', () => {
    for (const [df, t] of PUBLISHED) expect(Math.abs(tCritical(df) - t)).toBeLessThan(1e-11 * t);
  });

  it('tCritical(df) tends to the normal quantile as df grows (Fisher\'s expansion), and is infinite without degrees of freedom', () => {
    const z = 1.959963984540054;
    for (const df of [1e4, 1e6]) expect(tCritical(df)).toBeCloseTo(z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df), 9);
    expect(tCritical(0)).toBe(Infinity);
  });

  it('tCritical(df, level) puts 1 − level in the two tails, for any df and level', () => {
    fc.assert(fc.property(fc.double({ min: 0.5, max: 5000, noNaN: true }), fc.double({ min: 0.5, max: 0.999, noNaN: true }), (df, level) => {
      expect(tTwoSidedTail(tCritical(df, level), df)).toBeCloseTo(1 - level, 10);
    }));
  });

  it('tTwoSidedTail(t, df) is 1 at t = 0 and falls as t grows', () => {
    expect(tTwoSidedTail(0, 7)).toBe(1);
    expect(tTwoSidedTail(1, 7)).toBeGreaterThan(tTwoSidedTail(2, 7));
    // Cauchy (df 1): P(|T| ≥ 1) = 1/2 exactly
    expect(tTwoSidedTail(1, 1)).toBeCloseTo(0.5, 13);
  });
});
