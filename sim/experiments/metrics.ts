import type { Columns } from '../observe/observe';
import type { ScenarioData } from '../scenario/schema';
import type { ValidationIssue } from '../scenario/validate';
import type { Signing } from '../state';
import { summarizeRun, type RunSummary } from '../summary';
import { metricName, type MetricData } from './experiment';

/*
 * What a sweep records of each run: the run summary's measures, relapse10y, and statistics of
 * output columns, each one number or empty (null) — never NaN — plus the series of chosen columns
 * at every N-th tick. Pure functions of a finished run's columns and settlements.
 */

/** Years of follow-up after which a settlement that has not collapsed counts as having held. */
export const RELAPSE_YEARS = 10;

/**
 * Whether a settlement relapsed within ten years (10 × ticksPerYear ticks): 1 if it collapsed
 * within that time, 0 if it held that long, null if the run ended less than ten years after the
 * signing. The ten years are a fixed window after each signing, so a settlement signed late enters
 * only when its whole window was observed: counting a late signing that happened to collapse
 * early, and dropping the late ones that had not yet, would overstate relapse. The claims
 * (sim/claims/) and the sweeps' relapse10y use this one definition.
 */
export function relapsedWithin(signing: Readonly<Signing>, lastTick: number, ticksPerYear: number): 0 | 1 | null {
  const window = RELAPSE_YEARS * ticksPerYear;
  if (lastTick - signing.tick < window) return null;
  return signing.collapseTick !== null && signing.collapseTick - signing.tick <= window ? 1 : 0;
}

/**
 * relapse10y of a run: `relapsedWithin` of its first settlement; null if there was none or it was
 * signed less than ten years before the run's last tick.
 */
export function relapse10y(signings: ReadonlyArray<Readonly<Signing>>, lastTick: number, ticksPerYear: number): 0 | 1 | null {
  return signings.length ? relapsedWithin(signings[0], lastTick, ticksPerYear) : null;
}

/** A statistic of one output column over a run's rows (all observed ticks, tick 0 included). */
export function columnStat(values: ArrayLike<number>, rows: number, stat: 'mean' | 'max' | 'min' | 'final'): number | null {
  if (rows <= 0) return null;
  if (stat === 'final') return values[rows - 1];
  let acc = stat === 'mean' ? 0 : values[0];
  for (let t = stat === 'mean' ? 0 : 1; t < rows; t++) {
    const x = values[t];
    if (stat === 'mean') acc += x;
    else if (stat === 'max' ? x > acc : x < acc) acc = x;
  }
  return stat === 'mean' ? acc / rows : acc;
}

/** What a metric is computed from: the run's scenario, columns, settlements and summary. */
interface FinishedRun {
  scenario: ScenarioData;
  columns: Columns;
  signings: ReadonlyArray<Readonly<Signing>>;
  summary: RunSummary;
}

type NamedMetric = Extract<MetricData, string>;

/** Each named metric, from a finished run; booleans as 1/0 so every metric is a number column. */
const NAMED: Record<NamedMetric, (r: FinishedRun) => number | null> = {
  peakX: (r) => r.summary.peakX,
  areaX: (r) => r.summary.areaX,
  timeToDeescalation: (r) => r.summary.timeToDeescalation,
  deescalated: (r) => (r.summary.deescalated ? 1 : 0),
  finalX: (r) => r.summary.finalX,
  settlements: (r) => r.summary.settlements,
  collapses: (r) => r.summary.collapses,
  relapse10y: (r) => relapse10y(r.signings, r.columns.data.tick[r.columns.rows - 1] ?? 0, r.scenario.ticksPerYear),
};

/** A number, or null for anything that is not finite: an empty cell, never NaN. */
const cell = (x: number | null): number | null => (x !== null && Number.isFinite(x) ? x : null);

/**
 * The metrics of a finished run, in the order asked: numbers, or null where a metric is
 * undefined for the run (timeToDeescalation of a run that never de-escalated, relapse10y without
 * an observable first settlement). The run's summary is computed from its columns unless given.
 */
export function runMetrics(
  scenario: ScenarioData,
  run: { columns: Columns; signings: ReadonlyArray<Readonly<Signing>>; summary?: RunSummary },
  metrics: readonly MetricData[],
): Array<number | null> {
  const finished: FinishedRun = { scenario, ...run, summary: run.summary ?? summarizeRun(scenario, run.columns) };
  return metrics.map((m) => cell(typeof m === 'string'
    ? NAMED[m](finished)
    : columnStat(run.columns.data[m.column], run.columns.rows, m.stat)));
}

/**
 * The rows of a run's columns that a series every `every` ticks keeps: tick 0, every
 * `every`-th tick after it, and the last tick whether or not it falls on the step.
 */
export function seriesRows(rows: number, every: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < rows; r += every) out.push(r);
  if (rows > 0 && out[out.length - 1] !== rows - 1) out.push(rows - 1);
  return out;
}

/**
 * Problems with an experiment's metrics and series for one scenario: a column statistic or a
 * series naming a column the scenario's runs do not have (columns depend on the party names).
 */
export function outputIssues(columnNames: readonly string[], metrics: readonly MetricData[], series?: { columns: readonly string[] }): ValidationIssue[] {
  const known = new Set(columnNames);
  const list = () => columnNames.filter((n) => !['run', 'seed', 'tick'].includes(n)).join(', ');
  const issues: ValidationIssue[] = [];
  metrics.forEach((m, i) => {
    if (typeof m !== 'string' && !known.has(m.column)) issues.push({ path: `metrics.${i}.column`, message: `"${m.column}" is not an output column of this scenario (${metricName(m)}); the columns are ${list()}` });
  });
  series?.columns.forEach((c, i) => {
    if (!known.has(c)) issues.push({ path: `series.columns.${i}`, message: `"${c}" is not an output column of this scenario; the columns are ${list()}` });
  });
  return issues;
}
