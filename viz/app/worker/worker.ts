/*
 * The simulation's browser shell, run inside a Web Worker: it exposes `WorkerApi` (comlink), which
 * validates a scenario, drives the engine's run sessions in time slices (pause, single steps,
 * cancel) and posts copies of the new rows (transferred, never live state) to the page's listener
 * (./ensembleRuns.ts), saves a paused run to a file and continues one (./savedRuns.ts), and
 * plans, runs, writes and analyses explorations as `detente sweep` and `detente analyze` do
 * (./experimentCalls.ts). The page talks to a pool of these through
 * ../workerPool.ts; the model in sim/ knows nothing of workers.
 */
import * as Comlink from 'comlink';
import { createControl } from './control';
import { runEnsemble, summarizeEnsemble } from './ensembleRuns';
import { experimentCalls } from './experimentCalls';
import { WORKER_READY, type WorkerApi } from './protocol';
import { openSaved, saveReplicate } from './savedRuns';

/*
 * The engine (the model, zod and mathjs) is imported lazily, after the API is exposed: the worker
 * answers its first message while the engine is still loading.
 */
type Engine = typeof import('../../../sim/index');
let enginePromise: Promise<Engine> | undefined;
function engine(): Promise<Engine> {
  return (enginePromise ??= import('../../../sim/index'));
}

/** Creates the API object (exported for tests that call it without a worker). */
export function createWorkerApi(): WorkerApi {
  const control = createControl();
  const sim = engine();
  return {
    ping: () => true,
    async validate(scenario) {
      const r = (await sim).validateScenario(scenario);
      return { ok: r.ok, issues: r.ok ? [] : r.issues };
    },
    start: (request, listener) => runEnsemble(sim, control, request, listener),
    pause() {
      control.paused = true;
    },
    resume() {
      control.paused = false;
      control.rouse();
    },
    step(ticks = 1) {
      control.paused = true;
      control.stepBudget += Math.max(1, Math.floor(ticks));
      control.rouse();
    },
    cancel() {
      control.generation++;
      control.rouse();
    },
    save: (run, before) => saveReplicate(sim, control, run, before),
    openSaved: (bytes) => openSaved(sim, bytes),
    ensemble: (summaries, runs, columns) => summarizeEnsemble(sim, summaries, runs, columns),
    ...experimentCalls(sim, control),
  };
}

// Expose only inside a worker (tests import createWorkerApi in Node). The explicit endpoint is
// needed under @vitest/web-worker, whose shim does not wire globalThis.
if (typeof self !== 'undefined' && typeof window === 'undefined') {
  Comlink.expose(createWorkerApi(), self as unknown as Comlink.Endpoint);
  // Load the engine at once, before the first request arrives. Awaited at top level so that a
  // module loader that evaluates this file (e.g. @vitest/web-worker's) finishes the import too.
  await engine();
  // from now on the worker answers between steps: the page may take its silence for death
  self.postMessage(WORKER_READY);
}
