import type { Context } from './context';
import { distributions } from './observe/distributions';
import { estimateRun, memoryIssue } from './memory';
import { createEventWatcher, MAX_EVENTS, type ModelEvent } from './observe/modelEvents';
import { createColumns, observe, type Columns } from './observe/observe';
import { observedColumns, type Column } from './observe/observedColumns';
import type { ScenarioData } from './scenario/schema';
import { MEMORY_LIMIT } from './scenario/validate';
import { createSimulation, type SimulationOptions } from './simulation';
import { saveStreams } from './streams';
import type { SimState } from './state';
import { step } from './step';
import { summarizeRun, type RunSummary } from './summary';

/** Options of `openRun`. */
export interface SessionOptions extends SimulationOptions {
  /** Steps to take in all. Default: the scenario's ticks (or what is left of them when resuming). */
  ticks?: number;
  /** Record anger and fear histograms with this many bins at every observed tick. Default 0 (none). */
  histogramBins?: number;
  /** Collect model events (see `ModelEvent`). Default true. */
  events?: boolean;
  /** Most bytes the run may take (see `estimateRun`) before the session refuses to open. Default MEMORY_LIMIT (8 GiB). */
  memoryLimit?: number;
  /**
   * With `from`: the rows the run observed before (ticks 0…from.tick) and their histograms, kept at
   * the start of the session's columns, so that its columns, rows and summary cover the whole run
   * (see savedRun.ts). Default: none (the columns start after `from`).
   */
  before?: { columns: Readonly<Columns>; histograms?: Float64Array };
}

/** Rows `from`…`from + rows − 1` of a session, copied out of it (e.g. to transfer to another thread). */
export interface RowChunk {
  from: number;
  rows: number;
  /** One column per name. */
  columns: Record<string, Float64Array>;
  /** 4 × bins shares per row (see `distributions`), when the session records histograms. */
  histograms?: Float64Array;
}

/**
 * One run, advanced in as many pieces as its caller likes, and observed as it goes: the one loop
 * around `step` that every shell drives (the CLI, the browser worker, the bench, ensembles and
 * the claims). Tick 0 is the initial state; row t is the state after t steps. A run advanced in
 * pieces, or resumed from a saved state, equals the run done at once.
 */
export interface RunSession {
  readonly scenario: ScenarioData;
  /** Replicate number and seed. */
  readonly run: number;
  readonly seed: number;
  /** The live state (read it; do not change it). */
  readonly state: SimState;
  /** The run's context (constants, streams, scratch), for diagnostics. */
  readonly ctx: Context;
  /** The rows observed so far; `columns.rows` of them. */
  readonly columns: Columns;
  /** The rows the session will have when done. */
  readonly totalRows: number;
  readonly histogramBins: number;
  /** 4 × bins shares per row, when asked for. */
  readonly histograms?: Float64Array;
  /** The model events so far, in order (at most MAX_EVENTS; see `eventsDropped`). */
  readonly events: readonly ModelEvent[];
  /** Events not kept because the run had already reported MAX_EVENTS. */
  readonly eventsDropped: number;
  /** Whether every step has been taken. */
  readonly done: boolean;
  /** Takes up to `maxTicks` steps (whole; default: all that are left), observing each; returns how many it took. */
  advance(maxTicks?: number): number;
  /** Copies of the rows observed from row `from` on. */
  rows(from?: number): RowChunk;
  /** The summary of the rows observed so far (of the whole run once done, unless resumed without `before`). */
  summary(): RunSummary;
  /**
   * Saves the streams into the state and returns it, to resume from (`openRun(s, { from })` copies
   * it). It is the session's own state: advancing the session further changes it.
   */
  save(): SimState;
}

/**
 * Opens a run of a scenario (validated, defaults filled): a replicate (`run`), a seed, or a state
 * saved by `save()` to resume from (its tick is not observed again). Throws a RangeError if
 * `ticks` is not a whole number ≥ 0 or the run would not fit in `memoryLimit`, before allocating.
 */
export function openRun(scenario: ScenarioData, o: SessionOptions = {}): RunSession {
  const ticksLeft = Math.max(0, scenario.ticks - (o.from?.tick ?? 0));
  const ticks = o.ticks ?? ticksLeft;
  if (!Number.isInteger(ticks) || ticks < 0) throw new RangeError(`ticks must be a whole number ≥ 0, got ${ticks}`);
  const bins = Math.max(0, Math.floor(o.histogramBins ?? 0));
  const before = o.from ? o.before : undefined;
  const earlier = before?.columns.rows ?? 0;
  const tooBig = memoryIssue(estimateRun(scenario, { ticks: ticks + earlier, histogramBins: bins, eventRuns: o.events === false ? 0 : 1 }), o.memoryLimit ?? MEMORY_LIMIT);
  if (tooBig) throw new RangeError(`${tooBig.path}: ${tooBig.message}`);
  const sim = createSimulation(scenario, o);
  const { ctx, state } = sim;
  const runIndex = o.run ?? 0;
  const first = o.from ? 0 : 1;
  const totalRows = earlier + ticks + first;
  const table: readonly Column[] = observedColumns(scenario.parties.map((p) => p.name));
  const columns = createColumns(table.map((c) => c.name), totalRows);
  const histograms = bins > 0 ? new Float64Array(totalRows * 4 * bins) : undefined;
  if (before) {
    for (const n of columns.names) columns.data[n].set(before.columns.data[n].subarray(0, earlier));
    columns.rows = earlier;
    if (histograms && before.histograms) histograms.set(before.histograms.subarray(0, earlier * 4 * bins));
  }
  const watcher = o.events === false ? undefined : createEventWatcher(ctx);
  const events: ModelEvent[] = [];
  let eventsDropped = 0;
  const emit = (e: ModelEvent) => {
    if (events.length < MAX_EVENTS) events.push(e);
    else eventsDropped++;
  };
  const observeOptions = { columns: table, run: runIndex };
  const record = () => {
    if (histograms) distributions(state, bins, histograms.subarray(columns.rows * 4 * bins, (columns.rows + 1) * 4 * bins));
    observe(columns, state, observeOptions);
  };
  let stepsDone = 0;
  if (!o.from) record();

  return {
    scenario, run: runIndex, seed: state.seed, state, ctx, columns, totalRows, histogramBins: bins, histograms, events,
    get eventsDropped() { return eventsDropped; },
    get done() { return stepsDone >= ticks; },
    advance(maxTicks = Infinity) {
      if (!(maxTicks >= 0)) throw new RangeError(`advance(maxTicks): maxTicks must be ≥ 0, got ${maxTicks}`);
      const n = Math.min(Math.floor(maxTicks), ticks - stepsDone);
      for (let k = 0; k < n; k++) {
        watcher?.before(state);
        step(state, ctx);
        record();
        watcher?.after(state, emit);
      }
      stepsDone += n;
      return n;
    },
    rows(from = 0) {
      const to = columns.rows;
      const out: Record<string, Float64Array> = {};
      for (const n of columns.names) out[n] = columns.data[n].slice(from, to);
      return { from, rows: to - from, columns: out, histograms: histograms?.slice(from * 4 * bins, to * 4 * bins) };
    },
    summary() {
      return summarizeRun(scenario, columns);
    },
    save() {
      state.streams = saveStreams(ctx.streams);
      return state;
    },
  };
}
