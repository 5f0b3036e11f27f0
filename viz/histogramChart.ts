import { axisBottom, axisLeft, format, max, scaleBand, scaleLinear } from 'd3';
import { chartFrame, type FrameOptions } from './chartFrame';
import { legend } from './legend';
import { seriesColor } from './palette';

/** Shares of each party's agents per bin on [0, 1], for anger and for fear. */
export interface HistogramData {
  parties: { name: string; anger: ArrayLike<number>; fear: ArrayLike<number> }[];
  /** The tick shown, for the title. */
  tick: number;
}

/** Options of `histogramChart`; default height 240 px. */
export type HistogramChartOptions = FrameOptions;

/** Two panels (anger, fear), each with one bar per party in every bin, heights as shares of the party. */
export function histogramChart(container: HTMLElement, d: HistogramData, o: HistogramChartOptions = {}): SVGSVGElement {
  const f = chartFrame(container, { title: `Distribution of anger and fear at tick ${d.tick}`, height: 240, margin: { top: 48, right: 12, bottom: 40, left: 52 }, ...o });
  const bins = d.parties[0]?.anger.length ?? 0;
  const gap = 24;
  const pw = (f.innerWidth - gap) / 2;
  const top = max(d.parties, (p) => Math.max(max(Array.from(p.anger)) ?? 0, max(Array.from(p.fear)) ?? 0)) ?? 1;
  const y = scaleLinear().domain([0, top > 0 ? top : 1]).nice().range([f.innerHeight, 0]);
  const fmt = format('.0%');
  (['anger', 'fear'] as const).forEach((which, panel) => {
    const g = f.plot.append('g').attr('class', `panel-${which}`).attr('transform', `translate(${panel * (pw + gap)},0)`);
    const x = scaleBand<number>().domain(Array.from({ length: bins }, (_, i) => i)).range([0, pw]).paddingInner(0.1);
    const sub = scaleBand<number>().domain(d.parties.map((_, k) => k)).range([0, x.bandwidth()]);
    d.parties.forEach((p, k) => {
      for (let b = 0; b < bins; b++) {
        g.append('rect').attr('class', 'bar').attr('x', (x(b) ?? 0) + (sub(k) ?? 0)).attr('width', sub.bandwidth())
          .attr('y', y(p[which][b])).attr('height', f.innerHeight - y(p[which][b])).attr('fill', seriesColor(k))
          .append('title').text(`${p.name}, ${which} ${(b / bins).toFixed(2)}–${((b + 1) / bins).toFixed(2)}: ${fmt(p[which][b])} of agents`);
      }
    });
    const lin = scaleLinear().domain([0, 1]).range([0, pw]);
    g.append('g').attr('transform', `translate(0,${f.innerHeight})`).call(axisBottom(lin).ticks(4));
    g.append('text').attr('x', pw).attr('y', f.innerHeight + 34).attr('text-anchor', 'end').attr('font-size', 11).text(`${which} (0–1)`);
    if (panel === 0) {
      g.append('g').call(axisLeft(y).ticks(4).tickFormat(fmt));
      g.append('text').attr('transform', 'rotate(-90)').attr('y', -40).attr('text-anchor', 'end').attr('font-size', 11).text('share of agents');
    }
  });
  legend(f.svg.append('g'), d.parties.map((p, k) => ({ label: p.name, color: seriesColor(k), kind: 'area' as const })), 8, 32, f.width - 16);
  return f.svg.node() as SVGSVGElement;
}
