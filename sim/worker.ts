/*
 * The simulation's browser shell: the one file that knows comlink. Inside a Web Worker it exposes
 * `WorkerApi`, which runs validated scenarios in time-sliced chunks and streams copies of the new
 * rows (transferred, never live state) to a listener. The page imports `connectSimulation` from
 * here so that comlink stays in this one file.
 */
import * as Comlink from 'comlink';
import type { ValidationIssue } from './scenario/validate';
import type { Bands, EnsembleStats } from './ensemble';
import type { Columns } from './observe/observe';
import type { ModelEvent } from './observe/modelEvents';
import type { ScenarioData } from './scenario/schema';
import type { RunSummary } from './summary';

/*
 * The engine is imported lazily so that the page, which imports this module only for
 * connectSimulation, does not download and parse the model (and mathjs) on the main thread.
 */
type Engine = typeof import('./index');
let enginePromise: Promise<Engine> | undefined;
function engine(): Promise<Engine> {
  return (enginePromise ??= import('./index'));
}

/** What to run: a scenario (untrusted JSON, validated here) and the number of replicates. */
export interface RunRequest {
  scenario: unknown;
  /** Replicates 0…runs−1, seeds derived from the scenario seed as `run()` does. Default 1. */
  runs?: number;
  /** Anger and fear histogram bins recorded at every tick of replicate 0. Default 0 (none). */
  histogramBins?: number;
  /** Start paused (for single-stepping). Default false. */
  paused?: boolean;
  /** Milliseconds of work per chunk before the worker yields and posts. Default 25. */
  sliceMs?: number;
  /** Columns whose per-tick ensemble bands the outcome carries. Default ['X']. */
  bandColumns?: string[];
  /** Model events are collected for replicates 0…eventRuns−1. Default 1. */
  eventRuns?: number;
}

/** New rows of one replicate: rows `from`…`from + rows − 1`, one column per name. */
export interface RunChunk {
  run: number;
  seed: number;
  from: number;
  rows: number;
  /** Total rows the replicate will have (ticks + 1). */
  totalRows: number;
  columns: Record<string, Float64Array>;
  /** 4 × bins shares per row (see `distributions`), for replicate 0 when asked for. */
  histograms?: Float64Array;
  /** The model events of these rows' steps. */
  events: ModelEvent[];
  /** Progress over the whole request, in [0, 1]. */
  progress: number;
}

/** Receives a run's stream; its methods are awaited, which also paces the worker. */
export interface RunListener {
  chunk(c: RunChunk): void | Promise<void>;
  runDone(run: number, summary: RunSummary): void | Promise<void>;
}

/** How a request ended. */
export type RunOutcome =
  | { status: 'done'; summaries: RunSummary[]; scenario: ScenarioData; stats: EnsembleStats; bands: Record<string, Bands> }
  | { status: 'cancelled'; summaries: RunSummary[] }
  | { status: 'invalid'; issues: ValidationIssue[] }
  | { status: 'failed'; message: string };

/** The worker's API: one request at a time; pause, step and cancel act on the current one. */
export interface WorkerApi {
  validate(scenario: unknown): Promise<{ ok: boolean; issues: ValidationIssue[] }>;
  start(request: RunRequest, listener: RunListener): Promise<RunOutcome>;
  pause(): void;
  resume(): void;
  /** Advances a paused run by `ticks` steps. */
  step(ticks?: number): void;
  cancel(): void;
}

/**
 * Most memory one request may take in the browser. Validation allows 8 GiB, a limit for the
 * command line, which streams runs and keeps one; here the worker and the page each keep every
 * replicate's columns, so a link with a long run could otherwise exhaust the tab's memory.
 */
const BROWSER_MEMORY_LIMIT = 1024 ** 3;

/** A yield that lets queued messages (cancel, pause) in, without setTimeout's 4 ms clamp. */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(0);
  });
}

