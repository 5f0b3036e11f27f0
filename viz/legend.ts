import type { Selection } from 'd3';

/** A legend entry: label, colour and swatch shape. */
export interface LegendItem {
  label: string;
  color: string;
  /** 'line' (default), 'area', 'dash', or a marker: 'triangle', 'cross'. */
  kind?: 'line' | 'area' | 'dash' | 'triangle' | 'cross';
}

// Width estimated from character count (11 px system font): getBBox is unavailable outside a
// rendered page and would force a layout on every redraw.
const itemWidth = (it: LegendItem) => 26 + it.label.length * 6.6 + 18;

/** Height in px that `legend` will take for these items within `maxWidth`, so charts can make room first. */
export function legendHeight(items: LegendItem[], maxWidth: number): number {
  let cx = 0;
  let rows = items.length ? 1 : 0;
  for (const it of items) {
    const w = itemWidth(it);
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      rows++;
    }
    cx += w;
  }
  return rows * 16;
}

/** Draws a horizontal, wrapping legend at (x, y) within `maxWidth`; returns its height in px. */
export function legend(g: Selection<SVGGElement, unknown, null, undefined>, items: LegendItem[], x: number, y: number, maxWidth: number): number {
  const root = g.append('g').attr('class', 'legend').attr('transform', `translate(${x},${y})`);
  let cx = 0;
  let cy = 0;
  for (const it of items) {
    const w = itemWidth(it);
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      cy += 16;
    }
    const item = root.append('g').attr('transform', `translate(${cx},${cy})`);
    if (it.kind === 'triangle') item.append('path').attr('d', 'M10,4l-5,-9h10z').attr('fill', it.color).attr('stroke', '#000');
    else if (it.kind === 'cross') item.append('path').attr('d', 'M5,-5l10,10m0,-10l-10,10').attr('stroke', it.color).attr('stroke-width', 2.5);
    else if (it.kind === 'area') item.append('rect').attr('y', -6).attr('width', 20).attr('height', 10).attr('fill', it.color).attr('opacity', 0.5);
    else item.append('line').attr('x1', 0).attr('x2', 20).attr('stroke', it.color).attr('stroke-width', 2.5).attr('stroke-dasharray', it.kind === 'dash' ? '4,3' : null);
    item.append('text').attr('x', 26).attr('dy', '0.32em').attr('font-size', 11).text(it.label);
    cx += w;
  }
  return cy + 16;
}
