import type { AppState } from './appState';
import { checkScenario } from './checkScenario';
import { startEnsemble, type EnsembleJob } from './ensembleJob';
import { HIST_BINS } from './limits';
import { workersWithin } from './memoryBudget';
import { keptBytes, whyNotRun } from './runGuard';
import { runTimeNote } from './runTimeNote';
import type { OpenedRun, SavedRunFile } from './worker/protocol';
import type { WorkerPool } from './workerPool';

/** Options of `currentRunner`. */
export interface CurrentRunnerOptions {
  state: AppState;
  pool: WorkerPool;
}

/** The current run's controls: Run (or start paused, to step), pause, resume, step and cancel. */
export interface CurrentRunner {
  /**
   * Runs the working scenario's ensemble (`state.runsWanted` replicates) as the current run,
   * cancelling one still going, and streams its results into the state — unless something stops
   * it (see `whyNotRun`), which the status line then says. Resolves when the run has ended.
   */
  run(options?: { paused?: boolean; resume?: SavedRunResume }): Promise<void>;
  pause(): void;
  resume(): void;
  /** Advances the paused run by `ticks` steps (default 1). */
  step(ticks?: number): void;
  cancel(): void;
  /** Saves the paused run to a file's bytes (see EnsembleJob.save). */
  save(): Promise<SavedRunFile>;
  /** Reads a saved run's file on a worker: what it holds, so that the page loads its scenario and ensemble size before `run({resume})`. */
  openSaved(bytes: Uint8Array): Promise<OpenedRun>;
}

/** A saved run to continue: the file's bytes and the replicate it was saved in (`OpenedRun.run`). */
export interface SavedRunResume {
  bytes: Uint8Array;
  run: number;
}

const plural = (n: number) => `${n} run${n > 1 ? 's' : ''}`;

/** The current run, on the pool: its replicates shared by as many workers as the page's memory allows. */
export function currentRunner({ state, pool }: CurrentRunnerOptions): CurrentRunner {
  let job: EnsembleJob | undefined;

  async function run({ paused = false, resume }: { paused?: boolean; resume?: SavedRunResume } = {}): Promise<void> {
    const why = whyNotRun(state);
    if (why) {
      const notice = state.linkNotice;
      state.setStatus(notice ? `${notice} ${why}` : why, true);
      state.setLinkNotice('');
      return;
    }
    if (state.running) job?.cancel();
    const mine = state.beginRun({ paused, histogramBins: HIST_BINS });
    const { scenario, runs } = mine;
    const maxWorkers = workersWithin({ scenario, runs, workers: pool.size, histogramBins: HIST_BINS, eventRuns: runs, keptBytes: keptBytes(state) });
    // a resumed ensemble has its first runs done already
    const note = runTimeNote({ scenario, runs: runs - (resume?.run ?? 0), workers: maxWorkers });
    state.setStatus(`Running ${plural(runs)} of “${scenario.name}”…${note}`);
    const t0 = performance.now();
    // every run's events are kept, for the event log's export
    const started = (job = startEnsemble(pool, { scenario, runs, histogramBins: HIST_BINS, paused, maxWorkers, eventRuns: runs, resume: resume?.bytes, resumeRun: resume?.run, partyNames: scenario.parties.map((p) => p.name) }, (r) => {
      if (state.current === mine && !mine.results.runs.length) performance.mark('first-chunk');
      state.updateRun(mine, r);
    }));
    const { outcome, results } = await started.done;
    if (job === started) job = undefined;
    if (state.current !== mine) return;
    // The status is set first: tests (and users) read it once the run state says the run ended.
    if (outcome.status === 'done') {
      const done = `Done: ${plural(runs)} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`;
      const notice = state.linkNotice;
      state.setStatus(notice ? `${notice} ${done}` : done, !!notice);
      state.setLinkNotice('');
      state.finishRun(mine, { status: 'done', results, stats: outcome.stats, band: outcome.bands.X });
    } else {
      if (outcome.status === 'cancelled') {
        // the runs kept are those finished from replicate 0 on, as `--runs k` would give them
        let k = 0;
        while (results.summaries[k]) k++;
        state.setStatus(k ? `Cancelled after ${plural(k)} of ${runs}: ${k > 1 ? 'they are' : 'it is'} kept, and can be exported.` : 'Cancelled before any run finished.');
      } else if (outcome.status === 'invalid') state.setStatus('The scenario is invalid: see the fields marked in red.', true);
      else state.setStatus(`The run failed: ${outcome.message}`, true);
      state.finishRun(mine, { status: outcome.status, results });
      if (outcome.status === 'invalid') void checkScenario({ state, pool });
    }
  }

  return {
    run,
    pause: () => job?.pause(),
    resume: () => job?.resume(),
    step: (ticks = 1) => job?.step(ticks),
    cancel: () => job?.cancel(),
    save: () => job?.save() ?? Promise.resolve({ ok: false, message: 'no run is under way to save' }),
    openSaved: (bytes) => pool.call<OpenedRun>((api) => api.openSaved(bytes)),
  };
}
