/*
 * The simulation's browser shell, run inside a Web Worker: it exposes `WorkerApi` (comlink), which
 * validates a scenario, drives the engine's run sessions in time slices (pause, single steps,
 * cancel) and posts copies of the new rows (transferred, never live state) to the page's listener.
 * The page talks to it through ./client.ts; the model in sim/ knows nothing of workers.
 */
import * as Comlink from 'comlink';
import type { Columns, ModelEvent, RunSession, RunSummary, SavedRun, ScenarioData } from '../../../sim/index';
import { isEnsembleSize } from '../limits';
import type { OpenedRun, RunListener, RunOutcome, RunRequest, SavedRunFile, WorkerApi } from './protocol';

/*
 * The engine (the model, zod and mathjs) is imported lazily, after the API is exposed: the worker
 * answers its first message while the engine is still loading.
 */
type Engine = typeof import('../../../sim/index');
let enginePromise: Promise<Engine> | undefined;
function engine(): Promise<Engine> {
  return (enginePromise ??= import('../../../sim/index'));
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

/** What the page's saved run keeps besides the current replicate (SavedRun.shell): the request and the finished replicates. */
interface PageShell {
  runs: number;
  histogramBins: number;
  eventRuns: number;
  /** The finished replicates' columns and summaries, and replicate 0's histograms once it has finished. */
  finished: Columns[];
  summaries: RunSummary[];
  histograms0?: Float64Array;
  /** The model events sent so far, by replicate: the finished ones' and the current one's. */
  events: ModelEvent[][];
}

/** The request under way, as `save()` needs it. */
interface Live {
  generation: number;
  scenario: ScenarioData;
  shell: PageShell;
  run: number;
  session?: RunSession;
}

/** Reads a page's saved run: the saved run, its valid scenario and its shell, or a message saying what is wrong. */
async function readPageSave(bytes: Uint8Array): Promise<{ saved: SavedRun; scenario: ScenarioData; shell: PageShell } | string> {
  const { readSavedRun, SavedRunError, validateScenario, columnNames, MODEL_EVENT_TYPES } = await engine();
  let saved: SavedRun;
  try {
    saved = readSavedRun(bytes);
  } catch (e) {
    if (e instanceof SavedRunError) return e.message;
    throw e;
  }
  const checked = validateScenario(saved.scenario);
  if (!checked.ok) return 'a saved run without a valid scenario (saved by the command line, which keeps its scenario apart?)';
  const scenario = checked.scenario;
  const shell = saved.shell as Partial<PageShell> | undefined;
  const names = columnNames(scenario.parties.map((p) => p.name));
  const whole = (c: Columns | undefined) => !!c && c.rows === scenario.ticks + 1 && names.every((n) => c.data?.[n] instanceof Float64Array && c.data[n].length >= c.rows && c.data[n].subarray(0, c.rows).every(Number.isFinite));
  if (!shell || !isEnsembleSize(shell.runs) || saved.run > shell.runs!
    || !Number.isSafeInteger(shell.histogramBins) || shell.histogramBins! < 0 || shell.histogramBins! > 1000 || !Number.isSafeInteger(shell.eventRuns)
    || !Array.isArray(shell.finished) || shell.finished.length !== saved.run || !shell.finished.every(whole)
    || !Array.isArray(shell.summaries) || shell.summaries.length !== saved.run
    || !Array.isArray(shell.events) || shell.events.length > saved.run + 1 || !shell.events.every((list) => Array.isArray(list) && list.every((e) => typeof e?.tick === 'number' && typeof e.why === 'string' && (MODEL_EVENT_TYPES as readonly string[]).includes(e.type)))) {
    return 'not a run saved by this page (or a damaged one)';
  }
  return { saved, scenario, shell: shell as PageShell };
}

/** Creates the API object (exported for tests that call it without a worker). */
export function createWorkerApi(): WorkerApi {
  let live: Live | undefined;
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
    const { validateScenario, columnNames, openRun, resumeSavedRun, estimateRun, formatGiB, bands, ensembleStats } = await engine();
    if (my !== generation) return { status: 'cancelled', summaries: [] };
    const checked = validateScenario(request.scenario);
    if (!checked.ok) return { status: 'invalid', issues: checked.issues };
    const scenario = checked.scenario;
    const runs = Math.max(1, Math.floor(request.runs ?? 1));
    const bins = Math.max(0, Math.floor(request.histogramBins ?? 0));
    let resume: { saved: SavedRun; shell: PageShell } | undefined;
    if (request.resume) {
      const read = await readPageSave(request.resume);
      if (my !== generation) return { status: 'cancelled', summaries: [] };
      if (typeof read === 'string') return { status: 'failed', message: `the saved run cannot continue: ${read}` };
      if (read.shell.runs !== runs || read.shell.histogramBins !== bins) return { status: 'failed', message: `the saved run was of ${read.shell.runs} runs with ${read.shell.histogramBins} histogram bins; this request is of ${runs} with ${bins}` };
      resume = read;
    }
    const sliceMs = request.sliceMs ?? 25;
    const names = columnNames(scenario.parties.map((p) => p.name));
    const totalRows = scenario.ticks + 1;
    const eventRuns = Math.min(runs, Math.max(0, Math.floor(request.eventRuns ?? 1)));
    // the worker and the page each keep every replicate's columns
    const { bytes } = estimateRun(scenario, { runsKept: 2 * runs, histogramBins: 2 * bins, eventRuns });
    if (bytes > BROWSER_MEMORY_LIMIT) {
      return {
        status: 'failed',
        message: `${runs} run${runs === 1 ? '' : 's'} of ${scenario.ticks.toLocaleString('en')} ticks would need about ${formatGiB(bytes)} of memory in the browser (the limit is 1 GiB): lower ticks or the ensemble size, or run it with the command line (npx detente run), which streams its output`,
      };
    }
    const summaries: RunSummary[] = [];
    const all: Columns[] = [];
    const shell: PageShell = { runs, histogramBins: bins, eventRuns, finished: all, summaries, events: [] };
    const cancelled = () => my !== generation;
    try {
      for (let r = 0; r < runs; r++) {
        if (resume && r < resume.saved.run) {
          // a replicate finished before the run was saved: streamed to the page whole, as it was
          const cols = resume.shell.finished[r];
          const columns = Object.fromEntries(cols.names.map((n) => [n, cols.data[n].slice(0, cols.rows)]));
          const histograms = r === 0 ? resume.shell.histograms0?.slice() : undefined;
          const buffers = Object.values(columns).map((c) => c.buffer as ArrayBuffer);
          if (histograms) buffers.push(histograms.buffer as ArrayBuffer);
          const events = resume.shell.events[r] ?? [];
          await listener.chunk(Comlink.transfer({ run: r, seed: cols.data.seed[0], from: 0, rows: cols.rows, totalRows, columns, histograms, events, progress: ((r + 1) * totalRows) / (runs * totalRows) }, buffers));
          shell.events[r] = events;
          all.push(cols);
          if (r === 0) shell.histograms0 = resume.shell.histograms0;
          summaries.push(resume.shell.summaries[r]);
          await listener.runDone(r, resume.shell.summaries[r]);
          continue;
        }
        const options = { run: r, histogramBins: r === 0 ? bins : 0, events: r < eventRuns, memoryLimit: BROWSER_MEMORY_LIMIT };
        const session = (resume && r === resume.saved.run ? resumeSavedRun(resume.saved, scenario, options) : undefined) ?? openRun(scenario, options);
        live = { generation: my, scenario, shell, run: r, session };
        // a resumed replicate's events before it was saved go out with its first rows
        let earlierEvents = resume && r === resume.saved.run ? resume.shell.events[r] ?? [] : [];
        shell.events[r] = [];
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
          const events = [...earlierEvents, ...session.events.slice(sentEvents)];
          earlierEvents = [];
          shell.events[r].push(...events);
          sent = session.columns.rows;
          sentEvents = session.events.length;
          const progress = (r * totalRows + sent) / (runs * totalRows);
          await listener.chunk(Comlink.transfer({ run: r, seed: session.seed, from, rows, totalRows, columns, histograms, events, progress }, buffers));
          await yieldToMessages();
        }
        all.push(session.columns);
        if (r === 0) shell.histograms0 = session.histograms;
        live = { generation: my, scenario, shell, run: r + 1 };
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
    async save(): Promise<SavedRunFile> {
      const l = live;
      if (!l || l.generation !== generation) return { ok: false, message: 'no run is under way to save' };
      const { saveRun } = await engine();
      const bytes = saveRun(l.session, { scenario: l.scenario, run: l.run, includeScenario: true, shell: l.shell });
      return Comlink.transfer({ ok: true as const, bytes, run: l.run, tick: l.session?.state.tick ?? 0 }, [bytes.buffer as ArrayBuffer]);
    },
    async openSaved(bytes): Promise<OpenedRun> {
      const read = await readPageSave(bytes);
      if (typeof read === 'string') return { ok: false, message: read };
      const { resumeSavedRun, SavedRunError } = await engine();
      try {
        // checks the state against the scenario now, so that a damaged file is refused before the page changes
        resumeSavedRun(read.saved, read.scenario, { histogramBins: read.saved.run === 0 ? read.shell.histogramBins : 0, memoryLimit: BROWSER_MEMORY_LIMIT });
      } catch (e) {
        if (e instanceof SavedRunError || e instanceof RangeError) return { ok: false, message: e.message };
        throw e;
      }
      return { ok: true, scenario: read.scenario, runs: read.shell.runs, histogramBins: read.shell.histogramBins, run: read.saved.run, tick: read.saved.state?.tick ?? 0 };
    },
  };
}

// Expose only inside a worker (tests import createWorkerApi in Node). The explicit endpoint is
// needed under @vitest/web-worker, whose shim does not wire globalThis.
if (typeof self !== 'undefined' && typeof window === 'undefined') {
  Comlink.expose(createWorkerApi(), self as unknown as Comlink.Endpoint);
  // Load the engine at once, before the first request arrives. Awaited at top level so that a
  // module loader that evaluates this file (e.g. @vitest/web-worker's) finishes the import too.
  await engine();
}
