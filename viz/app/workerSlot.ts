import type { ValidationIssue } from '../../sim/index';
import { connectSimulation, type SimulationClient } from './worker/client';
import { watchWorker, type WatchOptions, type WorkerWatch } from './workerWatch';

/**
 * One simulation worker of the pool, watched: a worker that dies (an uncaught error, or silence
 * confirmed by an unanswered ping) is replaced by a new one, and the calls it was answering end
 * as its caller decides (`watched`).
 */
export interface WorkerSlot {
  /** The current worker's client: pause, resume, step and cancel go to it. */
  readonly client: SimulationClient;
  /** Runs `call` on the current worker; resolves to `onDeath(message)` if the worker dies first. */
  watched<T>(call: (c: SimulationClient) => Promise<T>, onDeath: (message: string) => T | Promise<T>): Promise<T>;
  /** The worker's full validation of a scenario (retried on the new worker if the worker dies meanwhile). */
  validate(scenario: unknown): Promise<{ ok: boolean; issues: ValidationIssue[] }>;
  dispose(): void;
}

/** Options of `createWorkerSlot`. */
export interface WorkerSlotOptions extends Pick<WatchOptions, 'silenceMs' | 'deadMs'> {
  /** Whether a worker has already said it is ready (for `worker`, started before the slot listens). Default: none has. */
  ready?: (w: Worker) => boolean;
  /** A worker already started (main.ts starts the first one early). Default: a new one. */
  worker?: Worker;
  /** Starts a (replacement) worker on ./worker/worker.ts. */
  makeWorker: () => Worker;
  /** Told, in words, that the worker died and a new one took its place. */
  onReplaced?: (message: string) => void;
}

/** Replacements in a row, without a word from any of them, after which the slot stops trying. */
const MAX_SILENT_REPLACEMENTS = 3;

/** A watched worker that replaces itself when it dies. */
export function createWorkerSlot({ worker = undefined, makeWorker, onReplaced, silenceMs, deadMs, ready = () => false }: WorkerSlotOptions): WorkerSlot {
  let client: SimulationClient;
  let watch: WorkerWatch;
  /** Settles when the current worker dies, with the message its calls end with. */
  let death: Promise<string>;
  let silentReplacements = 0;
  let disposed = false;

  function connect(w: Worker): void {
    client = connectSimulation(w);
    w.addEventListener('message', () => (silentReplacements = 0), { once: true });
    let died!: (message: string) => void;
    death = new Promise((resolve) => (died = resolve));
    watch = watchWorker(w, {
      silenceMs, deadMs, started: ready(w),
      ping: () => client.api.ping(),
      onDeath(reason) {
        client.terminate();
        if (disposed) return;
        const again = ++silentReplacements <= MAX_SILENT_REPLACEMENTS;
        const message = again
          ? `a simulation worker stopped (${reason}); a new one has started: press Run to try again`
          : `a simulation worker stopped (${reason}) and new ones did not start: reload the page`;
        died(message);
        if (again) connect(makeWorker());
        onReplaced?.(message);
      },
    });
  }
  connect(worker ?? makeWorker());

  async function watched<T>(call: (c: SimulationClient) => Promise<T>, onDeath: (message: string) => T | Promise<T>): Promise<T> {
    const done = watch.busy();
    try {
      return await Promise.race([call(client), death.then(onDeath)]);
    } finally {
      done();
    }
  }

  return {
    get client() {
      return client;
    },
    watched,
    validate(scenario) {
      const attempt = (): Promise<{ ok: boolean; issues: ValidationIssue[] }> => watched((c) => c.api.validate(scenario), (message) => {
        if (silentReplacements > MAX_SILENT_REPLACEMENTS) return { ok: false, issues: [{ path: '', message }] };
        return attempt();
      });
      return attempt();
    },
    dispose() {
      disposed = true;
      watch.stop();
      client.terminate();
    },
  };
}
