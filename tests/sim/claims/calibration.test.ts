import { describe, expect, it } from 'vitest';
import { claimCalibration } from '../../../sim/claims/calibration';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimCalibration()', () => {
  it('C9 calibration: relapse, contact effect and hate media within their target ranges', () => {
    const r = claimCalibration(options);
    expect(r.effect.mean).toBeGreaterThanOrEqual(0.3);
    expect(r.effect.mean).toBeLessThanOrEqual(0.5);
    expect(r.holds).toBe(true);
    expect(r.control.removed).toBe(true);
  }, 180_000);
});
