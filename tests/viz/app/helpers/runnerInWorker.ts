import '@vitest/web-worker';
import * as Comlink from 'comlink';
import type { WorkerApi } from '../../../../sim/worker';
import type { Runner } from '../../../../viz/app/runner';

/**
 * A Runner on a real simulation worker (under @vitest/web-worker), which shares this test's module
 * graph. Found by trial: the model must be loaded here first, and the worker started and
 * answering before runner.ts (which imports the worker's module for connectSimulation) is
 * loaded; otherwise the worker never answers the runner. Call it once per test file: a second
 * worker does not start once runner.ts is loaded.
 */
export async function runnerInWorker(): Promise<Runner> {
  await import('../../../../sim/index');
  const worker = new Worker(new URL('../../../../sim/worker.ts', import.meta.url), { type: 'module' });
  await Comlink.wrap<WorkerApi>(worker).validate({});
  const { createRunner } = await import('../../../../viz/app/runner');
  return createRunner(worker);
}
