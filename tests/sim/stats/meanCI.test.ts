import { describe, expect, it } from 'vitest';
import { meanCI, pairedDiff } from '../../../sim/stats/meanCI';

// Student (1908), "The probable error of a mean": extra hours of sleep of ten patients under two
// hypnotics (Cushny & Peebles' data). The paired 95 % interval of drug 2 minus drug 1 is
// 0.700 to 2.460 around a mean of 1.58 (R: t.test(extra ~ group, data = sleep, paired = TRUE)).
const DRUG1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0];
const DRUG2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4];

describe('meanCI', () => {
  it('pairedDiff(a, b) reproduces Student\'s sleep example: 1.58 [0.7001, 2.4599]', () => {
    const d = pairedDiff(DRUG2, DRUG1);
    expect(d.n).toBe(10);
    expect(d.mean).toBeCloseTo(1.58, 12);
    expect(d.lo).toBeCloseTo(0.7001142, 6);
    expect(d.hi).toBeCloseTo(2.4598858, 6);
  });

  it('meanCI(values) drops non-finite values, and gives zeros for none and a point for one', () => {
    expect(meanCI([])).toEqual({ mean: 0, lo: 0, hi: 0, n: 0 });
    expect(meanCI([Number.NaN, 3, Infinity])).toEqual({ mean: 3, lo: 3, hi: 3, n: 1 });
    const e = meanCI([1, 2, 3, Number.NaN]);
    expect(e.n).toBe(3);
    // mean 2, sd 1, t(2) = 4.3027: half-width 4.3027/√3
    expect(e.hi - e.mean).toBeCloseTo(4.30265273 / Math.sqrt(3), 7);
  });
});
