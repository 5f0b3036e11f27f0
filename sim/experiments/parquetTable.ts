import { ParquetWriter, schemaFromColumnData, type Writer } from 'hyparquet-writer';

/*
 * A Parquet table written row group by row group, so a table larger than memory streams through.
 * The bytes depend only on the rows: row groups hold exactly `groupRows` rows (the last fewer),
 * and the file carries no time stamp, so the same rows give the same file whoever writes them —
 * a sweep run whole, or in shards and merged. Pure JavaScript (hyparquet-writer): it runs in
 * Node and in a browser worker alike.
 */

/** A column's type: whole numbers (32 or 64 bits), doubles, or UTF-8 text. */
export type ParquetType = 'INT32' | 'INT64' | 'DOUBLE' | 'STRING';

/** A column of the table; `nullable` columns may hold null (an empty CSV cell). */
export interface ParquetColumn {
  name: string;
  type: ParquetType;
  nullable?: boolean;
}

/** A cell as given to `push`: a number (INT64 too: converted), a string, or null. */
export type ParquetCell = number | string | null;

/** Rows per row group by default: large enough for good compression, small enough to stream. */
export const GROUP_ROWS = 65_536;

/** A table being written: push rows in order, then finish. */
export interface ParquetTable {
  push(row: readonly ParquetCell[]): void;
  /** Writes the last row group and the footer. */
  finish(): void;
}

/** Starts a table on `writer` (hyparquet-writer's ByteWriter, or its Node fileWriter). */
export function parquetTable(writer: Writer, columns: readonly ParquetColumn[], o: { createdBy: string; groupRows?: number }): ParquetTable {
  const groupRows = o.groupRows ?? GROUP_ROWS;
  const schema = schemaFromColumnData({ columnData: columns.map((c) => ({ name: c.name, data: [], type: c.type, nullable: Boolean(c.nullable) })) });
  const pq = new ParquetWriter({ writer, schema, createdBy: o.createdBy });
  let buffer: ParquetCell[][] = columns.map(() => []);
  let rows = 0;
  const flush = () => {
    if (!rows) return;
    const columnData = columns.map((c, j) => ({
      name: c.name,
      data: c.type === 'INT64' ? buffer[j].map((x) => (x === null ? null : BigInt(x as number))) : buffer[j],
    }));
    // every write is exactly one row group: its size does not restart a schedule of sizes
    void pq.write({ columnData, rowGroupSize: rows });
    buffer = columns.map(() => []);
    rows = 0;
  };
  return {
    push(row) {
      for (let j = 0; j < columns.length; j++) buffer[j].push(row[j]);
      if (++rows === groupRows) flush();
    },
    finish() {
      flush();
      void pq.finish();
    },
  };
}
