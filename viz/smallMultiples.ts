import { escalationChart } from './escalationChart';
import type { Series } from './lineChart';
import { seriesColor } from './palette';

/** Options of `smallMultiples`: the width of each panel (default 300 px) and its height (default 180). */
export interface SmallMultiplesOptions {
  panelWidth?: number;
  panelHeight?: number;
  /** Format of the time axis's ticks (e.g. calendar years); default d3's. */
  xFormat?: (year: number) => string;
}

/** One escalation chart per series (e.g. per variant), same scales, in a wrapping grid. */
export function smallMultiples(container: HTMLElement, years: ArrayLike<number>, series: Series[], o: SmallMultiplesOptions = {}): SVGSVGElement[] {
  const { panelWidth = 300, panelHeight = 180 } = o;
  container.replaceChildren();
  container.style.display = 'grid';
  container.style.gridTemplateColumns = `repeat(auto-fill, minmax(${Math.min(panelWidth, 280)}px, 1fr))`;
  container.style.gap = '8px';
  return series.map((s, k) => {
    const cell = document.createElement('div');
    cell.className = 'small-multiple';
    container.append(cell);
    return escalationChart(cell, { years, series: [{ ...s, color: s.color ?? seriesColor(k) }] }, {
      title: s.name, width: panelWidth, height: panelHeight, noLegend: true, xFormat: o.xFormat, xLabel: o.xFormat ? 'year' : undefined, stageLabels: false, yLabel: '', margin: { top: 24, right: 12, bottom: 36, left: 40 },
    });
  });
}
