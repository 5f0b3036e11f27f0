import { describe, expect, it } from 'vitest';
import { verdict } from '../../../sim/claims/index';
import { claimTiming } from '../../../sim/claims/timing';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimTiming()', () => {
  it('C4 timing: an immediate entry approaching and leaving at the peak-entry facilitator\'s ticks is the same run (only the entry rule differs)', () => {
    const r = claimTiming(options);
    // the entry rule acts only through the tick of approach: exactly 0, as the code guarantees
    expect(r.control.effect).toMatchObject({ mean: 0, lo: 0, hi: 0 });
    expect(r.control.removed).toBe(true);
    expect(r.notes.some((n) => /equal working time/.test(n))).toBe(true);
    expect(r.channels[0].description).toMatch(/consentViolenceAversion = 0/);
    expect(verdict(r)).toMatch(/^(holds|does not hold)$/);
  }, 180_000);
});
