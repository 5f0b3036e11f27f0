import { csvFormatRows } from 'd3-dsv';
import type { Columns } from './observe/observe';

/**
 * Numbers in their shortest round-trip form (String(x)), never rounded, so Node and the browser
 * write the same bytes. Non-finite values never reach results; if one did, it would show as text.
 */
function cell(x: number): string {
  return String(x);
}

/** The CSV header line (with its newline) for these column names. */
export function csvHeader(names: readonly string[]): string {
  return csvFormatRows([names.slice()]) + '\n';
}

/** CSV body lines (each ending in a newline) for rows `from`…`to` − 1 of these columns. */
export function csvBody(cols: Readonly<Columns>, from = 0, to = cols.rows): string {
  const rows: string[][] = [];
  for (let r = from; r < to; r++) rows.push(cols.names.map((n) => cell(cols.data[n][r])));
  return rows.length ? csvFormatRows(rows) + '\n' : '';
}

/** A whole CSV: header, then every run's rows in order. */
export function toCSV(runs: ReadonlyArray<Readonly<Columns>>): string {
  if (!runs.length) return '';
  return csvHeader(runs[0].names) + runs.map((c) => csvBody(c)).join('');
}

/** CSV of run summaries: one row per run, empty cell for a missing time to de-escalation. */
export function summariesCSV(rows: ReadonlyArray<Record<string, number | boolean | null>>, names: readonly string[]): string {
  return csvFormatRows([names.slice(), ...rows.map((r) => names.map((n) => (r[n] === null ? '' : String(r[n]))))]) + '\n';
}
