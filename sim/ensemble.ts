import { quantileSorted as d3QuantileSorted } from 'd3-array';
import type { Columns } from './observe/observe';
import { replicateSeed } from './rng';
import type { ScenarioData } from './scenario/schema';
import { openRun, type RunSession, type SessionOptions } from './session';
import type { RunSummary } from './summary';

/** d3's quantile of a sorted sample (linear interpolation, R-7); d3 reads typed arrays by index. */
function quantileSorted(sorted: Float64Array, p: number): number {
  return d3QuantileSorted(sorted as unknown as number[], p) ?? 0;
}

/** Median and a central interval of a sample. */
export interface Interval {
  median: number;
  lo: number;
  hi: number;
  n: number;
}

/** Median and the central `level` interval (default 90 %: the 5th and 95th percentiles); NaN-free (empty → n 0, zeros). */
export function interval(values: ArrayLike<number>, level = 0.9): Interval {
  const sorted = Float64Array.from(values).sort();
  if (!sorted.length) return { median: 0, lo: 0, hi: 0, n: 0 };
  const tail = (1 - level) / 2;
  return {
    median: quantileSorted(sorted, 0.5),
    lo: quantileSorted(sorted, tail),
    hi: quantileSorted(sorted, 1 - tail),
    n: sorted.length,
  };
}

/** Ensemble statistics of run summaries: medians and 90 % intervals, and the share de-escalated. */
export interface EnsembleStats {
  runs: number;
  peakX: Interval;
  areaX: Interval;
  /** Over the runs that de-escalated only. */
  timeToDeescalation: Interval;
  shareDeescalated: number;
  settlements: Interval;
  collapses: Interval;
  finalX: Interval;
}

export function ensembleStats(summaries: readonly RunSummary[]): EnsembleStats {
  const pick = (k: keyof RunSummary) => summaries.map((s) => Number(s[k]));
  const times = summaries.filter((s) => s.timeToDeescalation !== null).map((s) => s.timeToDeescalation as number);
  return {
    runs: summaries.length,
    peakX: interval(pick('peakX')),
    areaX: interval(pick('areaX')),
    timeToDeescalation: interval(times),
    shareDeescalated: summaries.length ? times.length / summaries.length : 0,
    settlements: interval(pick('settlements')),
    collapses: interval(pick('collapses')),
    finalX: interval(pick('finalX')),
  };
}

/** Per-tick quantile bands of one column across runs (for ensemble charts). */
export interface Bands {
  tick: Float64Array;
  median: Float64Array;
  /** 25th and 75th percentiles (the 50 % band). */
  q25: Float64Array;
  q75: Float64Array;
  /** 5th and 95th percentiles (the 90 % band). */
  q05: Float64Array;
  q95: Float64Array;
}

export function bands(runs: ReadonlyArray<Readonly<Columns>>, column = 'X'): Bands {
  const rows = runs.length ? Math.min(...runs.map((r) => r.rows)) : 0;
  const out: Bands = {
    tick: new Float64Array(rows), median: new Float64Array(rows), q25: new Float64Array(rows),
    q75: new Float64Array(rows), q05: new Float64Array(rows), q95: new Float64Array(rows),
  };
  const sample = new Float64Array(runs.length);
  for (let t = 0; t < rows; t++) {
    runs.forEach((r, k) => (sample[k] = r.data[column][t]));
    sample.sort();
    out.tick[t] = runs[0].data.tick[t];
    out.median[t] = quantileSorted(sample, 0.5);
    out.q25[t] = quantileSorted(sample, 0.25);
    out.q75[t] = quantileSorted(sample, 0.75);
    out.q05[t] = quantileSorted(sample, 0.05);
    out.q95[t] = quantileSorted(sample, 0.95);
  }
  return out;
}

/** Options of `replicates`: the number of runs and the sessions' options (each replicate's seed derives from the scenario's). */
export type ReplicateOptions = { runs: number } & Omit<SessionOptions, 'run' | 'seed' | 'from'>;

/**
 * Replicates 0…runs−1 of a scenario as run sessions, each opened only when the caller reaches it
 * (so a shell that streams keeps one run in memory). Replicate r's seed is
 * `replicateSeed(scenario.seed, r)`; paired comparisons use the same replicates of two scenarios.
 */
export function* replicates(scenario: ScenarioData, o: ReplicateOptions): Generator<RunSession> {
  const { runs, ...session } = o;
  for (let r = 0; r < runs; r++) yield openRun(scenario, { ...session, run: r });
}

/** The seeds of replicates 0…runs−1 of a scenario. */
export function replicateSeeds(scenario: ScenarioData, runs: number): number[] {
  return Array.from({ length: runs }, (_, r) => replicateSeed(scenario.seed, r));
}
