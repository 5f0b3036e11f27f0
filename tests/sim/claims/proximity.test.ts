import { describe, expect, it } from 'vitest';
import { claimProximity } from '../../../sim/claims/proximity';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimProximity()', () => {
  it('C1 proximity: Track Two raises B most and talks soonest, in track order; a flat kernel removes the order', () => {
    const r = claimProximity(options);
    expect(r.effect.lo).toBeGreaterThan(0);
    expect(r.holds).toBe(true);
    expect(r.control.removed).toBe(true);
    // under the flat kernel some neighbouring pair is no longer in track order
    expect(r.control.effect.lo).toBeLessThanOrEqual(0);
  }, 120_000);
});
