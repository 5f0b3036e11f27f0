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

/** Options of `summarize`: dt in years and the de-escalation rule. */
export interface SummaryOptions {
  dt: number;
  deescalated: number;
  sustain: number;
}

/**
 * Summarises a run from its X series (ticks 0…T) and its tick column, with the final settlement
 * and collapse counts.
 */
export function summarize(
  run: number, seed: number, X: ArrayLike<number>, tick: ArrayLike<number>,
  settlements: number, collapses: number, o: SummaryOptions,
): RunSummary {
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
