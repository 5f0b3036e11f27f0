import { describe, expect, it } from 'vitest';
import { verdict } from '../../../sim/claims/index';
import { CAPACITY_GRID, claimProximity } from '../../../sim/claims/proximity';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimProximity()', () => {
  it('C1 proximity: splits the order of B into the kernel\'s part and the tracks\' own; a flat kernel removes part of the order', () => {
    const r = claimProximity(options);
    expect(r.control.removed).toBe(true);
    // under the flat kernel some neighbouring pair is no longer in track order
    expect(r.control.effect.lo).toBeLessThanOrEqual(0);
    // the default kernel exp(−(d−1)) puts exactly ln w(d)/w(d+1) = 1 between neighbours
    expect(r.notes.find((n) => n.startsWith('the kernel\'s share'))).toMatch(/Track 2 vs 3: ln B-ratio -?\d+\.\d+ = kernel 1\.00 \+/);
    if (!r.holds) {
      const region = r.region!;
      expect(region.grid.map((g) => g.value)).toEqual(CAPACITY_GRID.slice(0, region.grid.length));
      expect(verdict(r)).toBe(region.holdsFrom === null ? 'does not hold' : 'holds in a region');
    } else {
      expect(verdict(r)).toBe('holds');
    }
  }, 300_000);
});
