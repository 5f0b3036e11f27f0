import { area, axisLeft, format, line, max, scaleLinear, type ScaleLinear, type Selection } from 'd3';
import { drawMarkers, type ChartMarker } from './markers';
import { timeAxis } from './timeAxis';
import { chartFrame, type Frame, type FrameOptions } from './chartFrame';
import { legend, legendHeight, type LegendItem } from './legend';
import { seriesColor } from './palette';
import { attachTooltip } from './tooltip';

/** One line, optionally with 50 % and 90 % bands ([lower, upper] per point). */
export interface Series {
  name: string;
  values: ArrayLike<number>;
  color?: string;
  dash?: boolean;
  band50?: readonly [ArrayLike<number>, ArrayLike<number>];
  band90?: readonly [ArrayLike<number>, ArrayLike<number>];
}

/** Lines over time: x in years, one Series per line. */
export interface SeriesData {
  years: ArrayLike<number>;
  series: Series[];
}

/** Options of `lineChart`; defaults: y from 0 to the data's maximum, 4-digit tooltip values. */
export interface LineChartOptions extends FrameOptions {
  yLabel?: string;
  xLabel?: string;
  yDomain?: [number, number];
  /** Fixed x domain (years), e.g. the whole run while it is still streaming. */
  xDomain?: [number, number];
  /** Format of the time axis's ticks and the tooltip's time (default: d3's, "year 2.5" in the tooltip). */
  xFormat?: (year: number) => string;
  /** A count axis: whole-number ticks only (default false). */
  yInteger?: boolean;
  /** Moments to mark with a vertical line and a short label (e.g. events), at x in years. */
  markers?: ChartMarker[];
  /** Draws behind the lines (e.g. Glasl stages). */
  background?: (plot: Selection<SVGGElement, unknown, null, undefined>, x: ScaleLinear<number, number>, y: ScaleLinear<number, number>, f: Frame) => void;
  /** Extra legend entries (e.g. the bands). */
  legendExtra?: LegendItem[];
  valueFormat?: (v: number) => string;
  /** Hide the legend (small multiples). */
  noLegend?: boolean;
}

/** Draws lines (with optional quantile bands) over time, with axes, legend and a tooltip. Returns the SVG element. */
export function lineChart(container: HTMLElement, data: SeriesData, o: LineChartOptions = {}): SVGSVGElement {
  const items: LegendItem[] = o.noLegend ? [] : [
    ...data.series.map((s, k) => ({ label: s.name, color: s.color ?? seriesColor(k), kind: s.dash ? 'dash' as const : 'line' as const })),
    ...(o.legendExtra ?? []),
  ];
  const width = Math.max(280, o.width ?? (container.clientWidth || 640));
  const lh = legendHeight(items, width - 16);
  const m = o.margin ?? { top: 28, right: 16, bottom: 40, left: 52 };
  const f = chartFrame(container, { ...o, width, margin: { ...m, top: m.top + lh }, height: (o.height ?? 260) + lh });
  const n = data.years.length;
  const years = Array.from(data.years);
  const x = scaleLinear().domain(o.xDomain ?? [years[0] ?? 0, Math.max(years[n - 1] ?? 1, (years[0] ?? 0) + 1e-9)]).range([0, f.innerWidth]);
  const top = max(data.series, (s) => max(Array.from(s.band90?.[1] ?? s.values))) ?? 1;
  const y = scaleLinear().domain(o.yDomain ?? [0, top > 0 ? top : 1]).nice().range([f.innerHeight, 0]);
  o.background?.(f.plot, x, y, f);
  f.plot.append('g').attr('transform', `translate(0,${f.innerHeight})`).call(timeAxis(x, f.innerWidth, o.xFormat));
  const yAxis = axisLeft(y);
  const yTicks = Math.max(2, Math.floor(f.innerHeight / 40));
  // a count has no half incidents: keep the whole-number ticks (at most yTicks of them)
  if (o.yInteger) yAxis.tickValues(y.ticks(yTicks).filter(Number.isInteger)).tickFormat(format('d'));
  else yAxis.ticks(yTicks);
  f.plot.append('g').call(yAxis);
  f.plot.append('text').attr('x', f.innerWidth).attr('y', f.innerHeight + 34).attr('text-anchor', 'end').attr('font-size', 11).text(o.xLabel ?? 'time (years)');
  f.plot.append('text').attr('transform', 'rotate(-90)').attr('x', 0).attr('y', -40).attr('text-anchor', 'end').attr('font-size', 11).text(o.yLabel ?? '');
  const idx = years.map((_, i) => i);
  data.series.forEach((s, k) => {
    const color = s.color ?? seriesColor(k);
    const g = f.plot.append('g').attr('class', 'series').attr('data-name', s.name);
    for (const [band, opacity] of [[s.band90, 0.18], [s.band50, 0.32]] as const) {
      if (!band) continue;
      const [lo, hi] = band;
      g.append('path').attr('class', 'band').attr('fill', color).attr('opacity', opacity)
        .attr('d', area<number>().x((i) => x(years[i])).y0((i) => y(lo[i])).y1((i) => y(hi[i]))(idx));
    }
    g.append('path').attr('class', 'line').attr('fill', 'none').attr('stroke', color).attr('stroke-width', 2)
      .attr('stroke-dasharray', s.dash ? '5,3' : null)
      .attr('data-points', n)
      .attr('d', line<number>().x((i) => x(years[i])).y((i) => y(s.values[i]))(idx));
  });
  if (o.markers?.length) drawMarkers(f.plot, x, f.innerHeight, o.markers);
  if (items.length) legend(f.svg.append('g'), items, 8, 34, f.width - 16);
  const fmt = o.valueFormat ?? format('.3~f');
  const timeOf = o.xFormat ?? ((v: number) => `year ${format('.2~f')(v)}`);
  attachTooltip(f.plot, years, x, f.innerHeight, (i) => timeOf(years[i]),
    data.series.map((s, k) => ({
      label: s.name, color: s.color ?? seriesColor(k),
      value: (i) => fmt(s.values[i]) + (s.band90 ? ` (90 %: ${fmt(s.band90[0][i])}–${fmt(s.band90[1][i])})` : ''),
    })));
  return f.svg.node() as SVGSVGElement;
}
