import { format } from 'd3';
import type { AnalysisResult } from '../../../sim/experiments/analyze';
import { heatmapChart } from '../../heatmapChart';
import { morrisChart } from '../../morrisChart';
import { outcomeChart } from '../../outcomeChart';
import { sobolChart } from '../../sobolChart';
import { tornadoChart } from '../../tornadoChart';
import { chartCard } from '../chartCard';
import { byId, el } from '../dom';
import { factorLevels, groupEstimates, type ExploreData } from './exploreData';

/** How an exploration is drawn: over one factor, over two (heatmap), as a screening, as Sobol' indices, or by PRIM's boxes. */
export type ExploreView = 'one' | 'two' | 'morris' | 'sobol' | 'prim';

/** The view an exploration's design calls for: a grid over its factors, or the analysis its design was made for (PRIM for a Latin hypercube). */
export function viewOf(data: ExploreData): ExploreView {
  const { type } = data.head.experiment.design;
  if (type === 'grid') return data.head.design.factors.length === 1 ? 'one' : 'two';
  return type === 'lhs' ? 'prim' : type;
}

/** How the page names a metric and scales it: the four outcomes in words, others by their name. */
export function metricText(metric: string, ticksPerYear: number): { label: string; unit: string; scale: number; share: boolean } {
  switch (metric) {
    case 'peakX': return { label: 'Peak escalation', unit: 'X, from 0 (calm) to 1', scale: 1, share: false };
    case 'deescalated': return { label: 'Share of runs that de-escalated', unit: 'share of runs', scale: 1, share: true };
    case 'timeToDeescalation': return { label: 'Years to de-escalation', unit: 'years, in the runs that de-escalated', scale: 1 / ticksPerYear, share: false };
    case 'relapse10y': return { label: 'Ten-year relapse', unit: 'share of first settlements that collapsed within ten years', scale: 1, share: true };
    default: return { label: metric, unit: '', scale: 1, share: false };
  }
}

const ticksPerYear = (data: ExploreData) => Number((data.head.experiment.scenario as { ticksPerYear?: number } | undefined)?.ticksPerYear ?? 12);

/** The chart container `id` in `root`: the card's, made (and appended) the first time. */
function card(root: HTMLElement, id: string, topic: string): HTMLElement {
  if (!root.querySelector(`#${CSS.escape(id)}`)) root.append(chartCard({ id, topic }));
  return byId(id);
}

/**
 * One chart per metric of the outcome over the exploration's first factor, with 95 % ribbons:
 * the cards made at once, each chart drawn by one of the returned functions (one per task, so
 * the main thread stays free between them).
 */
export function drawOne(root: HTMLElement, data: ExploreData): Array<() => void> {
  const factor = data.head.design.factors[0];
  const levels = factorLevels(data, 0);
  return data.metrics.map((m) => {
    const box = card(root, `explore-${m}`, 'explore');
    return () => {
      const t = metricText(m, ticksPerYear(data));
      const est = groupEstimates(data, m, [0], t.scale);
      outcomeChart(box, { levels, estimates: levels.map((l) => est.get(String(l))) }, {
        title: `${t.label} over ${factor}`, xLabel: factor, yLabel: t.unit, yDomain: t.share ? [0, 1] : undefined,
      });
    };
  });
}

/**
 * The heatmap of `metric` over the first two factors (averaged over any others), and the same
 * numbers in a table for screen readers and copying.
 */
