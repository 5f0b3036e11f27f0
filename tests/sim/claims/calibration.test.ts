import { describe, expect, it } from 'vitest';
import { claimCalibration } from '../../../sim/claims/calibration';
import { options } from '../../fixtures/sim/claimOptions';

describe('claimCalibration()', () => {
  it('C9 calibration: ten-year relapse near 40 % with a hazard that falls with time since signing; contact effect and hate media within their ranges', () => {
    const r = claimCalibration(options);
    const f = r.figures!;
    // at test sizes (about 25 settlements) the accepted 30–50 % must lie within reach of the interval
    expect(r.effect.mean).toBe(f.relapse10y);
    expect(r.effect.lo).toBeLessThanOrEqual(0.5);
    expect(r.effect.hi).toBeGreaterThanOrEqual(0.3);
    expect(f.hazardRatio).toBeGreaterThan(1);
    expect(f.settled20).toBeGreaterThanOrEqual(0.8);
    expect(f.contactD).toBeGreaterThanOrEqual(0.3);
    expect(f.contactD).toBeLessThanOrEqual(0.56);
    expect(f.hateRise).toBeGreaterThanOrEqual(0.6);
    expect(f.hateRise).toBeLessThanOrEqual(0.85);
    expect(r.control.removed).toBe(true);
  }, 180_000);
});
