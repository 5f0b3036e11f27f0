import type { AppState, CurrentRun } from '../appState';
import { chartCard } from '../chartCard';
import { dataTable } from '../dataTable';
import { byId, el } from '../dom';
import { howToRead } from '../howToRead';
import { oneTaskEach, throttledRender } from '../renderPacing';
import { HISTOGRAM_CHART, RUN_CHART_IDS, RUN_CHARTS, type ChartTable, type RunView } from '../runCharts';
import { calendarDate, yearsOf } from '../yearsOf';

/** Options of `resultsPanel`. */
export interface ResultsPanelOptions {
  state: AppState;
}

/** The results panel's handle for the page. */
export interface ResultsPanel {
  /** Draws every chart again (they are drawn at their container's width). */
  redraw(): void;
}

/** Least time between two redraws while results stream in, in milliseconds. */
const RENDER_INTERVAL_MS = 80;

/**
 * The current run's charts (see RUN_CHARTS) and the distributions chart with its step slider,
 * each with its data as a table (filled while the table is open) and, beside the first, how to
 * read it. They are redrawn as rows stream in — throttled, one chart per task, so the main thread
 * stays mostly idle — and cleared when the run is. A chart empty by design (the Track One charts
 * of a scenario without Track One) says why instead.
 */
export function resultsPanel({ state }: ResultsPanelOptions): ResultsPanel {
  const root = byId('charts');
  const slider = el('input', { id: 'hist-tick', type: 'range', min: 0, max: 1, value: 0 });
  const tickLabel = el('span', { id: 'hist-tick-label' });
  const sliderBox = el('div', { class: 'slider' }, el('label', { for: 'hist-tick', text: 'Step: ' }), slider, tickLabel);
  const guide = howToRead();
  const empty = el('p', { class: 'charts-empty', text: 'No results yet: press Run to run the scenario.' });
  root.append(
    empty,
    ...RUN_CHARTS.map(({ id, topic }, k) => chartCard({ id, topic, aside: k === 0 ? guide.element : undefined })),
    chartCard({ id: HISTOGRAM_CHART.id, topic: HISTOGRAM_CHART.topic, extra: sliderBox }),
  );
  slider.addEventListener('input', () => state.setHistogramTick(Number(slider.value)));

  /** What was last drawn, so that later replicates (which only move the progress bar) redraw nothing. */
  let drawn: { run: CurrentRun; key: string } | undefined;

  const viewOf = (c: CurrentRun): RunView => ({
    scenario: c.scenario, results: c.results, band: c.band, years: yearsOf(c.scenario, c.scenario.ticks + 1), rows: c.results.runs[0]?.rows ?? 0,
  });

  /** Fills a chart's data table when it is open (tables are built only when someone reads them). */
  const tables = new Map<string, () => ChartTable | undefined>();
  function fillTable(id: string): void {
    const box = byId<HTMLDetailsElement>(`${id}-table`);
    const t = tables.get(id)?.();
    box.hidden = !t;
    if (t && box.open) dataTable(box.querySelector('.table-wrap') as HTMLElement, t);
  }
  for (const id of RUN_CHART_IDS) byId(`${id}-table`).addEventListener('toggle', () => fillTable(id));

  function renderHistogram(): void {
    const c = state.current;
    if (!c?.results.histograms) return;
    const view = viewOf(c);
    if (!view.rows) return;
    slider.max = String(c.scenario.ticks);
    const tick = Math.min(state.histogramTick ?? view.rows - 1, view.rows - 1);
    slider.value = String(tick);
    const when = c.scenario.startYear === undefined ? `year ${(tick / c.scenario.ticksPerYear).toFixed(1)}` : calendarDate(view.years[tick]);
    tickLabel.textContent = `step ${tick} (${when})`;
    slider.setAttribute('aria-valuetext', tickLabel.textContent);
    HISTOGRAM_CHART.draw(byId(HISTOGRAM_CHART.id), view, tick);
    tables.set(HISTOGRAM_CHART.id, () => HISTOGRAM_CHART.table(view, tick));
    fillTable(HISTOGRAM_CHART.id);
  }

  function renderCurrent(): void {
    const c = state.current;
    if (!c?.results.runs[0]) return;
    const view = viewOf(c);
    const key = `${view.rows}|${!!c.band}`;
    if (drawn?.run === c && drawn.key === key) return;
    drawn = { run: c, key };
    guide.update(c.scenario);
    const tasks: (() => void)[] = [...RUN_CHARTS.map((chart) => () => {
      const why = chart.emptyBecause?.(c.scenario);
      const note = byId(`${chart.id}-note`);
      note.textContent = why ?? '';
      note.hidden = !why;
      if (why) {
        byId(chart.id).replaceChildren();
        tables.delete(chart.id);
      } else {
        chart.draw(byId(chart.id), view);
        tables.set(chart.id, () => chart.table(view));
      }
      fillTable(chart.id);
    }), renderHistogram];
    oneTaskEach(tasks, () => state.current === c);
  }

  const { schedule: scheduleRender } = throttledRender(() => {
    renderCurrent();
    if (!performance.getEntriesByName('first-curve').length && state.current?.results.runs[0]) performance.mark('first-curve');
  }, RENDER_INTERVAL_MS);

  state.on('progress', scheduleRender);
  state.on('histogramTick', renderHistogram);
  state.on('scenario', () => guide.update(state.working));
  state.on('run', () => {
    // no run, no cards: an empty frame with download buttons would only mislead
    root.toggleAttribute('data-empty', !state.current);
    if (state.current) renderCurrent();
    else {
      drawn = undefined;
      tables.clear();
      for (const id of RUN_CHART_IDS) {
        byId(id).replaceChildren();
        byId(`${id}-note`).hidden = true;
        fillTable(id);
      }
    }
  });
  return {
    redraw() {
      drawn = undefined;
      scheduleRender();
    },
  };
}
