import { WORKER_READY } from './worker/protocol';

/** The workers that have said they are ready (listened for from their start, so none is missed). */
const ready = new WeakSet<Worker>();

/** Starts a simulation worker (./worker/worker.ts). */
export function newSimulationWorker(): Worker {
  const w = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
  w.addEventListener('message', (e) => e.data === WORKER_READY && ready.add(w));
  return w;
}

/** Whether `w` (made by newSimulationWorker) has loaded its engine and answers calls. */
export const workerReady = (w: Worker): boolean => ready.has(w);

/**
 * The page's first simulation worker, started by its own tiny entry script in index.html so that
 * the worker (and the engine it loads) boots while the main bundle is still downloading; the
 * pool starts the others as runs need them.
 */
export const simulationWorker = newSimulationWorker();
