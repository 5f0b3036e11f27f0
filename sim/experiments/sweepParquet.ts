import type { ExperimentData } from './experiment';
import type { ParquetCell, ParquetColumn } from './parquetTable';
import { numberCell, parseLine, runsColumns } from './sweepTable';

/*
 * How a sweep's CSV lines become Parquet rows: the column types of runs.parquet and
 * series.parquet, and each line's cells converted to them. `detente sweep`, `detente merge` and
 * the web app convert alike, so their Parquet files are the same bytes.
 */

/** Parquet column types of the runs table: factors as numbers unless they take strings, metrics as nullable doubles. */
export function runsParquetColumns(e: Pick<ExperimentData, 'factors' | 'metrics'>): ParquetColumn[] {
  const names = runsColumns(e);
  const k = e.factors.length;
  return names.map((name, j): ParquetColumn => {
    if (j < 2) return { name, type: 'INT32' };
    if (j === 2) return { name, type: 'INT64' };
    if (j < 3 + k) {
      const f = e.factors[j - 3];
      return { name, type: f.values?.some((v) => typeof v === 'string') ? 'STRING' : 'DOUBLE' };
    }
    return { name, type: 'DOUBLE', nullable: true };
  });
}

/** The series table's Parquet columns. */
export const SERIES_PARQUET: ParquetColumn[] = [
  { name: 'point', type: 'INT32' }, { name: 'replicate', type: 'INT32' }, { name: 'seed', type: 'INT64' },
  { name: 'tick', type: 'INT32' }, { name: 'column', type: 'STRING' }, { name: 'value', type: 'DOUBLE' },
];

/** A runs-table line (without its newline) as a Parquet row of `columns` (runsParquetColumns). */
export function runsParquetRow(line: string, columns: readonly ParquetColumn[]): ParquetCell[] {
  return parseLine(line).map((c, j) => (columns[j].type === 'STRING' ? c : j < 3 ? Number(c) : numberCell(c)));
}

/** A series-table line (without its newline) as a Parquet row: split on commas unless a quoted column name holds one. */
export function seriesParquetRow(line: string): ParquetCell[] {
  const c = line.includes('"') ? parseLine(line) : line.split(',');
  return [Number(c[0]), Number(c[1]), Number(c[2]), Number(c[3]), c[4], Number(c[5])];
}
