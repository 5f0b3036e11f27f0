import type { SimState } from '../state';
import type { Column, ObserveContext } from './observedColumns';

/** Result columns: one Float64Array per column name, all of the same length (rows). */
export interface Columns {
  names: string[];
  data: Record<string, Float64Array>;
  rows: number;
}

/** Empty columns with room for `rows` rows. */
export function createColumns(names: string[], rows: number): Columns {
  const data: Record<string, Float64Array> = {};
  for (const n of names) data[n] = new Float64Array(rows);
  return { names, data, rows: 0 };
}

/** What `observe` records: the column table (see observedColumns) and what its readers need. */
export interface ObserveOptions extends ObserveContext {
  columns: readonly Column[];
}

/** Appends the observation of `state` (MODEL.md §8) as the next row: each column's reader, in order. */
export function observe(cols: Columns, state: Readonly<SimState>, o: ObserveOptions): void {
  const r = cols.rows++;
  for (const c of o.columns) cols.data[c.name][r] = c.read(state, o);
}
