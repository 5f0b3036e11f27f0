import { describe, expect, it } from 'vitest';
import { mechanismsChecked, verdict } from '../../../sim/claims/index';
import { claimRichardson } from '../../../sim/claims/richardson';

describe('claimRichardson()', () => {
  it('C7 Richardson: mean-field mode is the recurrence exactly, the closed form within first-order Euler error', () => {
    const r = claimRichardson();
    expect(r.effect.mean).toBeLessThanOrEqual(1e-12);
    expect(mechanismsChecked(r)).toBe(true);
    expect(verdict(r)).toBe('holds');
  });
});