export function drawTwo(root: HTMLElement, data: ExploreData, metric: string): Array<() => void> {
  const [fx, fy] = data.head.design.factors;
  const xLevels = factorLevels(data, 0);
  const yLevels = factorLevels(data, 1);
  const t = metricText(metric, ticksPerYear(data));
  const est = groupEstimates(data, metric, [0, 1], t.scale);
  const cells = xLevels.map((x) => yLevels.map((y) => {
    const e = est.get(`${x}|${y}`);
    return e ? { value: e.mean, n: e.n } : undefined;
  }));
  const more = data.head.design.factors.length > 2 ? ` (averaged over ${data.head.design.factors.slice(2).join(', ')})` : '';
  const box = card(root, 'explore-heatmap', 'heatmap');
  const tableBox = root.querySelector('#explore-heatmap-card') ?? root.appendChild(el('section', { class: 'card', id: 'explore-heatmap-card' }));
  const heatmap = () => heatmapChart(box, { xLevels, yLevels, cells }, {
    title: `${t.label} over ${fx} and ${fy}${more}`, xLabel: fx, yLabel: fy, valueLabel: t.label.toLowerCase(), domain: t.share ? [0, 1] : undefined,
  });
  const fmt = format('.3~f');
  const table = el('table', { id: 'explore-heatmap-table', 'data-testid': 'explore-heatmap-table' },
    el('caption', { text: `${t.label} (${t.unit}) and the runs behind each value (n), by ${fy} (rows) and ${fx} (columns)${more}.` }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: `${fy} \\ ${fx}` }), ...xLevels.map((x) => el('th', { scope: 'col', text: String(x) })))),
    el('tbody', {}, ...yLevels.map((y, j) => el('tr', {}, el('th', { scope: 'row', text: String(y) }),
      ...xLevels.map((_, i) => el('td', { text: cells[i][j] ? `${fmt(cells[i][j]!.value)} (n = ${cells[i][j]!.n})` : '—' }))))),
  );
  return [heatmap, () => tableBox.replaceChildren(el('div', { class: 'table-wrap' }, table))];
}

/** Morris's screening: the μ*–σ plane and the factors ranked by μ*, with bootstrap intervals. */
export function drawMorris(root: HTMLElement, result: Extract<AnalysisResult, { method: 'morris' }>, metricLabel: string): void {
  morrisChart(card(root, 'explore-morris', 'morris'), result.indices.map((i) => ({ factor: i.factor, muStar: i.muStar, sigma: i.sigma })), { title: `Morris screening: μ* and σ for ${metricLabel}`, metricLabel });
  tornadoChart(card(root, 'explore-tornado', 'morris'), result.indices.map((i) => ({ factor: i.factor, value: i.muStar, ci: i.muStar_ci })), { title: `What ${metricLabel} hangs on: μ*, ranked`, valueLabel: 'μ* with its bootstrap 95 % interval' });
}

/** Sobol' indices: first and total order per factor, ranked. */
export function drawSobol(root: HTMLElement, result: Extract<AnalysisResult, { method: 'sobol' }>, metricLabel: string): void {
  sobolChart(card(root, 'explore-sobol', 'sobol'), result.indices, { title: `Sobol' indices for ${metricLabel}` });
}

/** PRIM's boxes as a table: coverage, density, mass and the limits of the factors each restricts. */
export function drawPrim(root: HTMLElement, result: Extract<AnalysisResult, { method: 'prim' }>, metricLabel: string): void {
  const pct = (x: number) => `${Math.round(100 * x)} %`;
  const limit = (l: [number, number] | string[]) => (typeof l[0] === 'string' ? (l as string[]).join(', ') : `${format('.4~g')(l[0] as number)} to ${format('.4~g')(l[1] as number)}`);
  const head = el('tr', {}, ...['box', 'coverage', 'density', 'mass', 'limits'].map((h) => el('th', { scope: 'col', text: h })));
  const rows = result.boxes.map((b, k) => el('tr', {}, el('th', { scope: 'row', text: String(k + 1) }), el('td', { text: pct(b.coverage) }), el('td', { text: pct(b.density) }), el('td', { text: pct(b.mass) }),
    el('td', { text: Object.entries(b.limits).map(([f, l]) => `${f}: ${limit(l)}`).join('; ') || 'none' })));
  const caption = `Boxes where ${metricLabel} is ${result.below ? 'at most' : 'at least'} ${result.threshold} (over ${result.n} points)${result.boxes.length ? '' : ': none found with enough density'}.`;
  const box = root.querySelector('#explore-prim-card') ?? root.appendChild(el('section', { class: 'card', id: 'explore-prim-card' }));
  box.replaceChildren(el('div', { class: 'table-wrap' },
    el('table', { id: 'explore-prim', 'data-testid': 'explore-prim' }, el('caption', { text: caption }), el('thead', {}, head), el('tbody', {}, ...rows))));
}
