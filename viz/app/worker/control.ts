import type { RunSession, ScenarioData } from '../../../sim/index';

/**
 * What pause, step and cancel act on, shared by the worker's runs and sweeps: a generation (a new
 * request or a cancel starts the next one, and the current one sees it is over), the paused flag,
 * the steps a paused run may still take, the waiter to wake when any of them changes, and the
 * replicate a run is at (which `save()` saves).
 */
export interface Control {
  generation: number;
  paused: boolean;
  stepBudget: number;
  /** Waits until pause, resume, step or cancel wakes it. */
  sleep(): Promise<void>;
  /** Wakes the waiter, if any. */
  rouse(): void;
  /** The replicate the run request under way is at, for `save()`. */
  live?: LiveReplicate;
}

/** A run request's current replicate: what saving it part-way needs. */
export interface LiveReplicate {
  /** The request's generation: a later request or a cancel makes this one stale. */
  generation: number;
  scenario: ScenarioData;
  runs: number;
  histogramBins: number;
  eventRuns: number;
  run: number;
  session: RunSession;
}

/** A fresh control: generation 0, running. */
export function createControl(): Control {
  let wake: (() => void) | null = null;
  return {
    generation: 0,
    paused: false,
    stepBudget: 0,
    sleep: () => new Promise<void>((resolve) => (wake = resolve)),
    rouse() {
      const w = wake;
      wake = null;
      w?.();
    },
  };
}

/** A yield that lets queued messages (cancel, pause, ping) in, without setTimeout's 4 ms clamp. */
export function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}
