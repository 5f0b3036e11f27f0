import { readFile } from 'node:fs/promises';
import { AnalysisError } from '../sim/experiments/analysisError';
import type { DataTable } from '../sim/experiments/analyze';
import { dataTable } from '../sim/experiments/dataTable';
import { InputError } from './command';

const READ_ERRORS: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a directory, not a file', EACCES: 'permission denied' };

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new InputError([`${file}: cannot read: ${READ_ERRORS[code] ?? (e as Error).message}`]);
  }
}

/** Reads a data table: Parquet when the file is one (by its magic bytes), CSV with a header line otherwise. */
export async function readTable(file: string): Promise<DataTable> {
  const bytes = await readBytes(file);
  try {
    return await dataTable(file, bytes);
  } catch (e) {
    if (e instanceof AnalysisError) throw new InputError([e.message]);
    throw e;
  }
}
