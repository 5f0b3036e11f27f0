import type { Bands, Columns, EnsembleStats, ModelEvent, RunSummary, ScenarioData, ValidationIssue } from '../../sim/index';
// deep imports: the page's main thread must not load the engine (mathjs), only these small modules
import { createColumns } from '../../sim/observe/observe';
import { columnNames } from '../../sim/observe/observedColumns';
import type { FinishedReplicates, RunChunk, RunListener, RunOutcome, RunRequest, SavedRunFile } from './worker/protocol';
import type { PoolJob, WorkerPool } from './workerPool';
import type { WorkerSlot } from './workerSlot';

/** Results gathered from the workers' streams: every replicate's columns, as far as they have arrived. */
export interface RunResults {
  runs: Columns[];
  summaries: RunSummary[];
  /** Histograms of replicate 0: 4 × bins per row. */
  histograms?: Float64Array;
  bins: number;
  /** Share of all the ensemble's rows received, in [0, 1]. */
  progress: number;
  totalRows: number;
  /** Each replicate's model events so far (for the replicates the request collects them for). */
  events: ModelEvent[][];
}

/** How an ensemble ended: when done, with its statistics and the escalation index's bands. */
export type EnsembleOutcome =
  | { status: 'done'; summaries: RunSummary[]; scenario: ScenarioData; stats: EnsembleStats; bands: Record<string, Bands> }
  | { status: 'cancelled'; summaries: RunSummary[] }
  | { status: 'invalid'; issues: ValidationIssue[] }
  | { status: 'failed'; message: string };

/** What to run: the worker's request, the party names (for the columns), and how many workers may share it. */
export interface EnsembleRequest extends RunRequest {
  partyNames: string[];
  /** Workers at most (fewer when the pool's memory would not hold more). Default: the pool's size. */
  maxWorkers?: number;
  /** With `resume`: the replicate the run was saved in (`OpenedRun.run`). The first worker continues it; the others start after it. */
  resumeRun?: number;
}

/** An ensemble under way on the pool. */
export interface EnsembleJob {
  pause(): void;
  resume(): void;
  /** Advances the paused runs by `ticks` steps (a job not started yet takes them when it starts). */
  step(ticks?: number): void;
  cancel(): void;
  /**
   * Saves the paused job to a file's bytes: the first replicate not finished, as far as its worker
   * has run it, with those before it. Replicates after it that other workers had begun or finished
   * are not kept: a continued run makes them again, to the same bytes.
   */
  save(): Promise<SavedRunFile>;
  readonly done: Promise<{ outcome: EnsembleOutcome; results: RunResults }>;
}

/** The message of an exception in a worker: a bug, not bad input, so it says how to report it. */
function internalError(e: unknown): string {
  return `internal error in the simulation (a bug in Détente; please report it with the scenario): ${e instanceof Error ? e.message : String(e)}`;
}

/** Columns whose per-tick bands a finished ensemble carries. */
const BAND_COLUMNS = ['X'];

/**
 * Runs an ensemble on the pool: its workers take replicates one at a time, in order, each worker
 * its next as it finishes one, and stream their rows into one RunResults. The replicates do not
 * depend on which worker runs them, so the results are the same bytes for any number of workers.
 * A job started paused runs on one worker (single steps advance one run) until it is resumed; so
 * does a job that continues a saved run, whose worker streams the replicates saved whole first.
 * When every replicate is in, a worker computes the statistics and bands, so the main thread only
 * draws.
 */
