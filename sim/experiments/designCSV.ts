import { csvFormatRows } from 'd3-dsv';
import type { Design } from './design';

/**
 * A design as CSV: `point`, then one column per factor by name, one row per point. Numbers are
 * written in full (shortest round-trip form) so another program evaluates exactly the design's
 * values, and `analyze` can check them back.
 */
export function designCSV(design: Design): string {
  const head = ['point', ...design.factors.map((f) => f.name)];
  return csvFormatRows([head, ...design.points.map((p) => [String(p.point), ...p.values.map(String)])]) + '\n';
}
