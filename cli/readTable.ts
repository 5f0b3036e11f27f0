import { readFile } from 'node:fs/promises';
import { csvParseRows } from 'd3-dsv';
import type { DataTable } from '../sim/experiments/analyze';
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

/** Parquet files start and end with the magic bytes "PAR1". */
function isParquet(bytes: Buffer): boolean {
  return bytes.length >= 8 && bytes.toString('latin1', 0, 4) === 'PAR1' && bytes.toString('latin1', bytes.length - 4) === 'PAR1';
}

function csvTable(file: string, text: string): DataTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = csvParseRows(text).filter((r) => !(r.length === 1 && r[0] === ''));
  if (!rows.length) throw new InputError([`${file}: the file is empty (a CSV needs a header line)`]);
  const [names, ...body] = rows;
  const bad = body.findIndex((r) => r.length !== names.length);
  if (bad >= 0) throw new InputError([`${file}:${bad + 2}: ${body[bad].length} cells, but the header has ${names.length}`]);
  const columns: Record<string, string[]> = {};
  names.forEach((n, j) => (columns[n] = body.map((r) => r[j])));
  return { names, columns, rows: body.length };
}

async function parquetTable(file: string, bytes: Buffer): Promise<DataTable> {
  const { parquetMetadata, parquetReadObjects, parquetSchema } = await import('hyparquet');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const names = parquetSchema(parquetMetadata(buffer)).children.map((c) => c.element.name);
    const rows = (await parquetReadObjects({ file: buffer })) as Array<Record<string, unknown>>;
    const columns: Record<string, unknown[]> = {};
    for (const n of names) columns[n] = rows.map((r) => r[n]);
    return { names, columns, rows: rows.length };
  } catch (e) {
    throw new InputError([`${file}: cannot read as Parquet: ${(e as Error).message}`]);
  }
}

/** Reads a data table: Parquet when the file is one (by its magic bytes), CSV with a header line otherwise. */
export async function readTable(file: string): Promise<DataTable> {
  const bytes = await readBytes(file);
  return isParquet(bytes) ? parquetTable(file, bytes) : csvTable(file, bytes.toString('utf8'));
}
