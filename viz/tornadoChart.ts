import { axisBottom, format, scaleBand, scaleLinear } from 'd3';
import { chartFrame, type FrameOptions } from './chartFrame';
import { seriesColor } from './palette';

/** A factor's bar: its value and, when known, a 95 % interval. */
export interface TornadoBar {
  factor: string;
  value: number;
  ci?: [number, number] | null;
}

/**
 * A ranked bar chart ("tornado"): one horizontal bar per factor, largest first, with its 95 %
 * interval as a whisker, so the assumptions a result hangs on stand at the top.
 */
export function tornadoChart(container: HTMLElement, bars: readonly TornadoBar[], o: FrameOptions & { valueLabel?: string } = {}): SVGSVGElement {
  const ranked = [...bars].sort((a, b) => b.value - a.value);
  const left = Math.min(220, 12 + 6.4 * Math.max(4, ...ranked.map((b) => b.factor.length)));
  const f = chartFrame(container, { height: 40 + 24 * Math.max(1, ranked.length) + 30, margin: { top: 28, right: 24, bottom: 40, left: left }, ...o });
  const fmt = format('.3~g');
  const top = Math.max(1e-9, ...ranked.map((b) => Math.max(b.value, b.ci?.[1] ?? 0)));
  const x = scaleLinear().domain([0, top]).nice().range([0, f.innerWidth]);
  const y = scaleBand<string>().domain(ranked.map((b) => b.factor)).range([0, f.innerHeight]).padding(0.25);
  f.plot.append('g').attr('transform', `translate(0,${f.innerHeight})`).call(axisBottom(x).ticks(5));
  f.plot.append('text').attr('x', f.innerWidth).attr('y', f.innerHeight + 34).attr('text-anchor', 'end').attr('font-size', 11).text(o.valueLabel ?? '');
  const g = f.plot.append('g').attr('class', 'bars');
  ranked.forEach((b, k) => {
    const row = g.append('g').attr('class', 'bar').attr('data-factor', b.factor).attr('data-value', b.value);
    const yy = y(b.factor) ?? 0;
    row.append('rect').attr('x', 0).attr('y', yy).attr('width', Math.max(0, x(Math.max(0, b.value)))).attr('height', y.bandwidth()).attr('fill', seriesColor(k));
    if (b.ci) {
      const mid = yy + y.bandwidth() / 2;
      row.append('line').attr('class', 'whisker').attr('x1', x(Math.max(0, b.ci[0]))).attr('x2', x(b.ci[1])).attr('y1', mid).attr('y2', mid).attr('stroke', '#333').attr('stroke-width', 1.5);
    }
    row.append('text').attr('x', -6).attr('y', yy + y.bandwidth() / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 11).text(b.factor);
    row.append('title').text(`${b.factor}: ${fmt(b.value)}${b.ci ? ` (95 % CI ${fmt(b.ci[0])}–${fmt(b.ci[1])})` : ''}`);
  });
  return f.svg.node() as SVGSVGElement;
}
