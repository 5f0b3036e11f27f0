import { assertFinite } from '../assertFinite';
import { openRun } from '../session';
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
 * `replicate`, with seed replicateSeed(scenario.seed, replicate): one run session, advanced to the
 * end without collecting model events — and keeps its metrics and series. Throws if the run fails
 * (or would write a non-finite number).
 */
export function sweepRun(scenario: ScenarioData, replicate: number, e: Pick<ExperimentData, 'metrics' | 'series'>): SweepRunResult {
  return finish(sweepRunSteps(scenario, replicate, e, Infinity));
}

/** Drives a generator of steps to its end and returns its value. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * `sweepRun` in pieces: the run advances `sliceTicks` ticks between yields, so a shell that must
 * answer messages meanwhile (a browser worker) can pause between them. The result is the same
 * however the run is cut.
 */
export function* sweepRunSteps(scenario: ScenarioData, replicate: number, e: Pick<ExperimentData, 'metrics' | 'series'>, sliceTicks: number): Generator<void, SweepRunResult> {
  const session = openRun(scenario, { run: replicate, events: false });
  for (;;) {
    session.advance(sliceTicks);
    if (session.done) break;
    yield;
  }
  const cols = session.columns;
  assertFinite(cols, replicate);
  const metrics = runMetrics(scenario, { columns: cols, signings: session.state.signings, summary: session.summary() }, e.metrics);
  if (!e.series) return { seed: session.seed, metrics };
  const rows = seriesRows(cols.rows, e.series.every);
  const pick = (name: string) => Float64Array.from(rows, (r) => cols.data[name][r]);
  const columns: Record<string, Float64Array> = {};
  for (const c of e.series.columns) columns[c] = pick(c);
  return { seed: session.seed, metrics, series: { ticks: pick('tick'), columns } };
}
