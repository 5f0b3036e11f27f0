import { describe, expect, it } from 'vitest';
import { passes } from '../../../sim/claims/index';
import { claimCommitment } from '../../../sim/claims/commitment';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimCommitment()', () => {
  it('C5 commitment: premature exit leaves X higher; without its backlash it equals a planned exit', () => {
    const r = claimCommitment(options);
    expect(r.holds).toBe(true);
    expect(r.control.effect.mean).toBe(0);
    expect(passes(r)).toBe(true);
  }, 120_000);
});
