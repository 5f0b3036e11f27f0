/** Starts a simulation worker (./worker/worker.ts). */
export function newSimulationWorker(): Worker {
  return new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });
}

/**
 * The page's first simulation worker, started by its own tiny entry script in index.html so that
 * the worker (and the engine it loads) boots while the main bundle is still downloading; the
 * pool starts the others as runs need them.
 */
export const simulationWorker = newSimulationWorker();
