import { escalationChart } from '../../escalationChart';
import type { Series } from '../../lineChart';
import { seriesColor } from '../../palette';
import { smallMultiples } from '../../smallMultiples';
import { chartCard } from '../chartCard';
import type { CheckOptions } from '../checkScenario';
import { checkScenario } from '../checkScenario';
import { byId, el } from '../dom';
import { VARIANT_NAME_MAX } from '../limits';
import type { VariantRuns } from '../variantRuns';
import { timeAxisOf, yearsOf } from '../yearsOf';

/** Options of `comparisonPanel`. */
export interface ComparisonPanelOptions extends CheckOptions {
  /** Runs the variants as they are saved. */
  variantRuns: VariantRuns;
  /** Brings the results table, where a saved variant's row appears, into view. */
  revealComparison: () => void;
}

/** The comparison panel's handle for the page. */
export interface ComparisonPanel {
  /** Draws the comparison charts again (they are drawn at their container's width). */
  redraw(): void;
}

/**
 * Comparing track mixes: saving the working scenario as a named variant (which says where its
 * results will appear and brings them into view), the list of variants, and their escalation
 * medians in one chart and as small multiples. Their statistics are in the summary panel.
 */
export function comparisonPanel(options: ComparisonPanelOptions): ComparisonPanel {
  const { state, variantRuns, revealComparison } = options;
  const nameInput = byId<HTMLInputElement>('variant-name');
  const list = byId('variant-list');
  const section = byId('compare-section');
  byId('compare-chart-slot').replaceWith(chartCard({ id: 'compare-chart', topic: 'compare' }));
  const chart = byId('compare-chart');
  const multiples = byId('compare-multiples');
  nameInput.maxLength = VARIANT_NAME_MAX;

  byId('compare-add').addEventListener('click', async () => {
    // the settings and name on screen at the click: edits made while the check runs belong to the next variant
    const scenario = structuredClone(state.working);
    const typed = nameInput.value;
    if (!(await checkScenario(options, scenario))) return state.setStatus('Fix the fields marked in red before saving a variant.', true);
    if (nameInput.value === typed) nameInput.value = '';
    const v = state.addVariant(typed.trim() || `Variant ${state.variants.length + 1}`, scenario);
    void variantRuns.drain();
    state.setStatus(`Saved “${v.name}”: its ${state.runsWanted} runs are under way; its row, and its difference from the baseline, appear in the results table at the top.`);
    revealComparison();
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

  state.on('variants', () => {
    renderList();
    renderCharts();
  });
  return { redraw: renderCharts };
}
