import { describe, expect, it } from 'vitest';
import type { RunMetrics } from '../../../sim/claims/experiment';
import { PATTERNS, patternsMarkdown, runPatterns } from '../../../sim/patterns/index';
import { dispersionIndex } from '../../../sim/patterns/overdispersion';
import { tailRatio } from '../../../sim/patterns/durations';
import { relapseOutcomes, shareDifference } from '../../../sim/patterns/relapseRates';
import { options } from '../../fixtures/sim/claimOptions';

const run = (o: Partial<RunMetrics>): RunMetrics => ({
  seed: 1, meanX: 0, meanXAfter: 0, meanB: 0, meanBTrack: [], firstTalks: 0, incidents: 0, ticks: 120, ticksPerYear: 12,
  actors: [], signings: [], X: new Float64Array(121), incidentSeries: new Float64Array(121), ...o,
});

describe('dispersionIndex()', () => {
  it('dispersionIndex(m, fromYear) is the variance-to-mean ratio of yearly counts from that year on', () => {
    const inc = new Float64Array(121);
    // years 0–9 with yearly totals 2, 4, 2, 4, …: mean 3, sample variance 10·1/9
    for (let y = 0; y < 10; y++) inc[y * 12 + 1] = y % 2 ? 4 : 2;
    expect(dispersionIndex(run({ incidentSeries: inc }), 0)).toBeCloseTo((10 / 9) / 3, 12);
    // constant counts are under-dispersed (0), no incidents give NaN
    const flat = new Float64Array(121).fill(1);
    expect(dispersionIndex(run({ incidentSeries: flat }), 0)).toBe(0);
    expect(dispersionIndex(run({}), 0)).toBeNaN();
  });
});

describe('tailRatio()', () => {
  it('tailRatio(years) is above 1 for a right-skewed sample, 1 for a symmetric one', () => {
    expect(tailRatio([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBeCloseTo(1, 12);
    expect(tailRatio([1, 1.5, 2, 2.5, 3, 3.5, 4, 8, 16, 25, 30])).toBeGreaterThan(1);
  });
});

describe('relapseOutcomes() and shareDifference()', () => {
  it('relapseOutcomes() keeps the observable settlements picked, 1 for a collapse within ten years', () => {
    const m = run({ ticks: 360, signings: [
      { tick: 12, collapseTick: 60, logPowerRatio: 0, rootCause: 0, quality: 0 },
      { tick: 100, collapseTick: null, logPowerRatio: 0, rootCause: 0, quality: 0 },
      { tick: 300, collapseTick: 310, logPowerRatio: 0, rootCause: 0, quality: 0 },
    ] });
    expect(relapseOutcomes([m], () => true)).toEqual([1, 0]);
    expect(relapseOutcomes([m], (k) => k > 0)).toEqual([0]);
  });

  it('shareDifference(a, b) is the difference of shares with a Wald interval around it', () => {
    const d = shareDifference([1, 1, 0, 0], [0, 0, 0, 1]);
    expect(d.mean).toBeCloseTo(0.25, 12);
    expect(d.lo).toBeLessThan(0.25);
    expect(d.hi).toBeGreaterThan(0.25);
    expect(shareDifference([], [1]).mean).toBeNaN();
  });
});

describe('runPatterns()', () => {
  it('runPatterns(o) measures every stylised fact with its source, and each verdict follows from its own criterion', () => {
    const results = runPatterns(options);
    expect(results.map((r) => r.id)).toEqual(PATTERNS.map((p) => p.id));
    expect(results.length).toBeGreaterThanOrEqual(3);
    for (const r of results) {
      expect(r.source).toMatch(/\d{4}/);
      expect(Number.isFinite(r.value.mean)).toBe(true);
    }
    const [p1, p2, p3, p4] = results;
    expect(p1.holds).toBe(p1.value.lo > 2);
    expect(p2.holds).toBe(p2.value.mean > 1);
    expect(p3.holds).toBe(p3.value.lo > 0);
    expect(p4.holds).toBe(p4.value.hi < 0);
    expect(patternsMarkdown(results).split('\n').filter((l) => l.startsWith('| P'))).toHaveLength(results.length);
  }, 180_000);
});
