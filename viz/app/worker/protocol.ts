/*
 * What the page and the simulation worker say to each other: plain data only, so it
 * structured-clones (and typed arrays transfer).
 */
import type { Bands, EnsembleStats, ModelEvent, RunSummary, ScenarioData, ValidationIssue } from '../../../sim/index';

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
  /** Answers at once when the worker is alive and between steps (the page's watch on it). */
  ping(): true;
  validate(scenario: unknown): Promise<{ ok: boolean; issues: ValidationIssue[] }>;
  start(request: RunRequest, listener: RunListener): Promise<RunOutcome>;
  pause(): void;
  resume(): void;
  /** Advances a paused run by `ticks` steps. */
  step(ticks?: number): void;
  cancel(): void;
}

