/*
 * What the page and the simulation workers say to each other: plain data only, so it
 * structured-clones (and typed arrays transfer).
 */
import type { Bands, Columns, EnsembleStats, ModelEvent, RunSummary, ScenarioData, ValidationIssue } from '../../../sim/index';
import type { AnalysisResult, AnalyzeOptions, DataTable, ExperimentData, InvalidPoint, ManifestHead, Manifest, PointExperiment, SweepFile, SweepRecords, SweepTask, SweepTaskResult } from '../../../sim/experiments/index';

/**
 * The message a simulation worker posts once it has loaded the engine and answers calls (comlink
 * ignores it: it carries no call id). Until then the page does not take its silence for death.
 */
export const WORKER_READY = 'detente-worker-ready';

/** What to run: a scenario (untrusted JSON, validated in the worker) and the number of replicates. */
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
  /** Model events are collected for replicates 0…eventRuns−1. Default 1. */
  eventRuns?: number;
  /**
   * The replicates are handed out by the listener's `next()` (the workers of a pool share one
   * ensemble so), instead of 0…runs−1 all run here. Default false.
   */
  shared?: boolean;
  /**
   * A run saved by `save()` to continue: its finished replicates and the saved one's rows so far
   * are streamed first, then the saved replicate goes on, then those after it (a `shared` request
   * takes them from `next()`, which the page starts after the saved replicate). The scenario must
   * be the one it was saved from, and `runs` and `histogramBins` those it was saved with
   * (`openSaved` reads them).
   */
  resume?: Uint8Array;
}

/** What `save()` gives: the bytes of a file that `openSaved` and `start({resume})` reopen, or why there are none. */
export type SavedRunFile =
  | { ok: true; bytes: Uint8Array; run: number; tick: number }
  | { ok: false; message: string };

/** What a saved run holds, read by `openSaved` so that the page can load its scenario before resuming it. */
export type OpenedRun =
  | { ok: true; scenario: ScenarioData; runs: number; histogramBins: number; run: number; tick: number }
  | { ok: false; message: string };

/**
 * What the page has of the replicates before a saved one: replicates 0…run−1 whole (columns and
 * summaries), replicate 0's histograms once it has finished, and the model events received so
 * far, by replicate (the saved replicate's too).
 */
export interface FinishedReplicates {
  finished: Columns[];
  summaries: RunSummary[];
  histograms0?: Float64Array;
  events: ModelEvent[][];
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
}

/** Receives a run's stream; its methods are awaited, which also paces the worker. */
export interface RunListener {
  chunk(c: RunChunk): void | Promise<void>;
  runDone(run: number, summary: RunSummary): void | Promise<void>;
  /** The next replicate to run, or −1 when there is none (asked only for a `shared` request). */
  next?(): number | Promise<number>;
}

/** How a request ended; `summaries` are indexed by replicate (only those this worker ran). */
export type RunOutcome =
  | { status: 'done'; summaries: RunSummary[]; scenario: ScenarioData }
  | { status: 'cancelled'; summaries: RunSummary[] }
  | { status: 'invalid'; issues: ValidationIssue[] }
  | { status: 'failed'; message: string };

/** An ensemble's statistics and the per-tick bands of some columns. */
export interface EnsembleSummary {
  stats: EnsembleStats;
  bands: Record<string, Bands>;
}

/** A planned exploration: the manifest's head (experiment, hashes, design table, seeds), which points are valid, and the largest run's memory. */
export interface ExplorePlan {
  head: ManifestHead;
  /** Per design index: whether its scenario is valid. */
  valid: Uint8Array;
  invalid: InvalidPoint[];
  /** Bytes the largest run of a valid point takes (estimateRun, without model events). */
  runBytes: number;
  /** Series values each run keeps (columns × kept ticks; 0 without series). */
  seriesValues: number;
}

/** An experiment that can or cannot be swept, with every problem by path. */
export type PlanReply = { ok: true; plan: ExplorePlan } | { ok: false; issues: ValidationIssue[] };

/** Hands a sweep worker its tasks and takes its results; both awaited, which paces the worker. */
export interface SweepListener {
  /** The next run to make, or undefined when there is none. */
  next(): SweepTask | undefined | Promise<SweepTask | undefined>;
  result(r: SweepTaskResult): void | Promise<void>;
}

/** What a sweep's worker ends with. */
export type SweepOutcome = { status: 'done' | 'cancelled' } | { status: 'failed'; message: string };

/** A finished sweep read back from its files: the manifest and the runs table. */
export type OutputReply = { ok: true; manifest: Manifest; table: DataTable } | { ok: false; message: string };

/** An analysis, or why it could not be made. */
export type AnalysisReply = { ok: true; result: AnalysisResult } | { ok: false; message: string };

/** The worker's API: one run or sweep at a time; pause, step and cancel act on the current one. */
export interface WorkerApi {
  /** Answers at once when the worker is alive and between steps (the page's watch on it). */
  ping(): true;
  validate(scenario: unknown): Promise<{ ok: boolean; issues: ValidationIssue[] }>;
  start(request: RunRequest, listener: RunListener): Promise<RunOutcome>;
  pause(): void;
  resume(): void;
  /** Advances a paused run by `ticks` steps. */
  step(ticks?: number): void;
  cancel(): void;
  /** The statistics of an ensemble's summaries and the bands of `columns` over its runs (each run's columns hold `tick` and those). */
  ensemble(summaries: RunSummary[], runs: Columns[], columns: string[]): Promise<EnsembleSummary>;
  /** Checks an experiment (untrusted JSON; its scenario inline) for a sweep and plans it as `detente sweep` does. */
  plan(experiment: unknown): Promise<PlanReply>;
  /** Makes a sweep's runs, one task at a time, until `next()` has none or the sweep is cancelled. */
  sweep(init: { base: unknown; experiment: PointExperiment }, listener: SweepListener): Promise<SweepOutcome>;
  /** The files `detente sweep` writes for these runs (see sweepOutput). */
  sweepFiles(head: ManifestHead, records: SweepRecords, state: Manifest['state']): Promise<SweepFile[]>;
  /** Reads a finished sweep's manifest.json and runs table (CSV or Parquet). */
  readOutput(manifest: { name: string; text: string }, runs: { name: string; bytes: Uint8Array }): Promise<OutputReply>;
  /** Morris, Sobol' or PRIM on a sweep's runs, as `detente analyze` makes them. */
  analyze(experiment: ExperimentData, table: DataTable, options: AnalyzeOptions): Promise<AnalysisReply>;
  /**
   * Saves replicate `run`, which this worker runs, part-way, with the replicates before it as the
   * page received them (pause it first, so that the page has every row saved).
   */
  save(run: number, before: FinishedReplicates): Promise<SavedRunFile>;
  /** Reads a file that `save()` made, checking it can continue here (version, scenario, state). */
  openSaved(bytes: Uint8Array): Promise<OpenedRun>;
}
