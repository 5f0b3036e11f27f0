import { escalationChart } from '../../escalationChart';
import type { Series } from '../../lineChart';
import { seriesColor } from '../../palette';
import { smallMultiples } from '../../smallMultiples';
import type { CheckOptions } from '../checkScenario';
import { checkScenario } from '../checkScenario';
import { byId, el } from '../dom';
import { VARIANT_NAME_MAX } from '../limits';
import { summaryTable, type SummaryRow } from '../summaryTable';
import type { VariantRuns } from '../variantRuns';
import { timeAxisOf, yearsOf } from '../yearsOf';

/** Options of `comparisonPanel`. */
export interface ComparisonPanelOptions extends CheckOptions {
  /** Runs the variants as they are saved. */
  variantRuns: VariantRuns;
}

/** The comparison panel's handle for the page. */
export interface ComparisonPanel {
  /** Draws the comparison charts again (they are drawn at their container's width). */
  redraw(): void;
}

/**
 * Comparing track mixes: saving the working scenario as a named variant, the list of variants,
 * their escalation medians in one chart and as small multiples, and the summary table (the
 * current run's ensemble first, then each variant's).
 */
export function comparisonPanel(options: ComparisonPanelOptions): ComparisonPanel {
  const { state, variantRuns } = options;
  const nameInput = byId<HTMLInputElement>('variant-name');
  const list = byId('variant-list');
  const section = byId('compare-section');
  const chart = byId('compare-chart');
  const multiples = byId('compare-multiples');
  const table = byId<HTMLTableElement>('summary-table');
  nameInput.maxLength = VARIANT_NAME_MAX;

  byId('compare-add').addEventListener('click', async () => {
    if (!(await checkScenario(options))) return state.setStatus('Fix the fields marked in red before saving a variant.', true);
    const name = nameInput.value.trim() || `Variant ${state.variants.length + 1}`;
    nameInput.value = '';
    state.addVariant(name);
    void variantRuns.drain();
  });

  function renderList(): void {
    list.replaceChildren(...state.variants.map((v, k) => {
      const rm = el('button', { type: 'button', class: 'small', 'aria-label': `Remove ${v.name}`, text: 'remove' });
      rm.addEventListener('click', () => state.removeVariant(v));
      return el('li', {}, el('span', { class: 'swatch', style: `background:${seriesColor(k)}` }), el('span', { text: `${v.name} — ${v.status}` }), rm);
    }));
  }

  function renderCharts(): void {
    section.hidden = !state.variants.length;
    const ready = state.variants.flatMap((v, k) => (v.band ? [{ v, band: v.band, k }] : []));
    if (!ready.length) {
      chart.replaceChildren();
      multiples.replaceChildren();
      return;
    }
    const years = yearsOf(ready[0].v.scenario, ready[0].v.scenario.ticks + 1);
    const series: Series[] = ready.map(({ v, band, k }) => ({ name: v.name, values: band.median, band50: [band.q25, band.q75], color: seriesColor(k) }));
    escalationChart(chart, { years, series }, { ...timeAxisOf(ready[0].v.scenario), title: 'Escalation by variant: typical run (median) and middle half of the runs' });
    smallMultiples(multiples, years, ready.map(({ band }, i) => ({ ...series[i], band90: [band.q05, band.q95] })), { xFormat: timeAxisOf(ready[0].v.scenario).xFormat });
  }

  function renderTable(): void {
    const rows: SummaryRow[] = [];
    const c = state.current;
    if (c?.done && c.stats) rows.push({ id: 'current', name: 'Current settings', stats: c.stats, ticksPerYear: c.scenario.ticksPerYear });
    state.variants.forEach((v, k) => v.stats && rows.push({ id: `variant-${k}`, name: v.name, stats: v.stats, ticksPerYear: v.scenario.ticksPerYear }));
    summaryTable(table, rows);
  }

  state.on('variants', () => {
    renderList();
    renderCharts();
    renderTable();
  });
  state.on('run', renderTable);
  renderTable();
  return { redraw: renderCharts };
}
