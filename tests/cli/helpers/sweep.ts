import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromRoot } from './detente';

/** The tests' experiment: 12 points × 3 replicates of a small scenario, 60 ticks, with series. */
export const TINY = fromRoot('tests/fixtures/sweep/tiny.json');
export const TINY_RUNS = 36;

/** The tables a sweep writes, compared byte for byte between sweeps; the manifest differs by design. */
export const TABLES = ['runs.csv', 'series.csv', 'failures.csv', 'runs.parquet', 'series.parquet'] as const;

/** A new temporary directory. */
export const tempDir = (prefix: string) => mkdtempSync(join(tmpdir(), `detente-${prefix}-`));

/** The bytes of each table in `dir` (null where missing). */
export function tables(dir: string): Record<string, Buffer | null> {
  return Object.fromEntries(TABLES.map((t) => [t, existsSync(join(dir, t)) ? readFileSync(join(dir, t)) : null]));
}

/** The data lines of a CSV file (its header dropped). */
export function dataLines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').slice(1, -1);
}
