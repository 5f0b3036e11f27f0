import { describe, expect, it } from 'vitest';
import { claimFragility } from '../../../sim/claims/fragility';
import { verdict } from '../../../sim/claims/index';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimFragility()', () => {
  it('C3 fragility: reports the Track Two comparison with each collapse channel off; β1 = 0 removes the power shift\'s effect on collapse', () => {
    const r = claimFragility(options);
    // a mechanism the code guarantees: with β1 = 0 the shift no longer raises collapse through the hazard
    expect(r.control.removed).toBe(true);
    expect(r.control.removes).toMatch(/β1/);
    expect(r.channels.map((c) => c.description)).toEqual(['root causes off (β2 = 0)', 'quality off (β3 = 0)', 'no power shift at all']);
    for (const e of [r.effect, r.control.effect, ...r.channels.map((c) => c.effect)]) {
      // runs without a settlement ten years before the end have no relapse share and drop out
      expect(e.n).toBeGreaterThan(options.runs / 2);
      expect(e.n).toBeLessThanOrEqual(options.runs);
      expect(Number.isFinite(e.mean)).toBe(true);
    }
    // the reported verdict is the one its interval gives
    expect(verdict(r)).toBe(r.effect.lo > 0 ? 'holds' : 'does not hold');
  }, 180_000);
});
