import type * as Comlink from 'comlink';
import type { ValidationIssue } from '../../sim/index';
import type { WorkerApi } from './worker/protocol';
import { createWorkerSlot, type WorkerSlot, type WorkerSlotOptions } from './workerSlot';

/** Work the pool hands to its workers: a job takes idle workers, one by one, while it wants them. */
export interface PoolJob {
  /** Whether the job would put one more worker to work now. */
  wants(): boolean;
  /** Puts `slot` to work (synchronously counted by the job); resolves when the worker is done with the job. */
  work(slot: WorkerSlot): Promise<void>;
  /** Whether the job is over: it will want no more workers. */
  readonly over: boolean;
}

/**
 * The page's simulation workers: ensembles, variants and explorations run on all of them, while
 * the main thread only draws. Workers are started as jobs want them, up to `size`; a worker that
 * dies is replaced (see WorkerSlot).
 */
export interface WorkerPool {
  readonly size: number;
  /** Queues a job: idle workers go to the jobs in the order they were added. */
  add(job: PoolJob): void;
  /** Hands idle workers to the jobs that want them (after a job resumed, say). */
  dispatch(): void;
  /** A call on one worker (an idle one when there is one); rejects if that worker dies meanwhile. */
  call<T>(fn: (api: Comlink.Remote<WorkerApi>) => Promise<T>): Promise<T>;
  /** The workers' full validation of a scenario. */
  validate(scenario: unknown): Promise<{ ok: boolean; issues: ValidationIssue[] }>;
  dispose(): void;
}

/** Options of `createWorkerPool`. */
export interface WorkerPoolOptions extends Omit<WorkerSlotOptions, 'worker'> {
  /** Workers at most. */
  size: number;
  /** The first worker, already started (main.ts starts it before the rest of the page loads). */
  first?: Worker;
}

/** A pool of `size` simulation workers, started as they are needed. */
export function createWorkerPool({ size, first, ...slotOptions }: WorkerPoolOptions): WorkerPool {
  const slots: WorkerSlot[] = [createWorkerSlot({ ...slotOptions, worker: first })];
  const busy = new Set<WorkerSlot>();
  let jobs: PoolJob[] = [];
  let calls = 0;

  function dispatch(): void {
    for (;;) {
      jobs = jobs.filter((j) => !j.over);
      const job = jobs.find((j) => j.wants());
      if (!job) return;
      let slot = slots.find((s) => !busy.has(s));
      if (!slot) {
        if (slots.length >= size) return;
        slots.push((slot = createWorkerSlot(slotOptions)));
      }
      const s = slot;
      busy.add(s);
      void job.work(s).finally(() => {
        busy.delete(s);
        dispatch();
      });
    }
  }

  const anySlot = () => slots.find((s) => !busy.has(s)) ?? slots[calls++ % slots.length];

  return {
    size,
    add(job) {
      jobs.push(job);
      dispatch();
    },
    dispatch,
    call(fn) {
      return anySlot().watched((c) => fn(c.api), (message) => Promise.reject(new Error(message)));
    },
    validate: (scenario) => anySlot().validate(scenario),
    dispose() {
      for (const s of slots) s.dispose();
    },
  };
}
