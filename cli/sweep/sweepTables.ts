import { closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileWriter } from 'hyparquet-writer';
import type { ExperimentData } from '../../sim/experiments/experiment';
import { parquetTable, type ParquetColumn, type ParquetTable } from '../../sim/experiments/parquetTable';
import { FAILURES_COLUMNS, headerLine, runsColumns, SERIES_COLUMNS } from '../../sim/experiments/sweepTable';
import { runsParquetColumns, runsParquetRow, SERIES_PARQUET, seriesParquetRow } from '../../sim/experiments/sweepParquet';
import { runKey } from '../../sim/experiments/sweepManifest';
import { InputError } from '../command';
import { openBuffered, readSlice, scanLines } from './lineFile';
import { SWEEP_FILES } from './sweepDir';

/*
 * The tables of one or more sweep directories, indexed by run, and rewritten in (point, replicate)
 * order: what a sweep does when it completes, and what `merge` does with shards. The output
 * depends only on the set of runs, never on the order they finished in or on how they were split,
 * so a sweep run whole and the same sweep run in shards and merged give the same bytes.
 */

/** Where a run's lines are: which source directory, at which bytes. */
interface Slice {
  src: number;
  offset: number;
  length: number;
}

export { runKey };

/** The runs of some sweep directories: finished runs (runs.csv), their series, and failures. */
export interface SweepIndex {
  dirs: string[];
  replicates: number;
  runs: Map<number, Slice & { seed: number }>;
  series: Map<number, Slice>;
  /** Failed runs that finished nowhere, with their failures.csv line. */
  failures: Map<number, { line: string; seed: number }>;
}

/** point, replicate, seed from the start of a line (they are whole numbers, never quoted). */
function lead(text: string): [number, number, number] {
  const a = text.indexOf(',');
  const b = text.indexOf(',', a + 1);
  const c = text.indexOf(',', b + 1);
  return [Number(text.slice(0, a)), Number(text.slice(a + 1, b)), Number(text.slice(b + 1, c < 0 ? undefined : c))];
}

function checkHeader(file: string, found: string | undefined, expected: readonly string[]): void {
  if (found !== undefined && `${found}\n` !== headerLine(expected)) {
    throw new InputError([`${file}: its header is not this experiment's (expected ${JSON.stringify(headerLine(expected).trimEnd())}, found ${JSON.stringify(found)})`]);
  }
}

/**
 * Indexes the runs of `dirs` (runs.csv, series.csv, failures.csv in each). A run finished in two
 * directories must have the same row there (else an InputError: the results disagree); its
 * series are taken from the last complete block of lines written for it. A failure counts only for
 * a run that finished nowhere.
 */
export function indexSweep(dirs: readonly string[], e: Pick<ExperimentData, 'factors' | 'metrics' | 'replicates'>): SweepIndex {
  const R = e.replicates;
  const index: SweepIndex = { dirs: [...dirs], replicates: R, runs: new Map(), series: new Map(), failures: new Map() };
  const fds = dirs.map((d) => (existsSync(join(d, SWEEP_FILES.runs)) ? openSync(join(d, SWEEP_FILES.runs), 'r') : -1));
  try {
    dirs.forEach((dir, src) => {
      const file = join(dir, SWEEP_FILES.runs);
      if (fds[src] < 0) return;
      const { header } = scanLines(file, ({ text, offset, length }) => {
        const [point, replicate, seed] = lead(text);
        const key = runKey(point, replicate, R);
        const prior = index.runs.get(key);
        if (prior && !readSlice(fds[prior.src], prior.offset, prior.length).equals(readSlice(fds[src], offset, length))) {
          throw new InputError([`point ${point} replicate ${replicate}: ${join(dirs[prior.src], SWEEP_FILES.runs)} and ${file} hold different results for the same run`]);
        }
        if (!prior) index.runs.set(key, { src, offset, length, seed });
      });
      checkHeader(file, header, runsColumns(e));
    });
  } finally {
    for (const fd of fds) if (fd >= 0) closeSync(fd);
  }
  dirs.forEach((dir, src) => {
    const file = join(dir, SWEEP_FILES.series);
    if (!existsSync(file)) return;
    // a run's series lines are written in one piece: consecutive lines of one key are its block
    let open: (Slice & { key: number }) | undefined;
    const close = () => {
      if (open && index.runs.has(open.key)) index.series.set(open.key, { src: open.src, offset: open.offset, length: open.length });
      open = undefined;
    };
    const { header } = scanLines(file, ({ text, offset, length }) => {
      const [point, replicate] = lead(text);
      const key = runKey(point, replicate, R);
      if (open && open.key === key && open.offset + open.length === offset) open.length += length;
      else {
        close();
        open = { key, src, offset, length };
      }
    });
    close();
    checkHeader(file, header, SERIES_COLUMNS);
  });
  dirs.forEach((dir) => {
    const file = join(dir, SWEEP_FILES.failures);
    if (!existsSync(file)) return;
    const { header } = scanLines(file, ({ text }) => {
      const [point, replicate, seed] = lead(text);
      const key = runKey(point, replicate, R);
      if (!index.runs.has(key)) index.failures.set(key, { line: text, seed });
    });
    checkHeader(file, header, FAILURES_COLUMNS);
  });
  // a run that failed in one directory and finished in another finished
  for (const key of index.failures.keys()) if (index.runs.has(key)) index.failures.delete(key);
  return index;
}

