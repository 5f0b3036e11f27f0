import type { Columns } from './observe/observe';
import { columnNames } from './observe/observedColumns';
import { pack, PackError, unpack } from './pack';
import { scenarioHash } from './provenance';
import type { ScenarioData } from './scenario/schema';
import { openRun, type RunSession, type SessionOptions } from './session';
import { createSimulation } from './simulation';
import type { SimState } from './state';
import { createStreams, saveStreams } from './streams';
import { VERSION } from './version';

/** What the first field of a saved run says it is, and the layout's number (raised when it changes). */
export const SAVED_RUN_KIND = 'detente-saved-run';
export const SAVED_RUN_FORMAT = 1;

/**
 * A run saved part-way, to continue later to the same results: the state at its last observed
 * tick (with its streams), the rows observed so far, and what the shell that saved it keeps.
 * Versioned, and tied to its scenario by hash: it resumes only with the same scenario in the same
 * version of Détente, whose model it continues.
 */
export interface SavedRun {
  kind: typeof SAVED_RUN_KIND;
  format: number;
  /** Détente's version that saved it. */
  detente: string;
  scenarioHash: string;
  /** The scenario itself, when the saver included it (the page does; the command line reads its own). */
  scenario?: ScenarioData;
  /** Replicate number. */
  run: number;
  /** The state at the last observed tick; absent when the run had not begun (it then starts afresh). */
  state?: SimState;
  /** The rows observed so far (ticks 0…state.tick), when there is a state. */
  columns?: Columns;
  histograms?: Float64Array;
  /** What else the saving shell keeps (plain data and typed arrays). */
  shell?: unknown;
}

/** A file that is not a saved run, a damaged one, or one that cannot continue here: the message says which. */
export class SavedRunError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SavedRunError';
  }
}

/** What `saveRun` saves besides the session. */
export interface SaveRunOptions {
  scenario: ScenarioData;
  /** Replicate number (the session's, when there is one). */
  run: number;
  /** Include the scenario (for a file that must reopen on its own). Default false. */
  includeScenario?: boolean;
  shell?: unknown;
}

/** Saves `session` (or, with none, a run not yet begun) as bytes (see `readSavedRun`). */
export function saveRun(session: RunSession | undefined, o: SaveRunOptions): Uint8Array {
  const saved: SavedRun = {
    kind: SAVED_RUN_KIND, format: SAVED_RUN_FORMAT, detente: VERSION, scenarioHash: scenarioHash(o.scenario),
    ...(o.includeScenario && { scenario: o.scenario }),
    run: session?.run ?? o.run,
  };
  if (session) {
    const c = session.columns;
    saved.state = session.save();
    saved.columns = { names: c.names, rows: c.rows, data: Object.fromEntries(c.names.map((n) => [n, c.data[n].subarray(0, c.rows)])) };
    const per = 4 * session.histogramBins;
    if (session.histograms) saved.histograms = session.histograms.subarray(0, c.rows * per);
  }
  if (o.shell !== undefined) saved.shell = o.shell;
  return pack(saved);
}

/** Reads a saved run: refuses, with a SavedRunError, bytes that are not one, another layout, or another version's. */
export function readSavedRun(bytes: Uint8Array): SavedRun {
  let x: Partial<SavedRun> | null;
  try {
    x = unpack(bytes) as Partial<SavedRun> | null;
  } catch (e) {
    if (e instanceof PackError) throw new SavedRunError(`not a saved Détente run (${e.message})`);
    throw e;
  }
  if (x === null || typeof x !== 'object' || x.kind !== SAVED_RUN_KIND) throw new SavedRunError('not a saved Détente run');
  if (x.format !== SAVED_RUN_FORMAT) throw new SavedRunError(`a saved run of layout ${String(x.format)}, which this version of Détente (${VERSION}) does not read (it reads layout ${SAVED_RUN_FORMAT})`);
  if (x.detente !== VERSION) {
    throw new SavedRunError(`saved by Détente ${String(x.detente)}; this is Détente ${VERSION}. A run continues only in the version that saved it (another version's model could give other results): run it again from the start, or continue it with Détente ${String(x.detente)}`);
  }
  if (typeof x.scenarioHash !== 'string' || !Number.isSafeInteger(x.run) || (x.run as number) < 0) throw new SavedRunError('a damaged saved run (no scenario hash or run number)');
  return x as SavedRun;
}

/**
 * Opens the session that continues a saved run of `scenario`, or undefined when the run had not
 * begun (open it afresh). Refuses, with a SavedRunError, a run saved from another scenario, or a
 * state that does not fit the scenario (damaged, or edited by hand), before stepping it.
 */
