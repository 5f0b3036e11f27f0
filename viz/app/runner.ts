import type { Columns, ModelEvent, RunSummary, ValidationIssue } from '../../sim/index';
// deep imports: the page's main thread must not load the engine (mathjs), only these small modules
import { createColumns } from '../../sim/observe/observe';
import { columnNames } from '../../sim/observe/observedColumns';
import { connectSimulation, type SimulationClient } from './worker/client';
import type { RunChunk, RunOutcome, RunRequest } from './worker/protocol';
import { watchWorker, type WatchOptions, type WorkerWatch } from './workerWatch';

/** Results gathered from a worker's stream: every replicate's columns, as far as they have arrived. */
export interface RunResults {
  runs: Columns[];
  summaries: RunSummary[];
  /** Histograms of replicate 0: 4 × bins per row. */
  histograms?: Float64Array;
  bins: number;
  progress: number;
  totalRows: number;
  /** Each replicate's model events so far (for the replicates the request collects them for). */
  events: ModelEvent[][];
}

/**
 * Owns one simulation worker; runs one request at a time and gathers its stream into RunResults.
 * A worker that dies is replaced by a new one, and the request it was running ends as failed.
 */
export interface Runner {
  /** The current worker's client: pause, resume, step and cancel go to it. */
  readonly client: SimulationClient;
  run(request: RunRequest & { partyNames: string[] }, onUpdate: (r: RunResults) => void): Promise<{ outcome: RunOutcome; results: RunResults }>;
  /** The worker's full validation of a scenario (retried on the new worker if the worker dies meanwhile). */
  validate(scenario: unknown): Promise<{ ok: boolean; issues: ValidationIssue[] }>;
  dispose(): void;
}

/** Options of `createRunner`. */
export interface RunnerOptions extends Pick<WatchOptions, 'silenceMs' | 'deadMs'> {
  /** A worker already started on ./worker/worker.ts (main.ts starts the first one early). Default: a new one. */
  worker?: Worker;
  /** Starts a replacement worker. Default: a new module worker on ./worker/worker.ts. */
  makeWorker?: () => Worker;
  /** Told, in words, that the worker died and a new one took its place. */
  onReplaced?: (message: string) => void;
}

const newWorker = () => new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' });

/** Replacements in a row, without a word from any of them, after which the runner stops trying. */
const MAX_SILENT_REPLACEMENTS = 3;

/** Wraps a simulation worker, watched for death and replaced when it dies. */
export function createRunner({ worker = undefined, makeWorker = newWorker, onReplaced, silenceMs, deadMs }: RunnerOptions = {}): Runner {
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
      silenceMs, deadMs,
      ping: () => client.api.ping(),
      onDeath(reason) {
        client.terminate();
        if (disposed) return;
        const again = ++silentReplacements <= MAX_SILENT_REPLACEMENTS;
        const message = again
          ? `the simulation worker stopped (${reason}); a new one has started: press Run to try again`
          : `the simulation worker stopped (${reason}) and new ones did not start: reload the page`;
        died(message);
        if (again) connect(makeWorker());
        onReplaced?.(message);
      },
    });
  }
  connect(worker ?? makeWorker());

  /** Runs `call` on the current worker, watched; resolves to `onDeath(message)` if the worker dies first. */
  async function watched<T>(call: (c: SimulationClient) => Promise<T>, onDeath: (message: string) => T | Promise<T>): Promise<T> {
    const w = watch;
    const done = w.busy();
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
    async run(request, onUpdate) {
      const names = columnNames(request.partyNames);
      const bins = request.histogramBins ?? 0;
      const results: RunResults = { runs: [], summaries: [], bins, progress: 0, totalRows: 0, events: [] };
      const { partyNames: _ignored, ...req } = request;
      void _ignored;
      const outcome = await watched<RunOutcome>((c) => c.start(req, {
        chunk(ch: RunChunk) {
          const cols = (results.runs[ch.run] ??= createColumns(names, ch.totalRows));
          for (const n of names) cols.data[n].set(ch.columns[n], ch.from);
          cols.rows = ch.from + ch.rows;
          if (ch.histograms) {
            results.histograms ??= new Float64Array(ch.totalRows * 4 * bins);
            results.histograms.set(ch.histograms, ch.from * 4 * bins);
          }
          if (ch.events.length) (results.events[ch.run] ??= []).push(...ch.events);
          results.totalRows = ch.totalRows;
          results.progress = ch.progress;
          onUpdate(results);
        },
        runDone(r: number, s: RunSummary) {
          results.summaries[r] = s;
          onUpdate(results);
        },
      }), (message) => ({ status: 'failed', message }));
      return { outcome, results };
    },
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
