import '@vitest/web-worker';
import * as Comlink from 'comlink';
import type { WorkerApi } from '../../../../viz/app/worker/protocol';
import type { Runner } from '../../../../viz/app/runner';

/**
 * A Runner on a real simulation worker (under @vitest/web-worker), which shares this test's module
 * graph. Found by trial: the model must be loaded here first, and the worker started and
 * answering before runner.ts is loaded; otherwise the worker never answers the runner. Call it
 * once per test file: a second worker does not start once runner.ts is loaded.
 */
export async function runnerInWorker(): Promise<Runner> {
  await import('../../../../sim/index');
  const worker = new Worker(new URL('../../../../viz/app/worker/worker.ts', import.meta.url), { type: 'module' });
  await Comlink.wrap<WorkerApi>(worker).validate({});
  const { createRunner } = await import('../../../../viz/app/runner');
  return createRunner({ worker });
}
