import '@vitest/web-worker';
import * as Comlink from 'comlink';
import type { WorkerApi } from '../../../../viz/app/worker/protocol';
import type { WorkerPool } from '../../../../viz/app/workerPool';

/**
 * A pool of one real simulation worker (under @vitest/web-worker), which shares this test's module
 * graph. Found by trial: the model must be loaded here first, and the worker started and
 * answering before the pool's modules are loaded; otherwise the worker never answers. Call it
 * once per test file: a second worker does not start once they are loaded (pools of several
 * workers are tested in-process, tests/viz/app/workerPool.test.ts, and in Chromium).
 */
export async function poolInWorker(): Promise<WorkerPool> {
  await import('../../../../sim/index');
  const worker = new Worker(new URL('../../../../viz/app/worker/worker.ts', import.meta.url), { type: 'module' });
  await Comlink.wrap<WorkerApi>(worker).validate({});
  const { createWorkerPool } = await import('../../../../viz/app/workerPool');
  return createWorkerPool({
    size: 1,
    first: worker,
    makeWorker: () => {
      throw new Error('a second worker does not start under @vitest/web-worker');
    },
  });
}
