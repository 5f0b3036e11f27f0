import { describe, expect, it } from 'vitest';
import { claimCommitment } from '../../../sim/claims/commitment';
import { verdict } from '../../../sim/claims/index';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimCommitment()', () => {
  it('C5 commitment: measured at equal working time; without the exit penalties premature and planned exits are the same run', () => {
    const r = claimCommitment(options);
    expect(r.control.effect).toMatchObject({ mean: 0, lo: 0, hi: 0 });
    expect(r.control.removed).toBe(true);
    expect(r.effectLabel).toMatch(/equal working time/);
    expect(r.channels).toHaveLength(2);
    expect(r.notes.some((n) => /more years of work/.test(n))).toBe(true);
    expect(verdict(r)).toBe(r.effect.lo > 0 ? 'holds' : 'does not hold');
  }, 180_000);
});
