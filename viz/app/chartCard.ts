import { chartPNG, chartSVG } from '../exportChart';
import { download, el } from './dom';
import { infoButton } from './explain';

/** Options of `chartCard`. */
export interface ChartCardOptions {
  /** The chart container's id (and test id); downloads are named after it. */
  id: string;
  /** The explanation the card's "i" button opens. */
  topic: string;
  /** Shown between the tools and the chart (e.g. a slider). */
  extra?: HTMLElement;
  /** Shown beside the chart (e.g. how to read it). */
  aside?: HTMLElement;
}

/**
 * A card holding one chart, with buttons to explain it and to download it as SVG or PNG, a note
 * (`#<id>-note`) for when the chart is empty by design, and the chart's data as a table
 * (`#<id>-table`) behind a disclosure, for screen readers and for reading exact values. The
 * download buttons are disabled while the chart is empty.
 */
export function chartCard({ id, topic, extra, aside }: ChartCardOptions): HTMLElement {
  const chart = el('div', { id, class: 'chart', 'data-testid': id });
  const svgBtn = el('button', { type: 'button', class: 'small', text: 'SVG', 'aria-label': 'Download this chart as SVG', disabled: true });
  const pngBtn = el('button', { type: 'button', class: 'small', text: 'PNG', 'aria-label': 'Download this chart as PNG', disabled: true });
  const svgOf = () => chart.querySelector('svg') as SVGSVGElement | null;
  svgBtn.addEventListener('click', () => {
    const s = svgOf();
    if (s) download(`${id}.svg`, chartSVG(s), 'image/svg+xml');
  });
  pngBtn.addEventListener('click', async () => {
    const s = svgOf();
    if (s) download(`${id}.png`, await chartPNG(s), 'image/png');
  });
  // the buttons follow the chart: enabled exactly while it holds a drawing
  new MutationObserver(() => {
    svgBtn.disabled = pngBtn.disabled = !svgOf();
  }).observe(chart, { childList: true });
  const note = el('p', { id: `${id}-note`, class: 'chart-note', hidden: true });
  const table = el('details', { id: `${id}-table`, class: 'data-table', hidden: true }, el('summary', { text: 'Show the data as a table' }),
    // a wide table scrolls sideways: focusable, so the keyboard can scroll it
    el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'Data table' }));
  const body = el('div', { class: 'card-body' }, el('div', { class: 'card-main' }, extra ?? null, note, chart, table), aside ?? null);
  return el('section', { class: 'card' },
    el('div', { class: 'card-tools' }, infoButton(topic), svgBtn, pngBtn), body);
}
