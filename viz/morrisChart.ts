import { axisBottom, axisLeft, format, scaleLinear } from 'd3';
import { chartFrame, type FrameOptions } from './chartFrame';
import { seriesColor } from './palette';

/** A factor's Morris measures: μ* (overall influence) and σ (non-linearity or interactions; null with fewer than two effects). */
export interface MorrisPoint {
  factor: string;
  muStar: number;
  sigma: number | null;
}

/**
 * Morris's μ*–σ plane: one labelled point per factor. Far right means influential; high means
 * its effect depends on the other factors or is non-linear (Campolongo et al. 2007). The σ = μ*
 * line is drawn for reference. Factors without σ sit on the axis.
 */
export function morrisChart(container: HTMLElement, points: readonly MorrisPoint[], o: FrameOptions & { metricLabel?: string } = {}): SVGSVGElement {
  const f = chartFrame(container, { height: 300, margin: { top: 28, right: 24, bottom: 44, left: 56 }, ...o });
  const fmt = format('.3~g');
  const top = Math.max(1e-9, ...points.map((p) => Math.max(p.muStar, p.sigma ?? 0)));
  const x = scaleLinear().domain([0, top]).nice().range([0, f.innerWidth]);
  const y = scaleLinear().domain([0, top]).nice().range([f.innerHeight, 0]);
  f.plot.append('g').attr('transform', `translate(0,${f.innerHeight})`).call(axisBottom(x).ticks(5));
  f.plot.append('g').call(axisLeft(y).ticks(5));
  f.plot.append('line').attr('class', 'diagonal').attr('x1', x(0)).attr('y1', y(0)).attr('x2', x(x.domain()[1])).attr('y2', y(y.domain()[1])).attr('stroke', '#bbb').attr('stroke-dasharray', '4,3');
  f.plot.append('text').attr('x', f.innerWidth).attr('y', f.innerHeight + 36).attr('text-anchor', 'end').attr('font-size', 11).text(`μ* (mean absolute effect${o.metricLabel ? ` on ${o.metricLabel}` : ''})`);
  f.plot.append('text').attr('transform', 'rotate(-90)').attr('x', 0).attr('y', -44).attr('text-anchor', 'end').attr('font-size', 11).text('σ (spread of the effects)');
  const g = f.plot.append('g').attr('class', 'points');
  points.forEach((p, k) => {
    const cx = x(p.muStar);
    const cy = y(p.sigma ?? 0);
    const dot = g.append('g').attr('class', 'factor').attr('data-factor', p.factor);
    dot.append('circle').attr('cx', cx).attr('cy', cy).attr('r', 4.5).attr('fill', seriesColor(k));
    dot.append('text').attr('x', cx + (cx > f.innerWidth * 0.7 ? -7 : 7)).attr('y', cy - 6).attr('text-anchor', cx > f.innerWidth * 0.7 ? 'end' : 'start').attr('font-size', 10.5).text(p.factor);
    dot.append('title').text(`${p.factor}: μ* ${fmt(p.muStar)}, σ ${p.sigma === null ? '—' : fmt(p.sigma)}`);
  });
  return f.svg.node() as SVGSVGElement;
}
