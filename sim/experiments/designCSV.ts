import { csvFormatRows } from 'd3-dsv';
import type { Design } from './design';

/**
 * A design as CSV: `point`, then one column per factor by name, one row per point. Numbers are
 * written in full (shortest round-trip form) so another program evaluates exactly the design's
 * values, and `analyze` can check them back. `from` and `to` pick a range of points, so that a
 * large design is written in pieces (one string of a million points of 40 factors passed V8's
 * limit on strings); the header comes with the piece that starts at point 0.
 */
export function designCSV(design: Design, from = 0, to = design.points.length): string {
  const head = from === 0 ? [['point', ...design.factors.map((f) => f.name)]] : [];
  const rows = design.points.slice(from, to).map((p) => [String(p.point), ...p.values.map(String)]);
  return head.length || rows.length ? csvFormatRows([...head, ...rows]) + '\n' : '';
}
