import { axisBottom, format, scaleBand, scaleLinear } from 'd3';
import type { SobolIndex } from '../sim/experiments/sobolAnalysis';
import { chartFrame, type FrameOptions } from './chartFrame';
import { legend } from './legend';
import { seriesColor } from './palette';

/** A factor's Sobol' indices with their 95 % intervals, as sim/experiments' analysis gives them. */
export type SobolBar = Pick<SobolIndex, 'factor' | 'S1' | 'S1_ci' | 'ST' | 'ST_ci'>;

/**
 * Sobol' indices per factor, ranked by total order: first order (the factor alone) and total
 * order (with every interaction it takes part in) as paired bars with their 95 % intervals.
 */
export function sobolChart(container: HTMLElement, bars: readonly SobolBar[], o: FrameOptions = {}): SVGSVGElement {
  const ranked = [...bars].sort((a, b) => b.ST - a.ST);
  const left = Math.min(220, 12 + 6.4 * Math.max(4, ...ranked.map((b) => b.factor.length)));
  const f = chartFrame(container, { height: 60 + 34 * Math.max(1, ranked.length) + 30, margin: { top: 46, right: 24, bottom: 40, left }, ...o });
  const fmt = format('.3~f');
  const top = Math.max(1, ...ranked.map((b) => Math.max(b.ST_ci[1], b.S1_ci[1])));
  const x = scaleLinear().domain([Math.min(0, ...ranked.map((b) => b.S1_ci[0])), top]).range([0, f.innerWidth]);
  const y = scaleBand<string>().domain(ranked.map((b) => b.factor)).range([0, f.innerHeight]).padding(0.2);
  const sub = scaleBand<string>().domain(['S1', 'ST']).range([0, y.bandwidth()]).padding(0.1);
  f.plot.append('g').attr('transform', `translate(0,${f.innerHeight})`).call(axisBottom(x).ticks(5));
  legend(f.svg.append('g'), [{ label: 'first order S1', color: seriesColor(0), kind: 'area' }, { label: 'total order ST', color: seriesColor(1), kind: 'area' }], 8, 32, f.width - 16);
  const g = f.plot.append('g').attr('class', 'bars');
  for (const b of ranked) {
    const row = g.append('g').attr('class', 'factor').attr('data-factor', b.factor);
    const y0 = y(b.factor) ?? 0;
    row.append('text').attr('x', -6).attr('y', y0 + y.bandwidth() / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', 11).text(b.factor);
    for (const [k, key] of (['S1', 'ST'] as const).entries()) {
      const v = b[key];
      const ci = b[`${key}_ci`];
      const yy = y0 + (sub(key) ?? 0);
      row.append('rect').attr('class', key).attr('x', x(Math.min(0, v))).attr('y', yy).attr('width', Math.abs(x(v) - x(0))).attr('height', sub.bandwidth()).attr('fill', seriesColor(k)).attr('data-value', v)
        .append('title').text(`${b.factor}: ${key} ${fmt(v)} (95 % CI ${fmt(ci[0])}–${fmt(ci[1])})`);
      const mid = yy + sub.bandwidth() / 2;
      row.append('line').attr('x1', x(ci[0])).attr('x2', x(ci[1])).attr('y1', mid).attr('y2', mid).attr('stroke', '#333');
    }
  }
  return f.svg.node() as SVGSVGElement;
}
