import type { ScaleLinear, Selection } from 'd3';

/** Rows of marker labels at most. */
const MAX_ROWS = 3;

/** A marked moment: its time (x, in years), a short label drawn on the chart and a longer text for the tooltip. */
export interface ChartMarker {
  x: number;
  label: string;
  title?: string;
}

/**
 * Draws each marker as a dashed vertical line over the plot's height with its label at the top;
 * a label that would run into the previous one on its row goes on the next row down, and past
 * MAX_ROWS rows the line is drawn without a label (its tooltip keeps the text), so that a busy
 * run's labels do not cover the chart.
 */
export function drawMarkers(plot: Selection<SVGGElement, unknown, null, undefined>, x: ScaleLinear<number, number>, height: number, markers: readonly ChartMarker[]): void {
  const g = plot.append('g').attr('class', 'markers');
  const rowEnds: number[] = [];
  for (const mk of [...markers].sort((a, b) => a.x - b.x)) {
    const px = x(mk.x);
    let row = rowEnds.findIndex((end) => end < px);
    if (row < 0) row = rowEnds.length;
    const m = g.append('g').attr('class', 'marker').attr('transform', `translate(${px},0)`);
    m.append('line').attr('y1', 0).attr('y2', height).attr('stroke', '#333').attr('stroke-dasharray', '2,3').attr('opacity', 0.6);
    if (row < MAX_ROWS && 10 + 11 * row < height) {
      rowEnds[row] = px + 6 + mk.label.length * 5.6;
      m.append('text').attr('y', 10 + 11 * row).attr('x', 3).attr('font-size', 10).attr('fill', '#222').text(mk.label);
    }
    m.append('title').text(mk.title ?? mk.label);
  }
}
