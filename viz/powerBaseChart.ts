import { area, axisLeft, format, max, scaleLinear, stack } from 'd3';
import { timeAxis } from './timeAxis';
import { chartFrame, type FrameOptions } from './chartFrame';
import { legend, legendHeight } from './legend';
import { seriesColor } from './palette';
import { attachTooltip } from './tooltip';

/** Each track's proximity-weighted contribution to Track One's power base, per tick. */
export interface PowerBaseData {
  years: ArrayLike<number>;
  layers: { name: string; values: ArrayLike<number> }[];
}

/** Options of `powerBaseChart`; default height 240 px. */
export interface PowerBaseChartOptions extends FrameOptions {
  xDomain?: [number, number];
  /** Format of the time axis's ticks (default d3's). */
  xFormat?: (year: number) => string;
  /** Label of the time axis (default "time (years)"). */
  xLabel?: string;
}

/** Track One's power base as areas stacked by track, with a tooltip giving each track's share. */
export function powerBaseChart(container: HTMLElement, d: PowerBaseData, o: PowerBaseChartOptions = {}): SVGSVGElement {
  const items = d.layers.map((l, k) => ({ label: l.name, color: seriesColor(k + 1), kind: 'area' as const }));
  const width = Math.max(280, o.width ?? (container.clientWidth || 640));
  const lh = legendHeight(items, width - 16);
  const f = chartFrame(container, { title: 'Track One\'s power base, by track', margin: { top: 32 + lh, right: 16, bottom: 40, left: 52 }, ...o, width, height: (o.height ?? 224) + lh });
  const n = d.years.length;
  const rows = Array.from({ length: n }, (_, i) => Object.fromEntries(d.layers.map((l) => [l.name, Math.max(0, l.values[i])])));
  const series = stack<Record<string, number>>().keys(d.layers.map((l) => l.name))(rows);
  const x = scaleLinear().domain(o.xDomain ?? [d.years[0] ?? 0, Math.max(d.years[n - 1] ?? 1, 1e-9)]).range([0, f.innerWidth]);
  const top = max(series, (s) => max(s, (p) => p[1])) ?? 0;
  const y = scaleLinear().domain([0, top > 0 ? top : 1]).nice().range([f.innerHeight, 0]);
  series.forEach((s, k) => {
    f.plot.append('path').attr('class', 'layer').attr('fill', seriesColor(k + 1)).attr('opacity', 0.85)
      .attr('d', area<[number, number]>().x((_, i) => x(d.years[i])).y0((p) => y(p[0])).y1((p) => y(p[1]))(s as unknown as [number, number][]));
  });
  f.plot.append('g').attr('transform', `translate(0,${f.innerHeight})`).call(timeAxis(x, f.innerWidth, o.xFormat));
  f.plot.append('g').call(axisLeft(y).ticks(5));
  f.plot.append('text').attr('x', f.innerWidth).attr('y', f.innerHeight + 34).attr('text-anchor', 'end').attr('font-size', 11).text(o.xLabel ?? 'time (years)');
  f.plot.append('text').attr('transform', 'rotate(-90)').attr('y', -40).attr('text-anchor', 'end').attr('font-size', 11).text('power base B (dimensionless)');
  legend(f.svg.append('g'), items, 8, 32, f.width - 16);
  const fmt = format('.3~f');
  attachTooltip(f.plot, Array.from(d.years), x, f.innerHeight, (i) => `year ${format('.2~f')(d.years[i])}`,
    d.layers.map((l, k) => ({ label: l.name, color: seriesColor(k + 1), value: (i) => fmt(l.values[i]) })));
  return f.svg.node() as SVGSVGElement;
}
