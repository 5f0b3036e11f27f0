import { axisBottom, axisLeft, format, interpolateViridis, scaleBand, scaleSequential } from 'd3';
import { chartFrame, type FrameOptions } from './chartFrame';

/** A cell of the heatmap: the outcome's value at a pair of levels and the runs behind it. */
export interface HeatCell {
  value: number;
  n: number;
}

/** An outcome over two factors: the levels of each and the cell at [x][y] (undefined where no run is in yet). */
export interface HeatmapData {
  xLevels: ReadonlyArray<number | string>;
  yLevels: ReadonlyArray<number | string>;
  cells: ReadonlyArray<ReadonlyArray<HeatCell | undefined>>;
}

/** Options of `heatmapChart`: axis labels, the colour domain (default the data's), the value format. */
export interface HeatmapChartOptions extends FrameOptions {
  xLabel?: string;
  yLabel?: string;
  valueLabel?: string;
  domain?: [number, number];
  valueFormat?: (v: number) => string;
}

/**
 * An outcome over a grid of two factors: one cell per pair of levels, coloured by value
 * (viridis, readable in greyscale and by colour-blind readers), with a colour bar. Each cell's
 * value and n are in its <title> (shown on hover) and data attributes; the page puts the same
 * numbers in a table beside it.
 */
export function heatmapChart(container: HTMLElement, data: HeatmapData, o: HeatmapChartOptions = {}): SVGSVGElement {
  const f = chartFrame(container, { height: 300, margin: { top: 28, right: 72, bottom: 44, left: 64 }, ...o });
  const fmt = o.valueFormat ?? format('.3~f');
  const x = scaleBand<string>().domain(data.xLevels.map(String)).range([0, f.innerWidth]).padding(0.04);
  const y = scaleBand<string>().domain(data.yLevels.map(String)).range([f.innerHeight, 0]).padding(0.04);
  const values = data.cells.flatMap((col) => col.flatMap((c) => (c ? [c.value] : [])));
  const domain = o.domain ?? (values.length ? [Math.min(...values), Math.max(...values)] : [0, 1]);
  const color = scaleSequential(interpolateViridis).domain(domain[1] > domain[0] ? domain : [domain[0], domain[0] + 1e-9]);
  const g = f.plot.append('g').attr('class', 'cells');
  data.cells.forEach((col, i) => col.forEach((c, j) => {
    if (!c) return;
    const xl = String(data.xLevels[i]);
    const yl = String(data.yLevels[j]);
    const r = g.append('rect').attr('x', x(xl) ?? 0).attr('y', y(yl) ?? 0).attr('width', x.bandwidth()).attr('height', y.bandwidth())
      .attr('fill', color(c.value)).attr('data-value', c.value).attr('data-n', c.n).attr('data-x', xl).attr('data-y', yl);
    r.append('title').text(`${o.xLabel ?? 'x'} ${xl}, ${o.yLabel ?? 'y'} ${yl}: ${o.valueLabel ?? 'value'} ${fmt(c.value)}, n = ${c.n}`);
  }));
  f.plot.append('g').attr('transform', `translate(0,${f.innerHeight})`).call(axisBottom(x).tickValues(thin(x.domain(), f.innerWidth / 48)));
  f.plot.append('g').call(axisLeft(y).tickValues(thin(y.domain(), f.innerHeight / 18)));
  f.plot.append('text').attr('x', f.innerWidth).attr('y', f.innerHeight + 38).attr('text-anchor', 'end').attr('font-size', 11).text(o.xLabel ?? '');
  f.plot.append('text').attr('transform', 'rotate(-90)').attr('x', 0).attr('y', -52).attr('text-anchor', 'end').attr('font-size', 11).text(o.yLabel ?? '');
  // the colour bar
  const bar = f.plot.append('g').attr('class', 'colorbar').attr('transform', `translate(${f.innerWidth + 14},0)`);
  const steps = 24;
  for (let k = 0; k < steps; k++) {
    const v = domain[0] + ((domain[1] - domain[0]) * (k + 0.5)) / steps;
    bar.append('rect').attr('y', f.innerHeight * (1 - (k + 1) / steps)).attr('width', 12).attr('height', f.innerHeight / steps + 0.5).attr('fill', color(v));
  }
  bar.append('text').attr('x', 16).attr('y', 8).attr('font-size', 10).text(fmt(domain[1]));
  bar.append('text').attr('x', 16).attr('y', f.innerHeight).attr('font-size', 10).text(fmt(domain[0]));
  return f.svg.node() as SVGSVGElement;
}

/** At most about `room` of the labels, evenly picked, so axis labels do not overlap. */
function thin(labels: string[], room: number): string[] {
  const every = Math.max(1, Math.ceil(labels.length / Math.max(1, Math.floor(room))));
  return labels.filter((_, i) => i % every === 0);
}
