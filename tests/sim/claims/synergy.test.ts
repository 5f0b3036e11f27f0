import { describe, expect, it } from 'vitest';
import { verdict } from '../../../sim/claims/index';
import { SYNERGY_GRID, claimSynergy } from '../../../sim/claims/synergy';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimSynergy()', () => {
  it('C2 synergy: at the default σ, with σ = κ_B = 0 removing any superadditivity, and a region in σ searched when it does not hold', () => {
    const r = claimSynergy(options);
    expect(r.compared).toMatch(/default σ = 0\.5/);
    expect(r.control.removed).toBe(true);
    expect(r.control.effect.lo).toBeLessThanOrEqual(0);
    if (r.holds) {
      expect(verdict(r)).toBe('holds');
      expect(r.region).toBeUndefined();
    } else {
      // the sweep tried σ above the default in order, and stopped where the claim first held
      const region = r.region!;
      expect(region.grid.map((g) => g.value)).toEqual(SYNERGY_GRID.slice(0, region.grid.length));
      expect(region.grid.slice(0, -1).every((g) => !g.holds)).toBe(true);
      expect(region.holdsFrom).toBe(region.grid.at(-1)!.holds ? region.grid.at(-1)!.value : null);
      expect(verdict(r)).toBe(region.holdsFrom === null ? 'does not hold' : 'holds in a region');
    }
  }, 600_000);
});
