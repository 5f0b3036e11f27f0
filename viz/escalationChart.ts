import { lineChart, type LineChartOptions, type SeriesData } from './lineChart';

/** Glasl's three phases with their stages and background shades (light to dark grey-red). */
export const GLASL_PHASES = [
  { name: 'win-win', from: 1, to: 3, fill: '#f2f2f2' },
  { name: 'win-lose', from: 4, to: 6, fill: '#e6e0e0' },
  { name: 'lose-lose', from: 7, to: 9, fill: '#dccfcf' },
] as const;

/** Options of `escalationChart`: those of lineChart, plus whether to draw Glasl's stages (default true). */
export interface EscalationChartOptions extends LineChartOptions {
  stages?: boolean;
  /** Label each stage and phase at the right (default true; off for small multiples). */
  stageLabels?: boolean;
}

/**
 * The escalation index X(t) on [0, 1], with Glasl's nine stages (stage = 1 + min(8, ⌊9X⌋)) as
 * background bands shaded by phase. Pass a series per run or variant; give a series `band50` and
 * `band90` to draw an ensemble's 50 % and 90 % bands around its median.
 */
export function escalationChart(container: HTMLElement, data: SeriesData, o: EscalationChartOptions = {}): SVGSVGElement {
  const { stages = true, stageLabels = true } = o;
  const banded = data.series.some((s) => s.band90);
  return lineChart(container, data, {
    title: 'Escalation (index X)',
    yLabel: 'escalation (0 = calm, 1 = all-out war)',
    ...o,
    yDomain: [0, 1],
    margin: o.margin ?? { top: 28, right: stageLabels ? 78 : 16, bottom: 40, left: 52 },
    legendExtra: banded ? [{ label: '50 % band', color: '#777', kind: 'area' }, { label: '90 % band', color: '#bbb', kind: 'area' }] : [],
    background: (plot, x, y) => {
      if (!stages) return;
      const g = plot.append('g').attr('class', 'glasl');
      const [x0, x1] = x.range();
      for (const ph of GLASL_PHASES) {
        for (let s = ph.from; s <= ph.to; s++) {
          const lo = y((s - 1) / 9);
          const hi = y(s / 9);
          g.append('rect').attr('x', x0).attr('width', x1 - x0).attr('y', hi).attr('height', lo - hi)
            .attr('fill', ph.fill).attr('stroke', '#fff').attr('stroke-width', 0.5);
          if (stageLabels) g.append('text').attr('x', x1 + 4).attr('y', (lo + hi) / 2).attr('dy', '0.32em').attr('font-size', 10).attr('fill', '#555').text(`stage ${s}`);
        }
        if (stageLabels) g.append('text').attr('x', x1 + 48).attr('y', y((ph.from - 1 + ph.to) / 18)).attr('dy', '0.32em')
          .attr('font-size', 10).attr('fill', '#333').attr('text-anchor', 'middle')
          .attr('transform', `rotate(90,${x1 + 48},${y((ph.from - 1 + ph.to) / 18)})`).text(ph.name);
      }
    },
  });
}
