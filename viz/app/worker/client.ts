import * as Comlink from 'comlink';
import type { PointExperiment } from '../../../sim/experiments/index';
import type { RunListener, RunOutcome, RunRequest, SweepListener, SweepOutcome, WorkerApi } from './protocol';

/** The page's handle on a simulation worker. */
export interface SimulationClient {
  api: Comlink.Remote<WorkerApi>;
  /** Runs a request, calling `listener` (a local object) for every chunk and finished replicate. */
  start(request: RunRequest, listener: RunListener): Promise<RunOutcome>;
  /** Makes a sweep's runs, asking `listener` (a local object) for tasks and handing it results. */
  sweep(init: { base: unknown; experiment: PointExperiment }, listener: SweepListener): Promise<SweepOutcome>;
  terminate(): void;
}

/** Wraps a Worker running viz/app/worker/worker.ts. */
export function connectSimulation(worker: Worker): SimulationClient {
  const api = Comlink.wrap<WorkerApi>(worker);
  return {
    api,
    start: (request, listener) => api.start(request, Comlink.proxy(listener)),
    sweep: (init, listener) => api.sweep(init, Comlink.proxy(listener)),
    terminate: () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
