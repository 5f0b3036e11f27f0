import type { AppState, CurrentRun } from '../appState';
import { chartCard } from '../chartCard';
import { byId, el } from '../dom';
import { HISTOGRAM_CHART, RUN_CHART_IDS, RUN_CHARTS, type RunView } from '../runCharts';
import { yearsOf } from '../yearsOf';

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
 * The current run's charts (see RUN_CHARTS) and the distributions chart with its tick slider.
 * They are redrawn as rows stream in — throttled, one chart per task, so the main thread stays
 * mostly idle — and cleared when the run is.
 */
export function resultsPanel({ state }: ResultsPanelOptions): ResultsPanel {
  const root = byId('charts');
  const slider = el('input', { id: 'hist-tick', type: 'range', min: 0, max: 1, value: 0 });
  const tickLabel = el('span', { id: 'hist-tick-label' });
  const sliderBox = el('div', { class: 'slider' }, el('label', { for: 'hist-tick', text: 'Tick: ' }), slider, tickLabel);
  root.append(
    ...RUN_CHARTS.map(({ id, topic }) => chartCard({ id, topic })),
    chartCard({ id: HISTOGRAM_CHART.id, topic: HISTOGRAM_CHART.topic, extra: sliderBox }),
  );
  slider.addEventListener('input', () => state.setHistogramTick(Number(slider.value)));

  /** What was last drawn, so that later replicates (which only move the progress bar) redraw nothing. */
  let drawn: { run: CurrentRun; key: string } | undefined;
  let renderQueued = false;
  let lastRender = 0;

  const viewOf = (c: CurrentRun): RunView => ({
    scenario: c.scenario, results: c.results, band: c.band, years: yearsOf(c.scenario, c.scenario.ticks + 1), rows: c.results.runs[0]?.rows ?? 0,
  });

  function renderHistogram(): void {
    const c = state.current;
    if (!c?.results.histograms) return;
    const view = viewOf(c);
    if (!view.rows) return;
    slider.max = String(c.scenario.ticks);
    const tick = Math.min(state.histogramTick ?? view.rows - 1, view.rows - 1);
    slider.value = String(tick);
    tickLabel.textContent = `tick ${tick} (year ${(tick / c.scenario.ticksPerYear).toFixed(1)})`;
    HISTOGRAM_CHART.draw(byId(HISTOGRAM_CHART.id), view, tick);
  }

  function renderCurrent(): void {
    const c = state.current;
    if (!c?.results.runs[0]) return;
    const view = viewOf(c);
    const key = `${view.rows}|${!!c.band}`;
    if (drawn?.run === c && drawn.key === key) return;
    drawn = { run: c, key };
    const tasks: (() => void)[] = [...RUN_CHARTS.map((chart) => () => chart.draw(byId(chart.id), view)), renderHistogram];
    const next = () => {
      const t = tasks.shift();
      if (!t || state.current !== c) return;
      t();
      if (tasks.length) setTimeout(next, 0);
    };
    next();
  }

  function scheduleRender(): void {
    if (renderQueued) return;
    renderQueued = true;
    const wait = Math.max(0, RENDER_INTERVAL_MS - (performance.now() - lastRender));
    setTimeout(() => requestAnimationFrame(() => {
      renderQueued = false;
      lastRender = performance.now();
      renderCurrent();
      if (!performance.getEntriesByName('first-curve').length && state.current?.results.runs[0]) performance.mark('first-curve');
    }), wait);
  }

  state.on('progress', scheduleRender);
  state.on('histogramTick', renderHistogram);
  state.on('run', () => {
    if (state.current) renderCurrent();
    else {
      drawn = undefined;
      for (const id of RUN_CHART_IDS) byId(id).replaceChildren();
    }
  });
  return {
    redraw() {
      drawn = undefined;
      scheduleRender();
    },
  };
}
