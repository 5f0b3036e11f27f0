import { describe, expect, it } from 'vitest';
import { claimFragility } from '../../../sim/claims/fragility';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimFragility()', () => {
  it('C3 fragility: Track One alone relapses more than with Track Two; β1 = 0 removes the power-shift effect', () => {
    const r = claimFragility(options);
    expect(r.effect.lo).toBeGreaterThan(0);
    expect(r.holds).toBe(true);
    expect(r.control.removed).toBe(true);
  }, 120_000);
});
