import { describe, expect, it } from 'vitest';
import { MEMORY_SHARE, WORKER_BASE_BYTES, workerBudget } from '../../../cli/sweep/workerBudget';

const GB = 1024 ** 3;

describe('workerBudget', () => {
  it('workerBudget keeps what was asked when it fits in free memory', () => {
    expect(workerBudget(8, 50e6, 24 * GB)).toEqual({ workers: 8 });
  });

  it('workerBudget lowers the workers so their runs fit in free memory, and says why', () => {
    const run = 2 * GB;
    const got = workerBudget(16, run, 10 * GB);
    expect(got.workers).toBe(Math.floor((10 * GB * MEMORY_SHARE) / (run + WORKER_BASE_BYTES)));
    expect(got.workers * (run + WORKER_BASE_BYTES)).toBeLessThanOrEqual(10 * GB * MEMORY_SHARE);
    expect(got.reason).toMatch(new RegExp(`^${got.workers} workers instead of 16: each needs about`));
  });

  it('workerBudget never goes below one worker', () => {
    expect(workerBudget(4, 8 * GB, 1 * GB).workers).toBe(1);
  });
});
