import type { Columns } from './observe/observe';

/**
 * NaN or Infinity must never reach results. The model keeps its state finite for every valid
 * scenario; should it ever fail to, the run stops here with the place named rather than writing
 * a non-number into the data.
 */
export function assertFinite(cols: Readonly<Columns>, run: number): void {
  for (const n of cols.names) {
    const col = cols.data[n];
    for (let t = 0; t < cols.rows; t++) {
      if (!Number.isFinite(col[t])) throw new Error(`run ${run}: column ${n} is ${col[t]} at row ${t} (tick ${cols.data.tick[t]}); the model should never produce this`);
    }
  }
}