export function resumeSavedRun(saved: SavedRun, scenario: ScenarioData, o: Omit<SessionOptions, 'from' | 'before' | 'run' | 'seed'> = {}): RunSession | undefined {
  const hash = scenarioHash(scenario);
  if (hash !== saved.scenarioHash) {
    throw new SavedRunError(`saved from another scenario (SHA-256 ${saved.scenarioHash.slice(0, 12)}…; this one is ${hash.slice(0, 12)}…, after --set, --seed and --ticks): use the scenario and options it was saved with`);
  }
  if (!saved.state) return undefined;
  const problem = stateProblem(saved, scenario);
  if (problem) throw new SavedRunError(`a damaged saved run: ${problem}`);
  return openRun(scenario, { ...o, run: saved.run, from: saved.state, before: { columns: saved.columns!, histograms: saved.histograms } });
}

/** What is wrong with a saved state for this scenario, or undefined: its fields, arrays, numbers and network against a fresh state's. */
function stateProblem(saved: SavedRun, scenario: ScenarioData): string | undefined {
  const state = saved.state!;
  const cols = saved.columns;
  if (!Number.isSafeInteger(state.tick) || state.tick < 0 || state.tick > scenario.ticks) return 'its tick is not within the run';
  if (!cols || !Array.isArray(cols.names) || cols.names.join('\n') !== columnNames(scenario.parties.map((p) => p.name)).join('\n')) return 'its columns are not this scenario\'s';
  if (cols.rows !== state.tick + 1 || cols.names.some((n) => !(cols.data[n] instanceof Float64Array) || cols.data[n].length !== cols.rows)) return 'its rows do not reach its tick';
  // a reference state without the network (cheap to build): every other field must match it in kind and size
  const bare = createSimulation({ ...scenario, network: { type: 'edges', edges: [] } }, { run: saved.run }).state;
  bare.streams = saveStreams(createStreams(scenario, state.seed));
  const skip = new Set(['col', 'weight', 'signings', 'pending']);
  const misfit = shapeProblem(bare, state, 'state', skip);
  if (misfit) return misfit;
  const n = state.partyStart[2];
  const { rowPtr, col, weight } = state;
  if (!(col instanceof Int32Array) || !(weight instanceof Float32Array) || rowPtr[0] !== 0 || rowPtr[n] !== col.length || weight.length !== col.length) return 'its network is not whole';
  for (let i = 0; i < n; i++) if (rowPtr[i + 1] < rowPtr[i]) return 'its network is not whole';
  for (let e = 0; e < col.length; e++) if (!(col[e] >= 0 && col[e] < n) || !Number.isFinite(weight[e])) return 'its network names agents that do not exist';
  if (!Array.isArray(state.signings) || !Array.isArray(state.pending)) return 'its settlements or pending events are missing';
  return undefined;
}

/** Where `x` differs from `ref` in keys, kinds or array sizes, or holds a non-finite number; undefined if nowhere. */
function shapeProblem(ref: unknown, x: unknown, path: string, skip: ReadonlySet<string>): string | undefined {
  if (typeof ref === 'number') return typeof x === 'number' && Number.isFinite(x) ? undefined : `${path} is not a finite number`;
  if (ArrayBuffer.isView(ref)) {
    if (!ArrayBuffer.isView(x) || x.constructor !== ref.constructor || (x as Float64Array).length !== (ref as Float64Array).length) return `${path} is not of the scenario's size`;
    const a = x as Float64Array;
    for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return `${path} holds a non-finite number`;
    return undefined;
  }
  if (Array.isArray(ref)) {
    if (!Array.isArray(x) || x.length !== ref.length) return `${path} is not of the scenario's size`;
    for (let i = 0; i < ref.length; i++) {
      const p = shapeProblem(ref[i], x[i], `${path}.${i}`, skip);
      if (p) return p;
    }
    return undefined;
  }
  if (ref !== null && typeof ref === 'object') {
    if (x === null || typeof x !== 'object') return `${path} is missing`;
    const keys = Object.keys(ref);
    if (Object.keys(x).length !== keys.length) return `${path} has other fields than the scenario's state`;
    for (const k of keys) {
      if (skip.has(k)) continue;
      if (!Object.hasOwn(x, k)) return `${path}.${k} is missing`;
      const p = shapeProblem((ref as Record<string, unknown>)[k], (x as Record<string, unknown>)[k], `${path}.${k}`, skip);
      if (p) return p;
    }
    return undefined;
  }
  return typeof x === typeof ref ? undefined : `${path} is of another kind`;
}
