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
}

/** A card holding one chart, with buttons to explain it and to download it as SVG or PNG. */
export function chartCard({ id, topic, extra }: ChartCardOptions): HTMLElement {
  const chart = el('div', { id, class: 'chart', 'data-testid': id });
  const svgBtn = el('button', { type: 'button', class: 'small', text: 'SVG', 'aria-label': 'Download this chart as SVG' });
  const pngBtn = el('button', { type: 'button', class: 'small', text: 'PNG', 'aria-label': 'Download this chart as PNG' });
  const svgOf = () => chart.querySelector('svg') as SVGSVGElement | null;
  svgBtn.addEventListener('click', () => {
    const s = svgOf();
    if (s) download(`${id}.svg`, chartSVG(s), 'image/svg+xml');
  });
  pngBtn.addEventListener('click', async () => {
    const s = svgOf();
    if (s) download(`${id}.png`, await chartPNG(s), 'image/png');
  });
  return el('section', { class: 'card' }, el('div', { class: 'card-tools' }, infoButton(topic), svgBtn, pngBtn), extra ?? null, chart);
}
