import { assertFinite } from '../assertFinite';
import { run } from '../run';
import type { ScenarioData } from '../scenario/schema';
import type { ExperimentData } from './experiment';
import { runMetrics, seriesRows } from './metrics';
import type { Series } from './sweepTable';

/** What a sweep keeps of one run. */
export interface SweepRunResult {
  seed: number;
  metrics: Array<number | null>;
  series?: Series;
}

/**
 * Runs replicate `replicate` of a point's scenario — the run `detente run` makes as its run
 * `replicate`, with seed replicateSeed(scenario.seed, replicate) — and keeps its metrics and series.
 * Throws if the run fails (or would write a non-finite number).
 */
export function sweepRun(scenario: ScenarioData, replicate: number, e: Pick<ExperimentData, 'metrics' | 'series'>): SweepRunResult {
  const res = run(scenario, { run: replicate });
  assertFinite(res.columns, replicate);
  const metrics = runMetrics(scenario, { columns: res.columns, signings: res.state.signings }, e.metrics);
  if (!e.series) return { seed: res.seed, metrics };
  const rows = seriesRows(res.columns.rows, e.series.every);
  const pick = (name: string) => Float64Array.from(rows, (r) => res.columns.data[name][r]);
  const columns: Record<string, Float64Array> = {};
  for (const c of e.series.columns) columns[c] = pick(c);
  return { seed: res.seed, metrics, series: { ticks: pick('tick'), columns } };
}
