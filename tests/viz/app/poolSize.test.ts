import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_AUTO_WORKERS, MAX_WORKERS, poolSize } from '../../../viz/app/poolSize';

describe('poolSize', () => {
  it('poolSize(search, cores) is min(cores || 2, 8) unless ?workers=N (1–16) says otherwise', () => {
    expect(poolSize('', 4)).toEqual({ size: 4, issue: '' });
    expect(poolSize('', 32)).toEqual({ size: MAX_AUTO_WORKERS, issue: '' });
    expect(poolSize('', undefined)).toEqual({ size: 2, issue: '' });
    expect(poolSize('', 0)).toEqual({ size: 2, issue: '' });
    expect(poolSize('?workers=16', 2)).toEqual({ size: 16, issue: '' });
    expect(poolSize('?x=1&workers=1', 8)).toEqual({ size: 1, issue: '' });
  });

  it('poolSize(search, cores) refuses any other ?workers, saying why, and uses its own size', () => {
    fc.assert(fc.property(fc.string(), fc.integer({ min: 1, max: 64 }), (asked, cores) => {
      const n = Number(asked);
      const r = poolSize(`?workers=${encodeURIComponent(asked)}`, cores);
      const good = asked.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_WORKERS;
      expect(r.size).toBe(good ? n : Math.min(cores, MAX_AUTO_WORKERS));
      expect(r.issue === '').toBe(good);
      if (!good) expect(r.issue).toMatch(/^\?workers must be a whole number from 1 to 16/);
    }));
  });
});