/** Options of `writeTables`. */
export interface WriteTablesOptions {
  /**
   * Also write runs.parquet and series.parquet (when the sweep is complete, and by merge), with
   * this created_by (e.g. "Détente 0.1.0").
   */
  parquet?: { createdBy: string };
}

/**
 * Writes runs.csv, series.csv and failures.csv (and the Parquet files) into `out`, every table in
 * (point, replicate) order, each written beside its final name and renamed over it, so a crash
 * leaves the old file or the new one. `out` may be one of the indexed directories.
 */
export function writeTables(index: SweepIndex, out: string, e: Pick<ExperimentData, 'factors' | 'metrics' | 'series'>, o: WriteTablesOptions): void {
  const sorted = (m: Map<number, unknown>) => [...m.keys()].sort((a, b) => a - b);
  const fds = new Map<string, number>();
  const fdOf = (src: number, name: string) => {
    const file = join(index.dirs[src], name);
    let fd = fds.get(file);
    if (fd === undefined) fds.set(file, (fd = openSync(file, 'r')));
    return fd;
  };
  const renames: Array<[string, string]> = [];
  const target = (name: string) => {
    const file = join(out, name);
    const tmp = `${file}.${process.pid}.tmp`;
    renames.push([tmp, file]);
    return tmp;
  };
  const parquet = (name: string, columns: ParquetColumn[]): ParquetTable | undefined =>
    o.parquet ? parquetTable(fileWriter(target(name)), columns, o.parquet) : undefined;
  try {
    const runColumns = runsParquetColumns(e);
    const runsCSV = openBuffered(target(SWEEP_FILES.runs));
    const runsPQ = parquet(SWEEP_FILES.runsParquet, runColumns);
    runsCSV.write(headerLine(runsColumns(e)));
    for (const key of sorted(index.runs)) {
      const s = index.runs.get(key)!;
      const bytes = readSlice(fdOf(s.src, SWEEP_FILES.runs), s.offset, s.length);
      runsCSV.write(bytes);
      if (runsPQ) {
        runsPQ.push(runsParquetRow(bytes.toString('utf8', 0, bytes.length - 1), runColumns));
      }
    }
    runsCSV.close();
    runsPQ?.finish();

    if (e.series || index.series.size) {
      const seriesCSV = openBuffered(target(SWEEP_FILES.series));
      const seriesPQ = parquet(SWEEP_FILES.seriesParquet, SERIES_PARQUET);
      seriesCSV.write(headerLine(SERIES_COLUMNS));
      for (const key of sorted(index.series)) {
        const s = index.series.get(key)!;
        const bytes = readSlice(fdOf(s.src, SWEEP_FILES.series), s.offset, s.length);
        seriesCSV.write(bytes);
        if (seriesPQ) for (const line of bytes.toString('utf8', 0, bytes.length - 1).split('\n')) seriesPQ.push(seriesParquetRow(line));
      }
      seriesCSV.close();
      seriesPQ?.finish();
    }

    const failures = openBuffered(target(SWEEP_FILES.failures));
    failures.write(headerLine(FAILURES_COLUMNS));
    for (const key of sorted(index.failures)) failures.write(`${index.failures.get(key)!.line}\n`);
    failures.close();
  } catch (err) {
    for (const [tmp] of renames) rmSync(tmp, { force: true });
    throw err;
  } finally {
    for (const fd of fds.values()) closeSync(fd);
  }
  for (const [tmp, file] of renames) renameSync(tmp, file);
}
