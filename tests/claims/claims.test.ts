import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAIMS, passes, runClaims, type ClaimResult } from '../../sim/claims/index';
import { relapseShare } from '../../sim/claims/claims';
import type { RunMetrics } from '../../sim/claims/experiment';

// Small but honest sizes: 400 agents a party and 24 paired runs per ensemble. `detente claims`
// runs the same experiments at the scenarios' full sizes.
const options = {
  runs: 24,
  population: 400,
  load: (name: string) => JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')),
};

function claim(id: string, runs = options.runs): ClaimResult {
  return runClaims({ ...options, runs }, [id])[0];
}

describe('claims of MODEL.md §9', () => {
  it('lists C1 to C9 in order', () => {
    expect(CLAIMS.map((c) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']);
  });

  it('C1 proximity: Track Two raises B most and talks soonest, in track order; a flat kernel removes the order', () => {
    const r = claim('C1');
    expect(r.effect.lo).toBeGreaterThan(0);
    expect(r.holds).toBe(true);
    expect(r.control.removed).toBe(true);
    // under the flat kernel some neighbouring pair is no longer in track order
    expect(r.control.effect.lo).toBeLessThanOrEqual(0);
  }, 120_000);

  it('C2 synergy: all five are superadditive; σ = 0 and κ_B = 0 remove it', () => {
    // superadditivity is a difference of differences: it needs more runs to resolve
    const r = claim('C2', 40);
    expect(r.effect.lo).toBeGreaterThan(0);
    expect(r.holds).toBe(true);
    expect(r.control.effect.lo).toBeLessThanOrEqual(0);
    expect(r.control.removed).toBe(true);
  }, 180_000);

  it('C3 fragility: Track One alone relapses more than with Track Two; β1 = 0 removes the power-shift effect', () => {
    const r = claim('C3');
    expect(r.effect.lo).toBeGreaterThan(0);
    expect(r.holds).toBe(true);
    expect(r.control.removed).toBe(true);
  }, 120_000);

  it('C4 timing: lull entry gets consent sooner and lowers X more than peak entry', () => {
    const r = claim('C4');
    expect(r.holds).toBe(true);
    expect(r.control.effect.mean).toBe(0);
    expect(passes(r)).toBe(true);
  }, 120_000);

  it('C5 commitment: premature exit leaves X higher; without its backlash it equals a planned exit', () => {
    const r = claim('C5');
    expect(r.holds).toBe(true);
    expect(r.control.effect.mean).toBe(0);
    expect(passes(r)).toBe(true);
  }, 120_000);

  it('C6 confidentiality: a leaky facilitator achieves less; leaks without consequence change nothing', () => {
    const r = claim('C6');
    expect(r.holds).toBe(true);
    expect(r.control.effect.mean).toBe(0);
    expect(passes(r)).toBe(true);
  }, 120_000);

  it('C7 Richardson: mean-field mode is the recurrence exactly, the closed form within first-order Euler error', () => {
    const r = claim('C7');
    expect(r.effect.mean).toBeLessThanOrEqual(1e-12);
    expect(passes(r)).toBe(true);
  });

  it('C8 DeGroot: the worked example on a given network; μ = 0 keeps the values', () => {
    const r = claim('C8');
    expect(r.effect.mean).toBeLessThan(1e-6);
    expect(passes(r)).toBe(true);
  });

  it('C9 calibration: relapse, contact effect and hate media within their target ranges', () => {
    const r = claim('C9');
    expect(r.effect.mean).toBeGreaterThanOrEqual(0.3);
    expect(r.effect.mean).toBeLessThanOrEqual(0.5);
    expect(r.holds).toBe(true);
    expect(r.control.removed).toBe(true);
  }, 180_000);
});

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
