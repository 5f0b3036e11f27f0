import type { Selection } from 'd3';

/** A legend entry: label, colour and swatch shape. */
export interface LegendItem {
  label: string;
  color: string;
  /** 'line' (default), 'area' or 'dash'. */
  kind?: 'line' | 'area' | 'dash';
}

/** Draws a horizontal, wrapping legend at (x, y) within `maxWidth`; returns its height in px. */
export function legend(g: Selection<SVGGElement, unknown, null, undefined>, items: LegendItem[], x: number, y: number, maxWidth: number): number {
  const root = g.append('g').attr('class', 'legend').attr('transform', `translate(${x},${y})`);
  let cx = 0;
  let cy = 0;
  for (const it of items) {
    // Width estimated from character count: getBBox is unavailable outside a rendered page.
    const w = 26 + it.label.length * 6.6 + 18;
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      cy += 16;
    }
    const item = root.append('g').attr('transform', `translate(${cx},${cy})`);
    if (it.kind === 'area') item.append('rect').attr('y', -6).attr('width', 20).attr('height', 10).attr('fill', it.color).attr('opacity', 0.5);
    else item.append('line').attr('x1', 0).attr('x2', 20).attr('stroke', it.color).attr('stroke-width', 2.5).attr('stroke-dasharray', it.kind === 'dash' ? '4,3' : null);
    item.append('text').attr('x', 26).attr('dy', '0.32em').attr('font-size', 11).text(it.label);
    cx += w;
  }
  return cy + 16;
}
