import { describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../../sim/claims/experiment';
import { hazardByYears, hazardRatio, relapseShare } from '../../../sim/claims/relapse';

describe('relapseShare()', () => {
  const metrics = (ticksPerYear: number, signings: Array<[number, number | null]>): RunMetrics => ({
    seed: 1, meanX: 0, meanXAfter: 0, meanB: 0, meanBTrack: [], firstTalks: 0, incidents: 0, ticks: 30 * ticksPerYear, ticksPerYear, actors: [],
    X: new Float64Array(0), incidentSeries: new Float64Array(0),
    signings: signings.map(([tick, collapseTick]) => ({ tick, collapseTick, logPowerRatio: 0, rootCause: 0, quality: 0 })),
  });

  it('relapseShare(m) counts collapses within ten years of signing, ten years in the run\'s own ticks', () => {
    // 9 years after signing counts as a relapse, 11 years does not, at 12 and at 52 ticks a year
    for (const tpy of [12, 52]) {
      expect(relapseShare(metrics(tpy, [[0, 9 * tpy], [tpy, tpy + 11 * tpy], [2 * tpy, null]]))).toBeCloseTo(1 / 3, 12);
    }
  });

  it('relapseShare(m) leaves out settlements signed less than ten years before the end', () => {
    expect(relapseShare(metrics(24, [[25 * 24, 26 * 24]]))).toBeNaN();
    expect(relapseShare(metrics(24, [[19 * 24, 20 * 24], [21 * 24, 22 * 24]]))).toBe(1);
  });

  it('hazardByYears(ms, edges) divides each interval\'s collapses by the settlement-years at risk in it', () => {
    // at 12 ticks a year over 30 years: one collapse after 2 years, one after 7, one settlement never collapsing (signed at year 20)
    const m = metrics(12, [[0, 24], [12, 12 + 84], [240, null]]);
    const [a, b, c] = hazardByYears([m], [0, 5, 10, 30]);
    // at risk in [0, 5): 2 + 5 + 5 years; in [5, 10): 0 + 2 + 5; in [10, 30): 0 + 0 + 0
    expect(a).toMatchObject({ collapses: 1, yearsAtRisk: 12 });
    expect(b).toMatchObject({ collapses: 1, yearsAtRisk: 7 });
    expect(c).toMatchObject({ collapses: 0, yearsAtRisk: 0 });
    expect(a.hazard).toBeCloseTo(1 / 12, 12);
    expect(c.hazard).toBeNaN();
    const r = hazardRatio(a, b);
    expect(r.mean).toBeCloseTo(7 / 12, 12);
    expect(r.lo).toBeLessThan(r.mean);
    expect(r.hi).toBeGreaterThan(r.mean);
    expect(hazardRatio(a, c).mean).toBeNaN();
  });
});
