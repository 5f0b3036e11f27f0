import { csvParseRows } from 'd3-dsv';
import { AnalysisError } from './analysisError';
import type { DataTable } from './analyze';

/*
 * A data table from a file's bytes: Parquet when the bytes are one (by their magic bytes), CSV
 * with a header line otherwise. Pure: `detente analyze` reads files with it, and the web app the
 * files a user opens (a sweep's runs.csv or runs.parquet).
 */

/** Parquet files start and end with the magic bytes "PAR1". */
export function isParquet(bytes: Uint8Array): boolean {
  const magic = (at: number) => bytes[at] === 0x50 && bytes[at + 1] === 0x41 && bytes[at + 2] === 0x52 && bytes[at + 3] === 0x31;
  return bytes.length >= 8 && magic(0) && magic(bytes.length - 4);
}

/** A CSV text with a header line as a table; a ragged row is an AnalysisError naming the file and line. */
export function csvDataTable(file: string, text: string): DataTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = csvParseRows(text).filter((r) => !(r.length === 1 && r[0] === ''));
  if (!rows.length) throw new AnalysisError(`${file}: the file is empty (a CSV needs a header line)`);
  const [names, ...body] = rows;
  const bad = body.findIndex((r) => r.length !== names.length);
  if (bad >= 0) throw new AnalysisError(`${file}:${bad + 2}: ${body[bad].length} cells, but the header has ${names.length}`);
  const columns: Record<string, string[]> = {};
  names.forEach((n, j) => (columns[n] = body.map((r) => r[j])));
  return { names, columns, rows: body.length };
}

/** A Parquet file as a table; one that cannot be read is an AnalysisError naming the file. */
export async function parquetDataTable(file: string, bytes: Uint8Array): Promise<DataTable> {
  const { parquetMetadata, parquetReadObjects, parquetSchema } = await import('hyparquet');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const names = parquetSchema(parquetMetadata(buffer)).children.map((c) => c.element.name);
    const rows = (await parquetReadObjects({ file: buffer })) as Array<Record<string, unknown>>;
    const columns: Record<string, unknown[]> = {};
    for (const n of names) columns[n] = rows.map((r) => r[n]);
    return { names, columns, rows: rows.length };
  } catch (e) {
    throw new AnalysisError(`${file}: cannot read as Parquet: ${(e as Error).message}`);
  }
}

/** Reads a data table from a file's bytes (Parquet or CSV, by the bytes). */
export function dataTable(file: string, bytes: Uint8Array): Promise<DataTable> {
  return isParquet(bytes) ? parquetDataTable(file, bytes) : Promise.resolve(csvDataTable(file, new TextDecoder().decode(bytes)));
}
