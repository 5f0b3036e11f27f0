import { Worker } from 'node:worker_threads';
import type { Outcome, TargetInputs, TargetName } from './targets';

/** What a case came to: its outcome and time, or why it failed (a violation, a crash, a hang, running out of memory). */
export type CaseResult = { outcome: Outcome; ms: number } | { failure: string; ms: number };

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

/**
 * Worker threads that run fuzz cases one at a time each, so that a case that hangs is stopped
 * after `timeoutMs` (its worker is replaced) and one that allocates without bound dies alone,
 * at `memoryMb`, instead of taking the run down.
 */
export class FuzzPool {
  private slots: Slot[] = [];
  private waiting: Array<() => void> = [];
  private nextId = 0;

  constructor(private readonly o: { workers: number; timeoutMs: number; memoryMb: number }) {
    for (let k = 0; k < o.workers; k++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./worker.mjs', import.meta.url), { resourceLimits: { maxOldGenerationSizeMb: this.o.memoryMb } });
    const ready = new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    return { worker, ready, busy: false };
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  /** Runs one case in a free worker. */
  async run<T extends TargetName>(target: T, input: TargetInputs[T]): Promise<CaseResult> {
    const slot = await this.acquire();
    await slot.ready;
    const id = this.nextId++;
    const started = performance.now();
    const result = await new Promise<CaseResult>((resolve) => {
      const finish = (r: CaseResult) => {
        clearTimeout(timer);
        slot.worker.off('message', onMessage);
        slot.worker.off('error', onError);
        resolve(r);
      };
      const onMessage = (m: { id: number; outcome?: Outcome; failure?: string; ms: number }) => {
        if (m.id !== id) return;
        finish(m.outcome ? { outcome: m.outcome, ms: m.ms } : { failure: m.failure ?? 'unknown failure', ms: m.ms });
      };
      const onError = (e: Error) => finish({ failure: `the worker died: ${e.message}`, ms: performance.now() - started });
      const timer = setTimeout(() => finish({ failure: `no answer within ${this.o.timeoutMs} ms (a hang)`, ms: performance.now() - started }), this.o.timeoutMs);
      slot.worker.on('message', onMessage);
      slot.worker.on('error', onError);
      slot.worker.postMessage({ id, target, input });
    });
    if ('failure' in result) {
      // the worker may be stuck or broken: replace it
      await slot.worker.terminate();
      Object.assign(slot, this.spawn());
    }
    this.release(slot);
    return result;
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
