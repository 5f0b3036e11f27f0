import { metricName } from '../../../sim/experiments/experiment';
import { runKey, type ManifestHead } from '../../../sim/experiments/sweepManifest';
import { numberCell, parseLine } from '../../../sim/experiments/sweepTable';
import type { DataTable } from '../../../sim/experiments/analyze';
import { MIN_RUNS_FOR_INTERVAL } from '../../../sim/compare/index';
import { meanCI, wilson, type Estimate } from '../../../sim/stats/index';

/**
 * An exploration's results as the charts read them, whether the page ran it or a finished sweep
 * was opened: the manifest's head (experiment, design table, seeds) and each finished run's
 * metrics, by run key (point × replicates + replicate).
 */
export interface ExploreData {
  head: ManifestHead;
  /** Metric names, in the experiment's order (the runs table's columns after the factors). */
  metrics: string[];
  /** Each finished run's metric values (null where undefined), by run key. */
  runs: Map<number, Array<number | null>>;
  /** Runs the design has: points × replicates. */
  total: number;
}

/** An empty exploration of `head`. */
export function emptyData(head: ManifestHead): ExploreData {
  return { head, metrics: head.experiment.metrics.map(metricName), runs: new Map(), total: head.design.points.length * head.replicates };
}

/** Adds a finished run from its runs.csv line (point, replicate, seed, the factors, the metrics). */
export function addRunLine(data: ExploreData, line: string): void {
  const cells = parseLine(line.endsWith('\n') ? line.slice(0, -1) : line);
  const k = data.head.design.factors.length;
  data.runs.set(runKey(Number(cells[0]), Number(cells[1]), data.head.replicates), cells.slice(3 + k).map(numberCell));
}

const cellNumber = (x: unknown): number | null => (x === null || x === undefined || x === '' ? null : typeof x === 'bigint' ? Number(x) : Number(x));

/** The runs of a finished sweep's runs table (CSV cells as text, Parquet's as numbers). */
export function dataFromTable(head: ManifestHead, table: DataTable): ExploreData {
  const data = emptyData(head);
  const { point, replicate } = table.columns;
  const columns = data.metrics.map((m) => table.columns[m]);
  for (let r = 0; r < table.rows; r++) {
    data.runs.set(runKey(Number(cellNumber(point[r])), Number(cellNumber(replicate[r])), head.replicates), columns.map((c) => (c ? cellNumber(c[r]) : null)));
  }
  return data;
}

/** The runs table of the data for `detente analyze`'s analyses: point and one metric. */
export function analysisTable(data: ExploreData, metric: string): DataTable {
  const j = data.metrics.indexOf(metric);
  const point: number[] = [];
  const values: Array<number | null> = [];
  for (const [key, v] of data.runs) {
    point.push(Math.floor(key / data.head.replicates));
    values.push(v[j]);
  }
  return { names: ['point', metric], columns: { point, [metric]: values }, rows: point.length };
}

/** Metrics that are 1 or 0 per run: their point estimate is a share with Wilson's interval. */
const SHARES = new Set(['deescalated', 'relapse10y']);

/** An estimate of a metric over some runs: mean (or share) with its 95 % interval; no interval below MIN_RUNS_FOR_INTERVAL. */
export interface GroupEstimate extends Estimate {
  /** Whether `lo` and `hi` are an interval (enough runs). */
  interval: boolean;
}

/** The distinct values of factor `j` over the design, in the order they first appear (a grid's levels, in order). */
export function factorLevels(data: ExploreData, j: number): Array<number | string> {
  return [...new Set(data.head.design.points.map((p) => p.values[j]))];
}

/**
 * The estimate of `metric` at each combination of the levels of `factors` (indices into the
 * design's factors), over the finished runs there that define it — averaged over the other
 * factors, if any: a share with Wilson's interval for a 0/1 metric, else the mean with its
 * t-interval. Keyed by the levels joined with "|"; combinations with no such run are absent.
 * `scale` multiplies the values (ticks to years).
 */
export function groupEstimates(data: ExploreData, metric: string, factors: readonly number[], scale = 1): Map<string, GroupEstimate> {
  const j = data.metrics.indexOf(metric);
  const R = data.head.replicates;
  const keys = data.head.design.points.map((p) => factors.map((f) => String(p.values[f])).join('|'));
  const groups = new Map<string, number[]>();
  for (const [key, v] of data.runs) {
    const x = v[j];
    if (x === null || x === undefined) continue;
    const g = keys[Math.floor(key / R)];
    if (g === undefined) continue;
    let xs = groups.get(g);
    if (!xs) groups.set(g, (xs = []));
    xs.push(x * scale);
  }
  const out = new Map<string, GroupEstimate>();
  for (const [g, xs] of groups) {
    const e = SHARES.has(metric) ? wilson(xs.filter((x) => x === 1).length, xs.length) : meanCI(xs);
    out.set(g, { ...e, interval: e.n >= MIN_RUNS_FOR_INTERVAL });
  }
  return out;
}
