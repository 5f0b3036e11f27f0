import { describe, expect, it } from 'vitest';
import { passes } from '../../../sim/claims/index';
import { claimTiming } from '../../../sim/claims/timing';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimTiming()', () => {
  it('C4 timing: lull entry gets consent sooner and lowers X more than peak entry', () => {
    const r = claimTiming(options);
    expect(r.holds).toBe(true);
    expect(r.control.effect.mean).toBe(0);
    expect(passes(r)).toBe(true);
  }, 120_000);
});