/** Creates the API object (exported for tests that call it without a worker). */
export function createWorkerApi(): WorkerApi {
  let generation = 0;
  let paused = false;
  let stepBudget = 0;
  let wake: (() => void) | null = null;
  const rouse = () => {
    const w = wake;
    wake = null;
    w?.();
  };

  async function start(request: RunRequest, listener: RunListener): Promise<RunOutcome> {
    const my = ++generation;
    rouse();
    paused = request.paused ?? false;
    stepBudget = 0;
    const { validateScenario, columnNames, openRun, bands, ensembleStats } = await engine();
    if (my !== generation) return { status: 'cancelled', summaries: [] };
    const checked = validateScenario(request.scenario);
    if (!checked.ok) return { status: 'invalid', issues: checked.issues };
    const scenario = checked.scenario;
    const runs = Math.max(1, Math.floor(request.runs ?? 1));
    const bins = Math.max(0, Math.floor(request.histogramBins ?? 0));
    const sliceMs = request.sliceMs ?? 25;
    const names = columnNames(scenario.parties.map((p) => p.name));
    const totalRows = scenario.ticks + 1;
    const bytes = 2 * 8 * totalRows * (runs * names.length + 4 * bins);
    if (bytes > BROWSER_MEMORY_LIMIT) {
      return {
        status: 'failed',
        message: `${runs} run${runs === 1 ? '' : 's'} of ${scenario.ticks.toLocaleString('en')} ticks would need about ${(bytes / 1024 ** 3).toFixed(1)} GiB of memory in the browser (the limit is 1 GiB): lower ticks or the ensemble size, or run it with the command line (npx detente run), which streams its output`,
      };
    }
    const summaries: RunSummary[] = [];
    const all: Columns[] = [];
    const cancelled = () => my !== generation;
    try {
      for (let r = 0; r < runs; r++) {
        const session = openRun(scenario, { run: r, histogramBins: r === 0 ? bins : 0, events: r < (request.eventRuns ?? 1), memoryLimit: BROWSER_MEMORY_LIMIT });
        let sent = 0;
        let sentEvents = 0;
        while (!session.done || sent < session.columns.rows) {
          if (cancelled()) return { status: 'cancelled', summaries };
          if (paused && stepBudget <= 0 && sent === session.columns.rows) {
            await new Promise<void>((res) => (wake = res));
            continue;
          }
          // A short first slice puts the first curve on screen sooner.
          const until = performance.now() + (r === 0 && sent === 0 ? Math.min(sliceMs, 8) : sliceMs);
          while (!session.done) {
            if (paused) {
              if (stepBudget <= 0) break;
              stepBudget--;
            }
            session.advance(1);
            if (performance.now() >= until) break;
          }
          if (session.columns.rows === sent) continue;
          const { from, rows, columns, histograms } = session.rows(sent);
          const buffers = Object.values(columns).map((c) => c.buffer as ArrayBuffer);
          if (histograms) buffers.push(histograms.buffer as ArrayBuffer);
          const events = session.events.slice(sentEvents);
          sent = session.columns.rows;
          sentEvents = session.events.length;
          const progress = (r * totalRows + sent) / (runs * totalRows);
          await listener.chunk(Comlink.transfer({ run: r, seed: session.seed, from, rows, totalRows, columns, histograms, events, progress }, buffers));
          await yieldToMessages();
        }
        all.push(session.columns);
        const summary = session.summary();
        summaries.push(summary);
        await listener.runDone(r, summary);
      }
    } catch (e) {
      return { status: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
    if (cancelled()) return { status: 'cancelled', summaries };
    const bandsOf = Object.fromEntries((request.bandColumns ?? ['X']).filter((c) => names.includes(c)).map((c) => [c, bands(all, c)]));
    return { status: 'done', summaries, scenario, stats: ensembleStats(summaries), bands: bandsOf };
  }

  return {
    async validate(scenario) {
      const r = (await engine()).validateScenario(scenario);
      return { ok: r.ok, issues: r.ok ? [] : r.issues };
    },
    start,
    pause() {
      paused = true;
    },
    resume() {
      paused = false;
      rouse();
    },
    step(ticks = 1) {
      paused = true;
      stepBudget += Math.max(1, Math.floor(ticks));
      rouse();
    },
    cancel() {
      generation++;
      rouse();
    },
  };
}

/** The page's handle on a simulation worker. */
export interface SimulationClient {
  api: Comlink.Remote<WorkerApi>;
  /** Runs a request, calling `listener` (a local object) for every chunk and finished replicate. */
  start(request: RunRequest, listener: RunListener): Promise<RunOutcome>;
  terminate(): void;
}

/** Wraps a Worker running this module. */
export function connectSimulation(worker: Worker): SimulationClient {
  const api = Comlink.wrap<WorkerApi>(worker);
  return {
    api,
    start: (request, listener) => api.start(request, Comlink.proxy(listener)),
    terminate: () => {
      api[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}

// Expose only inside a worker (the page imports this module for connectSimulation). The explicit
// endpoint is needed under @vitest/web-worker, whose shim does not wire globalThis.
if (typeof self !== 'undefined' && typeof window === 'undefined') {
  Comlink.expose(createWorkerApi(), self as unknown as Comlink.Endpoint);
  // Load the engine at once, before the first request arrives. Awaited at top level so that a
  // module loader that evaluates this file (e.g. @vitest/web-worker's) finishes the import too.
  await engine();
}
