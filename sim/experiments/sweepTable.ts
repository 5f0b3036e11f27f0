import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { metricName, RESERVED_COLUMNS, type ExperimentData } from './experiment';

/*
 * The tables a sweep writes, as CSV lines: runs (one row per point and replicate), series (long
 * format, one row per kept tick and column) and failures. Numbers are written in their shortest
 * round-trip form (String(x)) and read back to the same doubles; an undefined metric is an empty
 * cell. Each function returns whole lines, each ending in a newline, so a file appended line by
 * line is never left with half a row by anything short of a crash mid-write.
 */

/** A cell: a number in full, a string as is (quoted by the CSV writer when needed), null empty. */
type Cell = number | string | null;

const text = (x: Cell): string => (x === null ? '' : String(x));
const lines = (rows: Cell[][]): string => (rows.length ? csvFormatRows(rows.map((r) => r.map(text))) + '\n' : '');

/** The runs table's columns: point, replicate, seed, each factor by name, each metric by name. */
export function runsColumns(e: Pick<ExperimentData, 'factors' | 'metrics'>): string[] {
  return [...RESERVED_COLUMNS, ...e.factors.map((f) => f.name), ...e.metrics.map(metricName)];
}

/** The series table's columns (long format). */
export const SERIES_COLUMNS = ['point', 'replicate', 'seed', 'tick', 'column', 'value'] as const;
/** The failures table's columns. */
export const FAILURES_COLUMNS = ['point', 'replicate', 'seed', 'message'] as const;

/** A header line. */
export function headerLine(columns: readonly string[]): string {
  return lines([columns.slice()]);
}

/** The identity of one run and the seed it ran with. */
export interface RunKey {
  point: number;
  replicate: number;
  seed: number;
}

/** One runs-table line: the run, its point's factor values, its metrics (null → empty). */
export function runLine(k: RunKey, values: ReadonlyArray<number | string>, metrics: ReadonlyArray<number | null>): string {
  return lines([[k.point, k.replicate, k.seed, ...values, ...metrics]]);
}

/** A run's kept series: the ticks kept, and per column its values at those ticks. */
export interface Series {
  ticks: ArrayLike<number>;
  columns: Record<string, ArrayLike<number>>;
}

/** The series-table lines of one run: tick by tick, the columns in the experiment's order. */
export function seriesLines(k: RunKey, series: Series, names: readonly string[]): string {
  const rows: Cell[][] = [];
  for (let i = 0; i < series.ticks.length; i++) {
    for (const c of names) rows.push([k.point, k.replicate, k.seed, series.ticks[i], c, series.columns[c][i]]);
  }
  return lines(rows);
}

/** One failures-table line; the message on one line (line breaks and other control characters become spaces). */
export function failureLine(k: RunKey, message: string): string {
  return lines([[k.point, k.replicate, k.seed, message.replace(/\s*[\u0000-\u001f\u007f]+\s*/g, ' ').trim()]]);
}

/** Cells of one CSV line (without its newline), unquoted. */
export function parseLine(line: string): string[] {
  return csvParseRows(line)[0] ?? [''];
}

/** A numeric cell back to its number; an empty cell to null. */
export function numberCell(s: string): number | null {
  return s === '' ? null : Number(s);
}
