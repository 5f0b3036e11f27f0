import { describe, expect, it } from 'vitest';
import { passes } from '../../../sim/claims/index';
import { claimConfidentiality } from '../../../sim/claims/confidentiality';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimConfidentiality()', () => {
  it('C6 confidentiality: a leaky facilitator achieves less; leaks without consequence change nothing', () => {
    const r = claimConfidentiality(options);
    expect(r.holds).toBe(true);
    expect(r.control.effect.mean).toBe(0);
    expect(passes(r)).toBe(true);
  }, 120_000);
});
