import { describe, expect, it } from 'vitest';
import { claimSynergy } from '../../../sim/claims/synergy';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimSynergy()', () => {
  it('C2 synergy: all five are superadditive; σ = 0 and κ_B = 0 remove it', () => {
    // superadditivity is a difference of differences: it needs more runs to resolve
    const r = claimSynergy({ ...options, runs: 40 });
    expect(r.effect.lo).toBeGreaterThan(0);
    expect(r.holds).toBe(true);
    expect(r.control.effect.lo).toBeLessThanOrEqual(0);
    expect(r.control.removed).toBe(true);
  }, 180_000);
});
