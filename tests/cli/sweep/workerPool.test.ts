import { describe, expect, it } from 'vitest';
import { runPool } from '../../../cli/sweep/workerPool';
import type { WorkerResult, WorkerTask } from '../../../cli/sweep/workerProtocol';

const tasks = (n: number, replicates: number): WorkerTask[] =>
  Array.from({ length: n * replicates }, (_, id) => ({ id, index: id % n, point: id % n, values: [], replicate: Math.floor(id / n) }));

describe('runPool', () => {
  it('runPool gives every task one result; a worker that dies has its run recorded as failed and is replaced', async () => {
    const results: WorkerResult[] = [];
    const todo = tasks(5, 3);
    const pool = runPool(todo[Symbol.iterator](), {
      size: 2,
      init: { base: {}, experiment: {} as never },
      url: new URL('../../fixtures/sweep/crashingWorker.mjs', import.meta.url),
      onResult: (r) => results.push(r),
      onCrash: (task, message) => ({ id: task.id, ok: false, line: `${task.point},${task.replicate},${message}\n` }),
    });
    await pool.done;
    expect(results.map((r) => r.id).sort((a, b) => a - b)).toEqual(todo.map((t) => t.id));
    const failed = results.filter((r) => !r.ok);
    expect(failed.map((r) => r.id).sort((a, b) => a - b)).toEqual(todo.filter((t) => t.replicate === 1).map((t) => t.id));
    for (const r of failed) if (!r.ok) expect(r.line).toMatch(/the worker running it stopped: deliberate crash at point/);
  }, 60_000);

  it('runPool rejects when its workers cannot start at all', async () => {
    const pool = runPool(tasks(2, 1)[Symbol.iterator](), {
      size: 2,
      init: { base: {}, experiment: {} as never },
      url: new URL('../../fixtures/sweep/brokenWorker.mjs', import.meta.url),
      onResult: () => {},
      onCrash: (task) => ({ id: task.id, ok: false, line: '' }),
    });
    await expect(pool.done).rejects.toThrow(/a sweep worker could not start .*cannot start/);
  }, 60_000);

  it('runPool.stop ends the pool at once, results of runs in flight dropped', async () => {
    let seen = 0;
    const endless: Iterator<WorkerTask> = { next: () => ({ done: false, value: { id: seen, index: 0, point: 0, values: [], replicate: 0 } }) };
    const pool = runPool(endless, {
      size: 2,
      init: { base: {}, experiment: {} as never },
      url: new URL('../../fixtures/sweep/crashingWorker.mjs', import.meta.url),
      onResult: () => {
        seen++;
        if (seen === 20) void pool.stop();
      },
      onCrash: (task) => ({ id: task.id, ok: false, line: '' }),
    });
    await pool.done;
    const after = seen;
    await new Promise((r) => setTimeout(r, 100));
    expect(seen).toBe(after);
    expect(seen).toBeGreaterThanOrEqual(20);
  }, 60_000);
});