export function startEnsemble(pool: WorkerPool, request: EnsembleRequest, onUpdate: (r: RunResults) => void): EnsembleJob {
  const { partyNames, maxWorkers, resume, resumeRun, ...workerRequest } = request;
  const names = columnNames(partyNames);
  const runs = Math.max(1, Math.floor(request.runs ?? 1));
  const bins = request.histogramBins ?? 0;
  const results: RunResults = { runs: [], summaries: [], bins, progress: 0, totalRows: 0, events: [] };
  const attached = new Set<WorkerSlot>();
  const widest = () => Math.max(1, Math.min(pool.size, maxWorkers ?? pool.size));
  let paused = Boolean(request.paused);
  let max = paused ? 1 : widest();
  // a saved run's replicates up to the one it was saved in go to its first worker (see RunRequest.resume)
  let resuming = resume && resumeRun !== undefined ? resume : undefined;
  let next = resuming ? resumeRun! + 1 : 0;
  /** The replicate each worker runs (the last its `next()` gave it). */
  const running = new Map<WorkerSlot, number>();
  let completed = 0;
  let received = 0;
  let pendingSteps = 0;
  let cancelled = false;
  let failure: Extract<EnsembleOutcome, { status: 'invalid' | 'failed' }> | undefined;
  let scenario: ScenarioData | undefined;
  let finished = false;
  let settle!: (v: { outcome: EnsembleOutcome; results: RunResults }) => void;
  const done = new Promise<{ outcome: EnsembleOutcome; results: RunResults }>((resolve) => (settle = resolve));

  const listener: RunListener = {
    chunk(ch: RunChunk) {
      const cols = (results.runs[ch.run] ??= createColumns(names, ch.totalRows));
      for (const n of names) cols.data[n].set(ch.columns[n], ch.from);
      cols.rows = ch.from + ch.rows;
      if (ch.histograms) {
        results.histograms ??= new Float64Array(ch.totalRows * 4 * bins);
        results.histograms.set(ch.histograms, ch.from * 4 * bins);
      }
      if (ch.events.length) (results.events[ch.run] ??= []).push(...ch.events);
      received += ch.rows;
      results.totalRows = ch.totalRows;
      results.progress = received / (runs * ch.totalRows);
      onUpdate(results);
    },
    runDone(r: number, s: RunSummary) {
      results.summaries[r] = s;
      completed++;
      onUpdate(results);
    },
    next: () => (cancelled || failure || next >= runs ? -1 : next++),
  };
  /** Wants a replicate not handed out yet: one `next()` gives, or a saved run's. */
  const more = () => next < runs || !!resuming;

  const others = () => {
    for (const s of attached) void s.client.api.cancel();
  };
  const finish = (outcome: EnsembleOutcome) => {
    finished = true;
    settle({ outcome, results });
  };
  async function maybeFinish(): Promise<void> {
    if (finished || attached.size) return;
    if (failure) return finish(failure);
    if (cancelled) return finish({ status: 'cancelled', summaries: results.summaries });
    if (next < runs || !scenario) return;
    finished = true;
    const inputs = results.runs.map((c) => ({ names: ['tick', ...BAND_COLUMNS], data: Object.fromEntries(['tick', ...BAND_COLUMNS].map((n) => [n, c.data[n]])), rows: c.rows }));
    try {
      const { stats, bands } = await pool.call((api) => api.ensemble(results.summaries, inputs, BAND_COLUMNS));
      settle({ outcome: { status: 'done', summaries: results.summaries, scenario, stats, bands }, results });
    } catch (e) {
      settle({ outcome: { status: 'failed', message: internalError(e) }, results });
    }
  }

  const job: PoolJob = {
    // one worker per replicate not yet finished; a paused job keeps the workers it has and takes one only to start
    wants: () => !finished && !cancelled && !failure && more() && attached.size < Math.min(max, runs - completed) && !(paused && attached.size),
    get over() {
      return finished || (attached.size === 0 && (cancelled || !!failure || !more()));
    },
    async work(slot) {
      attached.add(slot);
      const saved = resuming;
      resuming = undefined;
      if (saved) running.set(slot, resumeRun!);
      const mine: RunListener = { ...listener, next: () => {
        const r = listener.next!() as number;
        running.set(slot, r);
        return r;
      } };
      const started = slot.watched<RunOutcome>((c) => c.start({ ...workerRequest, runs, paused, shared: true, resume: saved }, mine), (message) => ({ status: 'failed', message }))
        // an exception in the worker is a bug: the job ends with it rather than wait for ever
        .catch((e: unknown): RunOutcome => ({ status: 'failed', message: internalError(e) }));
      // after the start message, so the worker takes them as steps of this run
      if (pendingSteps) void slot.client.api.step(pendingSteps);
      pendingSteps = 0;
      const outcome = await started;
      attached.delete(slot);
      running.delete(slot);
      if (outcome.status === 'done') scenario = outcome.scenario;
      else if (outcome.status === 'invalid' || outcome.status === 'failed') {
        failure ??= outcome;
        others();
      }
      // not awaited: the worker is free while another computes the statistics
      void maybeFinish();
    },
  };
  pool.add(job);

  return {
    pause() {
      paused = true;
      for (const s of attached) void s.client.api.pause();
    },
    resume() {
      paused = false;
      max = widest();
      for (const s of attached) void s.client.api.resume();
      pool.dispatch();
    },
    step(ticks = 1) {
      paused = true;
      if (attached.size) for (const s of attached) void s.client.api.step(ticks);
      else pendingSteps += ticks;
    },
    cancel() {
      cancelled = true;
      others();
      void maybeFinish();
    },
    async save() {
      if (!paused) return { ok: false, message: 'pause the run first' };
      let k = 0;
      while (results.summaries[k]) k++;
      const slot = [...running].find(([, r]) => r === k)?.[0];
      if (!slot || finished || cancelled || failure) return { ok: false, message: k < runs ? `run ${k + 1} is not under way yet` : 'no run is under way to save' };
      const before: FinishedReplicates = {
        finished: results.runs.slice(0, k),
        summaries: results.summaries.slice(0, k),
        histograms0: k ? results.histograms : undefined,
        events: Array.from({ length: k + 1 }, (_, r) => results.events[r] ?? []),
      };
      return slot.watched<SavedRunFile>((c) => c.api.save(k, before), (message) => ({ ok: false, message }));
    },
    done,
  };
}
