import { Worker } from 'node:worker_threads';
import type { WorkerInit, WorkerResult, WorkerTask } from './workerProtocol';

/**
 * The worker's script, beside this module: from the sources, the .mjs bootstrap that registers
 * tsx and imports sweepWorker.ts; in a bundled CLI, sweepWorker.ts built into that name beside
 * the bundle. A variable, so that bundlers leave the URL alone.
 */
const WORKER_FILE = './sweepWorker.mjs';
export const WORKER_URL = new URL(WORKER_FILE, import.meta.url);

/** Options of `runPool`. */
export interface PoolOptions {
  size: number;
  init: WorkerInit['init'];
  /** Each finished run, in the order runs finish. */
  onResult(r: WorkerResult): void;
  /** A worker died (out of memory, say) while running `task`: the failure to record for it. */
  onCrash(task: WorkerTask, message: string): WorkerResult;
  url?: URL;
}

/** A running pool: `done` settles when every task has a result (or the pool was stopped). */
export interface Pool {
  done: Promise<void>;
  /** Stops at once: workers are terminated, runs in flight are lost (they are simply not recorded). */
  stop(): Promise<void>;
}

/**
 * Runs `tasks` on `size` worker threads, one task per worker at a time. A worker that dies is
 * replaced and its run recorded as failed; one that cannot start at all (a broken installation)
 * rejects `done`.
 */
export function runPool(tasks: Iterator<WorkerTask>, o: PoolOptions): Pool {
  const workers = new Set<Worker>();
  let stopped = false;
  let exhausted = false;
  let busy = 0;
  let resolveDone!: () => void;
  let rejectDone!: (e: Error) => void;
  const done = new Promise<void>((res, rej) => {
    resolveDone = res;
    rejectDone = rej;
  });
  const finish = () => {
    if (exhausted && busy === 0 && !stopped) {
      stopped = true;
      void Promise.all([...workers].map((w) => w.terminate())).then(() => resolveDone(), rejectDone);
    }
  };
  const next = (): WorkerTask | undefined => {
    if (exhausted || stopped) return undefined;
    const n = tasks.next();
    if (n.done) {
      exhausted = true;
      return undefined;
    }
    return n.value;
  };

  const spawn = () => {
    const w = new Worker(o.url ?? WORKER_URL);
    workers.add(w);
    let ready = false;
    let current: WorkerTask | undefined;
    const feed = () => {
      current = next();
      if (current) {
        busy++;
        w.postMessage(current);
      } else {
        finish();
      }
    };
    w.on('message', (msg: { ready: true } | WorkerResult) => {
      if (stopped) return;
      if ('ready' in msg) {
        ready = true;
        feed();
        return;
      }
      busy--;
      current = undefined;
      try {
        o.onResult(msg);
      } catch (e) {
        stopped = true;
        rejectDone(e as Error);
        return;
      }
      feed();
    });
    let lastError: Error | undefined;
    w.on('error', (e) => (lastError = e));
    w.on('exit', (code) => {
      workers.delete(w);
      if (stopped) return;
      if (!ready) {
        stopped = true;
        void Promise.all([...workers].map((x) => x.terminate()));
        rejectDone(new Error(`a sweep worker could not start (exit code ${code}): ${lastError?.message ?? 'no message'}`));
        return;
      }
      if (current) {
        busy--;
        const task = current;
        current = undefined;
        o.onResult(o.onCrash(task, `the worker running it stopped: ${lastError?.message ?? `exit code ${code}`}`));
      }
      if (exhausted) finish();
      else spawn();
    });
    w.postMessage({ init: o.init } satisfies WorkerInit);
  };

  for (let i = 0; i < Math.max(1, o.size); i++) spawn();
  return {
    done,
    async stop() {
      stopped = true;
      await Promise.all([...workers].map((w) => w.terminate()));
      resolveDone();
    },
  };
}
