import type { Columns } from './observe/observe';
import type { ScenarioData } from './scenario/schema';

/** What one run comes to (MODEL.md §8). */
export interface RunSummary {
  run: number;
  seed: number;
  peakX: number;
  /** Area under X over the run, by the trapezoid rule, in X·years. */
  areaX: number;
  /** First tick from which X stays below `deescalated` for `sustain` ticks; null if never. */
  timeToDeescalation: number | null;
  deescalated: boolean;
  settlements: number;
  collapses: number;
  finalX: number;
}

export const SUMMARY_COLUMNS = ['run', 'seed', 'peakX', 'areaX', 'timeToDeescalation', 'deescalated', 'settlements', 'collapses', 'finalX'] as const;

/** What `summarize` reads: the run's identity, its X series and tick column, its final counts, dt and the de-escalation rule. */
export interface SummaryOptions {
  run: number;
  seed: number;
  /** X at the observed ticks (0…T for a whole run). */
  X: ArrayLike<number>;
  tick: ArrayLike<number>;
  settlements: number;
  collapses: number;
  /** Years per tick. */
  dt: number;
  /** X below which the run counts as de-escalated, for `sustain` ticks. */
  deescalated: number;
  sustain: number;
}

/** Summarises a run from its X series and tick column, with the final settlement and collapse counts. */
export function summarize(o: SummaryOptions): RunSummary {
  const { run, seed, X, tick, settlements, collapses } = o;
  const n = X.length;
  let peak = 0;
  let area = 0;
  for (let t = 0; t < n; t++) {
    if (X[t] > peak) peak = X[t];
    if (t > 0) area += ((X[t] + X[t - 1]) / 2) * o.dt;
  }
  let time: number | null = null;
  let below = 0;
  for (let t = 0; t < n; t++) {
    below = X[t] < o.deescalated ? below + 1 : 0;
    if (below >= o.sustain) {
      time = tick[t - o.sustain + 1];
      break;
    }
  }
  return {
    run, seed, peakX: peak, areaX: area, timeToDeescalation: time, deescalated: time !== null,
    settlements, collapses, finalX: n ? X[n - 1] : 0,
  };
}

/** The summary of a run's columns (all of a complete run's rows give the run's summary). */
export function summarizeRun(scenario: ScenarioData, cols: Columns): RunSummary {
  const d = cols.data;
  const last = cols.rows - 1;
  return summarize({
    run: d.run[0] ?? 0, seed: d.seed[0] ?? scenario.seed, X: d.X.subarray(0, cols.rows), tick: d.tick.subarray(0, cols.rows),
    settlements: last >= 0 ? d.settlements[last] : 0, collapses: last >= 0 ? d.collapses[last] : 0,
    dt: 1 / scenario.ticksPerYear, deescalated: scenario.params.deescalated, sustain: scenario.params.sustain,
  });
}
