import * as Comlink from 'comlink';
import type { Columns, SavedRun, ScenarioData } from '../../../sim/index';
import { BROWSER_MEMORY_LIMIT, isEnsembleSize } from '../limits';
import type { Control } from './control';
import type { FinishedReplicates, OpenedRun, SavedRunFile } from './protocol';

type Engine = typeof import('../../../sim/index');

/** What the page's saved run keeps besides the saved replicate (SavedRun.shell): the request and the replicates before it. */
export interface PageShell extends FinishedReplicates {
  runs: number;
  histogramBins: number;
  eventRuns: number;
}

/** A page's saved run, read and checked: the saved run, its valid scenario and its shell. */
export interface PageSave {
  saved: SavedRun;
  scenario: ScenarioData;
  shell: PageShell;
}

/** Reads a page's saved run, or says what is wrong with it. */
export async function readPageSave(engine: Promise<Engine>, bytes: Uint8Array): Promise<PageSave | string> {
  const { readSavedRun, SavedRunError, validateScenario, columnNames, MODEL_EVENT_TYPES } = await engine;
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

/**
 * Saves replicate `run` of the request under way, part-way: this worker's session of it, and the
 * replicates before it as the page has them (in a pool, other workers ran some of them).
 */
export async function saveReplicate(engine: Promise<Engine>, control: Control, run: number, before: FinishedReplicates): Promise<SavedRunFile> {
  const l = control.live;
  if (!l || l.generation !== control.generation) return { ok: false, message: 'no run is under way to save' };
  if (l.run !== run) return { ok: false, message: `run ${run + 1} is not under way in this worker` };
  if (before.finished.length !== run || before.summaries.length !== run) return { ok: false, message: `the ${run} run${run === 1 ? '' : 's'} before run ${run + 1} are not all finished` };
  const { saveRun } = await engine;
  const shell: PageShell = { runs: l.runs, histogramBins: l.histogramBins, eventRuns: l.eventRuns, ...before, events: before.events.slice(0, run + 1) };
  const bytes = saveRun(l.session, { scenario: l.scenario, run, includeScenario: true, shell });
  return Comlink.transfer({ ok: true as const, bytes, run, tick: l.session.state.tick }, [bytes.buffer as ArrayBuffer]);
}

/** Reads a file that `saveReplicate` made and checks that it can continue here, before the page changes. */
export async function openSaved(engine: Promise<Engine>, bytes: Uint8Array): Promise<OpenedRun> {
  const read = await readPageSave(engine, bytes);
  if (typeof read === 'string') return { ok: false, message: read };
  const { resumeSavedRun, SavedRunError } = await engine;
  try {
    // checks the state against the scenario now, so that a damaged file is refused before the page changes
    resumeSavedRun(read.saved, read.scenario, { histogramBins: read.saved.run === 0 ? read.shell.histogramBins : 0, memoryLimit: BROWSER_MEMORY_LIMIT });
  } catch (e) {
    if (e instanceof SavedRunError || e instanceof RangeError) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, scenario: read.scenario, runs: read.shell.runs, histogramBins: read.shell.histogramBins, run: read.saved.run, tick: read.saved.state?.tick ?? 0 };
}
