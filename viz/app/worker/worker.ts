/*
 * The simulation's browser shell, run inside a Web Worker: it exposes `WorkerApi` (comlink), which
 * validates a scenario, drives the engine's run sessions in time slices (pause, single steps,
 * cancel) and posts copies of the new rows (transferred, never live state) to the page's listener.
 * The page talks to it through ./client.ts; the model in sim/ knows nothing of workers.
 */
import * as Comlink from 'comlink';
import type { Columns, RunSummary } from '../../../sim/index';
import { BROWSER_MEMORY_LIMIT } from '../limits';
import type { RunListener, RunOutcome, RunRequest, WorkerApi } from './protocol';

/*
 * The engine (the model, zod and mathjs) is imported lazily, after the API is exposed: the worker
 * answers its first message while the engine is still loading.
 */
type Engine = typeof import('../../../sim/index');
let enginePromise: Promise<Engine> | undefined;
function engine(): Promise<Engine> {
  return (enginePromise ??= import('../../../sim/index'));
}

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
    const { validateScenario, columnNames, openRun, estimateRun, formatGiB, bands, ensembleStats } = await engine();
    if (my !== generation) return { status: 'cancelled', summaries: [] };
    const checked = validateScenario(request.scenario);
    if (!checked.ok) return { status: 'invalid', issues: checked.issues };
    const scenario = checked.scenario;
    const runs = Math.max(1, Math.floor(request.runs ?? 1));
    const bins = Math.max(0, Math.floor(request.histogramBins ?? 0));
    const sliceMs = request.sliceMs ?? 25;
    const names = columnNames(scenario.parties.map((p) => p.name));
    const totalRows = scenario.ticks + 1;
    const eventRuns = Math.min(runs, Math.max(0, Math.floor(request.eventRuns ?? 1)));
    // the worker and the page each keep every replicate's columns
    const { bytes } = estimateRun(scenario, { runsKept: 2 * runs, histogramBins: 2 * bins, eventRuns });
    if (bytes > BROWSER_MEMORY_LIMIT) {
      return {
        status: 'failed',
        message: `${runs} run${runs === 1 ? '' : 's'} of ${scenario.ticks.toLocaleString('en')} ticks would need about ${formatGiB(bytes)} of memory in the browser (the limit is ${BROWSER_MEMORY_LIMIT / 1024 ** 3} GiB): lower ticks or the ensemble size, or run it with the command line (npx detente run), which streams its output`,
      };
    }
    const summaries: RunSummary[] = [];
    const all: Columns[] = [];
    const cancelled = () => my !== generation;
    try {
      for (let r = 0; r < runs; r++) {
        const session = openRun(scenario, { run: r, histogramBins: r === 0 ? bins : 0, events: r < eventRuns, memoryLimit: BROWSER_MEMORY_LIMIT });
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
    ping: () => true,
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

// Expose only inside a worker (tests import createWorkerApi in Node). The explicit endpoint is
// needed under @vitest/web-worker, whose shim does not wire globalThis.
if (typeof self !== 'undefined' && typeof window === 'undefined') {
  Comlink.expose(createWorkerApi(), self as unknown as Comlink.Endpoint);
  // Load the engine at once, before the first request arrives. Awaited at top level so that a
  // module loader that evaluates this file (e.g. @vitest/web-worker's) finishes the import too.
  await engine();
}
