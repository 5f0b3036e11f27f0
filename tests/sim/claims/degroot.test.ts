import { describe, expect, it } from 'vitest';
import { mechanismsChecked, verdict } from '../../../sim/claims/index';
import { claimDeGroot } from '../../../sim/claims/degroot';

describe('claimDeGroot()', () => {
  it('C8 DeGroot: the worked example on a given network; μ = 0 keeps the values', () => {
    const r = claimDeGroot();
    expect(r.effect.mean).toBeLessThan(1e-6);
    expect(mechanismsChecked(r)).toBe(true);
    expect(verdict(r)).toBe('holds');
  });
});
