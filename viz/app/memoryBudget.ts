import { estimateRun, formatGiB } from '../../sim/memory';
import type { ScenarioData } from '../../sim/scenario/schema';
import { BROWSER_MEMORY_LIMIT } from './limits';
import { slug } from './slug';

/** What the page would run: a scenario's ensemble, on how many workers at once, beside results it already keeps. */
export interface MemoryRequest {
  scenario: ScenarioData;
  runs: number;
  /** Simulations alive at once (one per worker). Default 1. */
  workers?: number;
  /** Anger and fear histogram bins recorded per row of replicate 0. Default 0. */
  histogramBins?: number;
  /** Bytes of results the page already holds (e.g. saved variants' runs, measured). Default 0. */
  keptBytes?: number;
  /** Runs whose model events are kept. Default 1. */
  eventRuns?: number;
}

const en = (n: number) => n.toLocaleString('en');

/**
 * Bytes the page would hold while running `request` on its pool, as sim/memory.ts estimates them:
 * each worker's live simulation with the columns of the run it is making, every replicate's
 * columns on the page (for its charts and exports), the histograms (page and worker), the model
 * events kept, and what the page already keeps.
 */
export function pageMemoryNeed({ scenario, runs, workers = 1, histogramBins = 0, keptBytes = 0, eventRuns = 1 }: MemoryRequest): number {
  const simulations = Math.max(1, Math.min(workers, runs));
  return estimateRun(scenario, { runsKept: runs + simulations, histogramBins: 2 * histogramBins, eventRuns, simulations }).bytes + keptBytes;
}

/**
 * The most workers, up to `request.workers` and one per run, that can share `request` within
 * BROWSER_MEMORY_LIMIT (the limit holds for the pool as a whole); at least 1 (whether even one
 * fits is `memoryProblem`'s question).
 */
export function workersWithin(request: MemoryRequest): number {
  let w = Math.max(1, Math.min(request.workers ?? 1, request.runs));
  while (w > 1 && pageMemoryNeed({ ...request, workers: w }) > BROWSER_MEMORY_LIMIT) w--;
  return w;
}

/**
 * Why the page will not run `request` even on one worker, in words, with the command that runs it
 * outside the browser; '' when it fits within BROWSER_MEMORY_LIMIT.
 */
export function memoryProblem(request: MemoryRequest): string {
  const bytes = pageMemoryNeed({ ...request, workers: 1 });
  if (bytes <= BROWSER_MEMORY_LIMIT) return '';
  const { scenario: s, runs } = request;
  const e = estimateRun(s);
  return `This would need about ${formatGiB(bytes)} of memory in the browser (${en(e.agents)} agents, ${en(e.ties)} ties, `
    + `${runs} run${runs === 1 ? '' : 's'} of ${en(e.rows)} observed ticks); the page allows ${formatGiB(BROWSER_MEMORY_LIMIT)}. `
    + 'Lower the populations, the ticks or the ensemble size, or run it with the command line, which streams its output: '
    + `download the scenario (Download scenario JSON) and run npx detente run ${slug(s.name)}.json --runs ${runs} --summary`;
}

/** Bytes the page keeps per finished run of an exploration, besides its series: its runs.csv line and metrics, as text and numbers, with a map entry (generous). */
const SWEEP_RECORD_BYTES = 512;
/** Bytes the page keeps per series value of a run (its series.csv line as text). */
const SERIES_VALUE_BYTES = 96;

/** What an exploration would hold: the largest run's memory (estimateRun), its runs and the series values each keeps. */
export interface SweepMemoryRequest {
  runBytes: number;
  runs: number;
  seriesValues: number;
  /** Workers that could run it. */
  workers: number;
}

/**
 * The most workers, up to `workers`, whose runs (each as large as the largest) fit, with the
 * exploration's results, within BROWSER_MEMORY_LIMIT; 0 when not even one does.
 */
export function sweepWorkersWithin({ runBytes, runs, seriesValues, workers }: SweepMemoryRequest): number {
  const results = runs * (SWEEP_RECORD_BYTES + seriesValues * SERIES_VALUE_BYTES);
  return Math.max(0, Math.min(workers, runs, Math.floor((BROWSER_MEMORY_LIMIT - results) / Math.max(1, runBytes))));
}
