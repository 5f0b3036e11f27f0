import { describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../../sim/claims/experiment';
import { relapseShare } from '../../../sim/claims/relapse';

describe('relapseShare()', () => {
  const metrics = (ticksPerYear: number, signings: Array<[number, number | null]>): RunMetrics => ({
    seed: 1, meanX: 0, meanXAfter: 0, meanB: 0, meanBTrack: [], firstTalks: 0, incidents: 0, ticks: 30 * ticksPerYear, ticksPerYear, actors: [],
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
});
