import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { ByteWriter } from 'hyparquet-writer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parquetTable, type ParquetCell, type ParquetColumn } from '../../../sim/experiments/parquetTable';

const COLUMNS: ParquetColumn[] = [
  { name: 'point', type: 'INT32' },
  { name: 'seed', type: 'INT64' },
  { name: 'entry', type: 'STRING' },
  { name: 'x', type: 'DOUBLE', nullable: true },
];

function write(rows: readonly ParquetCell[][], groupRows?: number): ArrayBuffer {
  const writer = new ByteWriter();
  const t = parquetTable(writer, COLUMNS, { createdBy: 'test', groupRows });
  for (const r of rows) t.push(r);
  t.finish();
  return writer.getBuffer();
}

const row = fc.tuple(
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
  fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  fc.string({ maxLength: 12 }),
  fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
).map((r) => [...r] as ParquetCell[]);

describe('parquetTable', () => {
  it('parquetTable rows read back with hyparquet as written: whole numbers, 64-bit seeds, text, doubles and nulls', async () => {
    await fc.assert(fc.asyncProperty(fc.array(row, { maxLength: 40 }), async (rows) => {
      const back = (await parquetReadObjects({ file: write(rows, 7) })) as Array<Record<string, unknown>>;
      expect(back.map((o) => [o.point, Number(o.seed), o.entry, o.x])).toEqual(rows.map((r) => [r[0], r[1], r[2], r[3] === null ? null : r[3]]));
    }), { numRuns: 40 });
  });

  it('parquetTable writes the same bytes for the same rows: no time stamp, row groups of exactly groupRows', () => {
    const rows: ParquetCell[][] = Array.from({ length: 25 }, (_, i) => [i, 2 ** 32 - 1 - i, ['lull', 'peak', 'immediate'][i % 3], i % 4 ? i / 7 : null]);
    const a = new Uint8Array(write(rows, 10));
    const b = new Uint8Array(write(rows, 10));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const meta = parquetMetadata(a.buffer as ArrayBuffer);
    expect(meta.row_groups.map((g) => Number(g.num_rows))).toEqual([10, 10, 5]);
    expect(meta.created_by).toBe('test');
  });

  it('parquetTable with no rows still writes a readable file with its columns', async () => {
    const buf = write([]);
    expect(await parquetReadObjects({ file: buf })).toEqual([]);
    expect(parquetMetadata(buf).schema.slice(1).map((s) => s.name)).toEqual(COLUMNS.map((c) => c.name));
  });
});
