import { scaleLinear } from 'd3';
import { drawMarkers, type ChartMarker } from './markers';
import { timeAxis } from './timeAxis';
import { chartFrame, type FrameOptions } from './chartFrame';
import { legend, legendHeight, type LegendItem } from './legend';
import { palette } from './palette';

/** Track One's state per tick (0 none, 1 talks, 2 settlement in force) and cumulative counts. */
export interface TrackOneData {
  years: ArrayLike<number>;
  trackOne: ArrayLike<number>;
  settlements: ArrayLike<number>;
  collapses: ArrayLike<number>;
}

/** Options of `trackOneTimeline`; default height 120 px. */
export interface TrackOneTimelineOptions extends FrameOptions {
  xDomain?: [number, number];
  /** Format of the time axis's ticks (default d3's). */
  xFormat?: (year: number) => string;
  /** Label of the time axis (default "time (years)"). */
  xLabel?: string;
  /** Moments to mark with a vertical line and a short label (e.g. model events). */
  markers?: ChartMarker[];
}

const TALKS = palette[0];
const SETTLED = palette[2];
const COLLAPSE = palette[3];

/** A timeline of Track One: talks and settlements in force as spans, signings and collapses as markers. */
export function trackOneTimeline(container: HTMLElement, d: TrackOneData, o: TrackOneTimelineOptions = {}): SVGSVGElement {
  const items: LegendItem[] = [
    { label: 'talks', color: TALKS, kind: 'area' }, { label: 'settlement in force', color: SETTLED, kind: 'area' },
    { label: 'signed', color: SETTLED, kind: 'triangle' }, { label: 'collapse', color: COLLAPSE, kind: 'cross' },
  ];
  const width = Math.max(280, o.width ?? (container.clientWidth || 640));
  const lh = legendHeight(items, width - 16);
  const f = chartFrame(container, { title: 'Track One: talks, settlements, collapses', margin: { top: 36 + lh, right: 16, bottom: 40, left: 52 }, ...o, width, height: (o.height ?? 114) + lh });
  const n = d.years.length;
  const x = scaleLinear().domain(o.xDomain ?? [d.years[0] ?? 0, Math.max(d.years[n - 1] ?? 1, 1e-9)]).range([0, f.innerWidth]);
  const h = f.innerHeight;
  f.plot.append('rect').attr('width', f.innerWidth).attr('height', h).attr('fill', '#f6f6f6');
  const dx = n > 1 ? x(d.years[1]) - x(d.years[0]) : 1;
  // Spans: merge runs of equal state into one rect each.
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i === n || d.trackOne[i] !== d.trackOne[start]) {
      const s = d.trackOne[start];
      if (s === 1 || s === 2) {
        f.plot.append('rect').attr('class', s === 1 ? 'talks' : 'settled').attr('x', x(d.years[start])).attr('width', Math.max(1, x(d.years[i - 1]) - x(d.years[start]) + dx))
          .attr('y', s === 1 ? h * 0.15 : h * 0.45).attr('height', h * 0.3).attr('fill', s === 1 ? TALKS : SETTLED).attr('opacity', 0.75)
          .append('title').text(`${s === 1 ? 'talks' : 'settlement in force'}: years ${d.years[start].toFixed(2)}–${d.years[i - 1].toFixed(2)}`);
      }
      start = i;
    }
  }
  for (let i = 1; i < n; i++) {
    if (d.settlements[i] > d.settlements[i - 1]) {
      f.plot.append('path').attr('class', 'signing').attr('d', `M${x(d.years[i])},${h * 0.45}l-5,-9h10z`).attr('fill', SETTLED).attr('stroke', '#000')
        .append('title').text(`settlement signed, year ${d.years[i].toFixed(2)}`);
    }
    if (d.collapses[i] > d.collapses[i - 1]) {
      f.plot.append('path').attr('class', 'collapse').attr('d', `M${x(d.years[i]) - 5},${h * 0.8}l10,10m0,-10l-10,10`).attr('stroke', COLLAPSE).attr('stroke-width', 2.5)
        .append('title').text(`settlement collapsed, year ${d.years[i].toFixed(2)}`);
    }
  }
  if (o.markers?.length) drawMarkers(f.plot, x, h, o.markers);
  f.plot.append('g').attr('transform', `translate(0,${h})`).call(timeAxis(x, f.innerWidth, o.xFormat));
  f.plot.append('text').attr('x', f.innerWidth).attr('y', h + 34).attr('text-anchor', 'end').attr('font-size', 11).text(o.xLabel ?? 'time (years)');
  legend(f.svg.append('g'), items, 8, 32, f.width - 16);
  return f.svg.node() as SVGSVGElement;
}
