import type { Columns } from '../../sim/index';

/** The range every value of a result column must lie in (MODEL.md §8), by column name. */
function rangeOf(name: string): { lo: number; hi: number; integer?: boolean } {
  if (['run', 'seed', 'tick', 'settlements', 'collapses'].includes(name)) return { lo: 0, hi: Number.MAX_SAFE_INTEGER, integer: true };
  if (name === 'trackOne') return { lo: 0, hi: 2, integer: true };
  if (name === 'stage') return { lo: 1, hi: 9, integer: true };
  if (name === 'incidents' || name === 'B') return { lo: 0, hi: Number.MAX_VALUE };
  // hate media's achievement is negative; the power base B itself is floored at 0
  if (name.startsWith('B_track')) return { lo: -Number.MAX_VALUE, hi: Number.MAX_VALUE };
  if (name.startsWith('power_')) return { lo: 1e-12, hi: 1e12 };
  return { lo: 0, hi: 1 };
}

/** The first value of `cols` that is not finite or is outside its column's range, described; undefined if none. */
export function columnViolation(cols: Readonly<Columns>): string | undefined {
  for (const name of cols.names) {
    const { lo, hi, integer } = rangeOf(name);
    const col = cols.data[name];
    for (let r = 0; r < cols.rows; r++) {
      const x = col[r];
      if (!Number.isFinite(x) || x < lo || x > hi || (integer && !Number.isInteger(x))) {
        return `column ${name} is ${x} at row ${r} (expected ${integer ? 'a whole number ' : ''}in [${lo}, ${hi}])`;
      }
    }
  }
  return undefined;
}
