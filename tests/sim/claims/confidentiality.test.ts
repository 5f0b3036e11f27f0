import { describe, expect, it } from 'vitest';
import { claimConfidentiality } from '../../../sim/claims/confidentiality';
import { verdict } from '../../../sim/claims/index';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimConfidentiality()', () => {
  it('C6 confidentiality: leaks without consequence (consent kept, trust kept, no backlash) change nothing; each consequence is reported', () => {
    const r = claimConfidentiality(options);
    expect(r.control.effect).toMatchObject({ mean: 0, lo: 0, hi: 0 });
    expect(r.control.removed).toBe(true);
    expect(r.channels.map((c) => c.removes)).toHaveLength(3);
    for (const c of r.channels) expect(Number.isFinite(c.effect.mean)).toBe(true);
    expect(verdict(r)).toMatch(/^(holds|does not hold)$/);
  }, 180_000);
});
