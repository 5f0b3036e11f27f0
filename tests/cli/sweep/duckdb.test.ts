import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { mainIn } from '../helpers/detente';
import { tempDir, TINY, TINY_RUNS } from '../helpers/sweep';

/* A sweep's Parquet files as another program reads them: DuckDB, against the CSV files. */

const tmp = tempDir('duckdb');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const TIMEOUT = 120_000;

describe('a sweep\'s Parquet files', () => {
  it('DuckDB reads runs.parquet and series.parquet with the CSV files\' rows, types and nulls', async () => {
    const out = join(tmp, 'sweep');
    expect((await mainIn(['sweep', TINY, '--out', out, '--workers', '2'])).code).toBe(0);
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    const rows = async (sql: string) => (await c.runAndReadAll(sql)).getRowObjectsJson();
    const f = (name: string) => `'${join(out, name).replaceAll("'", "''")}'`;
    const types = await rows(`DESCRIBE SELECT * FROM ${f('runs.parquet')}`);
    expect(types.map((t) => `${t.column_name} ${t.column_type}`)).toEqual([
      'point INTEGER', 'replicate INTEGER', 'seed BIGINT', 't2capacity DOUBLE', 't2entry VARCHAR', 'population DOUBLE',
      ...['peakX', 'areaX', 'deescalated', 'timeToDeescalation', 'finalX', 'settlements', 'collapses', 'relapse10y', 'mean_B', 'max_H_Rebels'].map((m) => `${m} DOUBLE`),
    ]);
    // every row and cell the same, nulls where the CSV has empty cells; read with the Parquet file's types
    for (const [table, parquet] of [['runs.csv', 'runs.parquet'], ['series.csv', 'series.parquet']]) {
      const described = await rows(`DESCRIBE SELECT * FROM ${f(parquet)}`);
      const csv = `read_csv(${f(table)}, header = true, columns = {${described.map((d) => `'${d.column_name}': '${d.column_type}'`).join(', ')}})`;
      const a = await rows(`SELECT count(*) AS n FROM (SELECT * FROM ${f(parquet)} EXCEPT ALL SELECT * FROM ${csv})`);
      const b = await rows(`SELECT count(*) AS n FROM (SELECT * FROM ${csv} EXCEPT ALL SELECT * FROM ${f(parquet)})`);
      expect([a[0].n, b[0].n], table).toEqual(['0', '0']);
    }
    const counts = await rows(`SELECT count(*) AS n, count(timeToDeescalation) AS defined, count(*) FILTER (WHERE relapse10y IS NULL) AS nulls FROM ${f('runs.parquet')}`);
    expect(counts[0].n).toBe(String(TINY_RUNS));
    expect(counts[0].nulls).toBe(String(TINY_RUNS)); // 60 ticks: never ten years of follow-up
    const series = await rows(`SELECT count(*) AS n, count(DISTINCT "column") AS columns, max(tick) AS last FROM ${f('series.parquet')}`);
    expect(series[0]).toEqual({ n: String(TINY_RUNS * 8), columns: '2', last: 60 });
    c.closeSync();
  }, TIMEOUT);
});
