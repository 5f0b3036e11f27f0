import { ByteWriter } from 'hyparquet-writer';
import { parquetTable, type ParquetColumn } from './parquetTable';
import { SWEEP_FILES } from './sweepFiles';
import { manifestText, manifestWith, runKey, type Manifest, type ManifestHead } from './sweepManifest';
import type { SweepTaskResult } from './sweepTask';
import { runsParquetColumns, runsParquetRow, SERIES_PARQUET, seriesParquetRow } from './sweepParquet';
import { FAILURES_COLUMNS, headerLine, runsColumns, SERIES_COLUMNS } from './sweepTable';

/** A finished run: its runs.csv line and series.csv lines (each ending in a newline) and its seed. */
export interface RunRecord {
  line: string;
  series: string;
  seed: number;
}

/** A failed run: its failures.csv line (ending in a newline) and its seed. */
export interface FailureRecord {
  line: string;
  seed: number;
}

/** A sweep's runs held in memory, by `runKey`: each finished run, and each failed run that finished nowhere. */
export interface SweepRecords {
  runs: ReadonlyMap<number, RunRecord>;
  failures: ReadonlyMap<number, FailureRecord>;
}

/** An output file: its name in the sweep's directory and its content. */
export interface SweepFile {
  name: string;
  data: string | Uint8Array;
}

/** point, replicate and seed: the first three cells of every table's line (whole numbers, never quoted). */
function lead(line: string): [number, number, number] {
  const [point, replicate, seed] = line.split(',', 3).map(Number);
  return [point, replicate, seed];
}

/** Files a task's result in `records`, under its run's key; a finished run clears an earlier failure of the same run. */
export function recordResult(records: { runs: Map<number, RunRecord>; failures: Map<number, FailureRecord> }, r: SweepTaskResult, replicates: number): void {
  const [point, replicate, seed] = lead(r.ok ? r.run : r.line);
  const key = runKey(point, replicate, replicates);
  if (r.ok) {
    records.runs.set(key, { line: r.run, series: r.series, seed });
    records.failures.delete(key);
  } else if (!records.runs.has(key)) {
    records.failures.set(key, { line: r.line, seed });
  }
}

const inOrder = <T>(m: ReadonlyMap<number, T>): T[] => [...m.keys()].sort((a, b) => a - b).map((k) => m.get(k)!);
/** A line or block of lines without its final newline, as lines. */
const linesOf = (text: string): string[] => text.slice(0, -1).split('\n');

function parquetBytes(columns: readonly ParquetColumn[], rows: Iterable<ReturnType<typeof runsParquetRow>>, createdBy: string): Uint8Array {
  const writer = new ByteWriter();
  const t = parquetTable(writer, columns, { createdBy });
  for (const r of rows) t.push(r);
  t.finish();
  return writer.getBytes();
}

/**
 * The files `detente sweep` leaves in its directory for these runs: runs.csv, series.csv (when the
 * experiment keeps series), failures.csv, manifest.json, and — once every run was attempted
 * (`state` complete) — runs.parquet and series.parquet; every table in (point, replicate) order.
 * The same bytes as the command's for the same runs, as they are built from the same lines by the
 * same writers.
 */
export function sweepOutput(head: ManifestHead, records: SweepRecords, o: { state: Manifest['state']; shard?: Manifest['shard'] }): SweepFile[] {
  const e = head.experiment;
  const createdBy = `Détente ${head.detente}`;
  const complete = o.state === 'complete';
  const runs = inOrder(records.runs);
  const files: SweepFile[] = [{ name: SWEEP_FILES.runs, data: headerLine(runsColumns(e)) + runs.map((r) => r.line).join('') }];
  if (complete) {
    const columns = runsParquetColumns(e);
    files.push({ name: SWEEP_FILES.runsParquet, data: parquetBytes(columns, runs.map((r) => runsParquetRow(r.line.slice(0, -1), columns)), createdBy) });
  }
  const series = runs.filter((r) => r.series);
  if (e.series || series.length) {
    files.push({ name: SWEEP_FILES.series, data: headerLine(SERIES_COLUMNS) + series.map((r) => r.series).join('') });
    if (complete) files.push({ name: SWEEP_FILES.seriesParquet, data: parquetBytes(SERIES_PARQUET, series.flatMap((r) => linesOf(r.series).map(seriesParquetRow)), createdBy) });
  }
  files.push({ name: SWEEP_FILES.failures, data: headerLine(FAILURES_COLUMNS) + inOrder(records.failures).map((f) => f.line).join('') });
  files.push({ name: SWEEP_FILES.manifest, data: manifestText(manifestWith(head, { shard: o.shard ?? null, state: o.state, index: { runs: records.runs, failures: records.failures } })) });
  return files;
}
