import * as Comlink from 'comlink';
import type { Columns, RunSummary } from '../../../sim/index';
import { BROWSER_MEMORY_LIMIT } from '../limits';
import { yieldToMessages, type Control } from './control';
import type { RunListener, RunOutcome, RunRequest } from './protocol';
import { readPageSave, type PageSave } from './savedRuns';

type Engine = typeof import('../../../sim/index');

/**
 * Runs an ensemble's replicates in the worker, in time slices (pause, single steps, cancel), and
 * posts copies of each replicate's new rows (transferred, never live state) to the listener. The
 * replicates are 0…runs−1, or — for a `shared` request — those the listener hands out, so that a
 * pool of workers shares one ensemble. A request that resumes a saved run streams the replicates
 * saved whole, continues the saved one, and then goes on as any other.
 */
export async function runEnsemble(engine: Promise<Engine>, control: Control, request: RunRequest, listener: RunListener): Promise<RunOutcome> {
  const my = ++control.generation;
  control.rouse();
  control.paused = request.paused ?? false;
  control.stepBudget = 0;
  const cancelled = () => my !== control.generation;
  const { validateScenario, openRun, resumeSavedRun, estimateRun, formatGiB } = await engine;
  if (cancelled()) return { status: 'cancelled', summaries: [] };
  const checked = validateScenario(request.scenario);
  if (!checked.ok) return { status: 'invalid', issues: checked.issues };
  const scenario = checked.scenario;
  const runs = Math.max(1, Math.floor(request.runs ?? 1));
  const bins = Math.max(0, Math.floor(request.histogramBins ?? 0));
  let resume: PageSave | undefined;
  if (request.resume) {
    const read = await readPageSave(engine, request.resume);
    if (cancelled()) return { status: 'cancelled', summaries: [] };
    if (typeof read === 'string') return { status: 'failed', message: `the saved run cannot continue: ${read}` };
    if (read.shell.runs !== runs || read.shell.histogramBins !== bins) return { status: 'failed', message: `the saved run was of ${read.shell.runs} runs with ${read.shell.histogramBins} histogram bins; this request is of ${runs} with ${bins}` };
    resume = read;
  }
  const sliceMs = request.sliceMs ?? 25;
  const eventRuns = Math.min(runs, Math.max(0, Math.floor(request.eventRuns ?? 1)));
  // the page keeps every replicate's columns, this worker the one it runs (the page checks its whole pool before it starts)
  const { bytes } = estimateRun(scenario, { runsKept: runs + 1, histogramBins: 2 * bins, eventRuns });
  if (bytes > BROWSER_MEMORY_LIMIT) {
    return {
      status: 'failed',
      message: `${runs} run${runs === 1 ? '' : 's'} of ${scenario.ticks.toLocaleString('en')} ticks would need about ${formatGiB(bytes)} of memory in the browser (the limit is ${BROWSER_MEMORY_LIMIT / 1024 ** 3} GiB): lower ticks or the ensemble size, or run it with the command line (npx detente run), which streams its output`,
    };
  }
  const totalRows = scenario.ticks + 1;
  // a resumed run goes on from its saved replicate: this worker continues it, the others start after it
  let counter = resume ? resume.saved.run + 1 : 0;
  let saved = resume?.saved.run;
  // a listener is a proxy of the page's object: only the request says whether it hands replicates out
  const handedOut = request.shared ? () => listener.next!() : () => (counter < runs ? counter++ : -1);
  const nextRun = async () => (saved !== undefined ? saved : handedOut());
  const summaries: RunSummary[] = [];
  let first = true;
  try {
    if (resume) await streamSaved(resume, { listener, totalRows, summaries });
    for (let r = await nextRun(); r >= 0 && r < runs; r = await nextRun()) {
      const options = { run: r, histogramBins: r === 0 ? bins : 0, events: r < eventRuns, memoryLimit: BROWSER_MEMORY_LIMIT };
      // the saved replicate's events before it was saved go out with its first rows
      let earlierEvents = resume && r === saved ? resume.shell.events[r] ?? [] : [];
      const session = (resume && r === saved ? resumeSavedRun(resume.saved, scenario, options) : undefined) ?? openRun(scenario, options);
      saved = undefined;
      control.live = { generation: my, scenario, runs, histogramBins: bins, eventRuns, run: r, session };
      let sent = 0;
      let sentEvents = 0;
      while (!session.done || sent < session.columns.rows) {
        if (cancelled()) return { status: 'cancelled', summaries };
        if (control.paused && control.stepBudget <= 0 && sent === session.columns.rows) {
          await control.sleep();
          continue;
        }
        // A short first slice puts the first curve on screen sooner.
        const until = performance.now() + (first ? Math.min(sliceMs, 8) : sliceMs);
        first = false;
        while (!session.done) {
          if (control.paused) {
            if (control.stepBudget <= 0) break;
            control.stepBudget--;
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
        sent = session.columns.rows;
        sentEvents = session.events.length;
        await listener.chunk(Comlink.transfer({ run: r, seed: session.seed, from, rows, totalRows, columns, histograms, events }, buffers));
        await yieldToMessages();
      }
      control.live = undefined;
      const summary = session.summary();
      summaries[r] = summary;
      await listener.runDone(r, summary);
      if (cancelled()) return { status: 'cancelled', summaries };
    }
  } catch (e) {
    return { status: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
  if (cancelled()) return { status: 'cancelled', summaries };
  return { status: 'done', summaries, scenario };
}

/** Streams a saved run's replicates saved whole to the listener, as they were sent before it was saved. */
async function streamSaved({ saved, shell }: PageSave, { listener, totalRows, summaries }: { listener: RunListener; totalRows: number; summaries: RunSummary[] }): Promise<void> {
  for (let r = 0; r < saved.run; r++) {
    const cols = shell.finished[r];
    const columns = Object.fromEntries(cols.names.map((n) => [n, cols.data[n].slice(0, cols.rows)]));
    const histograms = r === 0 ? shell.histograms0?.slice() : undefined;
    const buffers = Object.values(columns).map((c) => c.buffer as ArrayBuffer);
    if (histograms) buffers.push(histograms.buffer as ArrayBuffer);
    await listener.chunk(Comlink.transfer({ run: r, seed: cols.data.seed[0], from: 0, rows: cols.rows, totalRows, columns, histograms, events: shell.events[r] ?? [] }, buffers));
    summaries[r] = shell.summaries[r];
    await listener.runDone(r, shell.summaries[r]);
  }
}

/** The statistics of the summaries and the per-tick bands of `columns` over the runs. */
export async function summarizeEnsemble(engine: Promise<Engine>, summaries: RunSummary[], runs: Columns[], columns: string[]) {
  const { ensembleStats, bands } = await engine;
  return {
    stats: ensembleStats(summaries),
    bands: Object.fromEntries(columns.filter((c) => runs.length && runs.every((r) => r.data[c] && r.data.tick)).map((c) => [c, bands(runs, c)])),
  };
}
