import type { PointExperiment, SweepTask, SweepTaskResult } from '../../sim/experiments/index';
import type { SweepListener, SweepOutcome } from './worker/protocol';
import type { PoolJob, WorkerPool } from './workerPool';
import type { WorkerSlot } from './workerSlot';

/** What a sweep runs: the base scenario and experiment, its tasks in run order, and where results go. */
export interface SweepJobOptions {
  init: { base: unknown; experiment: PointExperiment };
  /** The runs to make, in the order they are handed out, and how many there are. */
  tasks: Iterator<SweepTask>;
  count: number;
  onResult(r: SweepTaskResult): void;
  /** Workers at most (fewer when the pool's memory would not hold more). Default: the pool's size. */
  maxWorkers?: number;
}

/** A sweep under way on the pool. */
export interface SweepJob {
  /** No run starts until resumed; runs under way finish. */
  pause(): void;
  resume(): void;
  /** No run starts, and runs under way stop; the results in stay. */
  cancel(): void;
  readonly paused: boolean;
  readonly done: Promise<SweepOutcome>;
}

/**
 * Runs a sweep's tasks on the pool: each worker takes the next task as it finishes one, so the
 * runs finish roughly in the order given (a sweep's interleaved order: whole replicates of the
 * design first) and partial results already cover the design. A worker that dies stops the sweep
 * (failed); the results already in stay.
 */
export function startSweep(pool: WorkerPool, o: SweepJobOptions): SweepJob {
  const attached = new Set<WorkerSlot>();
  const max = Math.max(1, Math.min(pool.size, o.maxWorkers ?? pool.size));
  let paused = false;
  let resumed: Promise<void> = Promise.resolve();
  let wake = () => {};
  let exhausted = false;
  let results = 0;
  let cancelled = false;
  let failure: Extract<SweepOutcome, { status: 'failed' }> | undefined;
  let finished = false;
  let settle!: (o: SweepOutcome) => void;
  const done = new Promise<SweepOutcome>((resolve) => (settle = resolve));

  const listener: SweepListener = {
    async next() {
      while (paused && !cancelled) await resumed;
      if (cancelled || failure || exhausted) return undefined;
      const n = o.tasks.next();
      if (n.done) exhausted = true;
      return n.done ? undefined : n.value;
    },
    result(r) {
      results++;
      o.onResult(r);
    },
  };

  const stopOthers = () => {
    for (const s of attached) void s.client.api.cancel();
  };
  const maybeFinish = () => {
    if (finished || attached.size || !(exhausted || cancelled || failure)) return;
    finished = true;
    settle(failure ?? { status: cancelled ? 'cancelled' : 'done' });
  };

  const job: PoolJob = {
    // one worker per run not yet finished
    wants: () => !finished && !exhausted && !cancelled && !failure && !paused && attached.size < Math.min(max, o.count - results),
    get over() {
      return finished || (attached.size === 0 && (exhausted || cancelled || !!failure));
    },
    async work(slot) {
      attached.add(slot);
      const outcome = await slot.watched<SweepOutcome>((c) => c.sweep(o.init, listener), (message) => ({ status: 'failed', message }));
      attached.delete(slot);
      if (outcome.status === 'failed') {
        failure ??= outcome;
        stopOthers();
      }
      maybeFinish();
    },
  };
  pool.add(job);

  return {
    pause() {
      if (paused) return;
      paused = true;
      resumed = new Promise((resolve) => (wake = resolve));
    },
    resume() {
      if (!paused) return;
      paused = false;
      wake();
      pool.dispatch();
    },
    cancel() {
      cancelled = true;
      wake();
      stopOthers();
      maybeFinish();
    },
    get paused() {
      return paused;
    },
    done,
  };
}
