/*
 * The charts of the current run, as a table: each chart's container id, the explanation its card
 * opens, and how it draws a run. The results panel builds the cards, draws and clears them from
 * this table, so a chart's id is written here only.
 */
import { format } from 'd3';
import type { Bands } from '../../sim/ensemble';
import { escalationChart } from '../escalationChart';
import { histogramChart } from '../histogramChart';
import { lineChart } from '../lineChart';
import { seriesColor } from '../palette';
import { powerBaseChart } from '../powerBaseChart';
import { trackOneTimeline } from '../trackOneTimeline';
import type { EditableScenario } from './fillScenario';
import type { RunResults } from './runner';
// the tracks table itself: a small module, unlike sim/index, which would bring the engine to the page
import { POWER_BASE_TRACKS, powerBaseColumn, trackName } from '../../sim/tracks/tracks';

/** What the charts draw: a run's results so far, on the time axis of the whole run. */
export interface RunView {
  scenario: EditableScenario;
  results: RunResults;
  /** The ensemble's bands of X, once the ensemble is done. */
  band?: Bands;
  /** Years of every row the run will have (ticks + 1). */
  years: Float64Array;
  /** Rows of replicate 0 so far. */
  rows: number;
}

/** One chart of the run. */
export interface RunChart {
  id: string;
  /** The explanation its card opens. */
  topic: string;
  draw(container: HTMLElement, view: RunView): void;
}

const xDomainOf = (v: RunView): [number, number] => [0, v.scenario.ticks / v.scenario.ticksPerYear];
const cut = (v: RunView, a: Float64Array) => a.subarray(0, v.rows);
const data = (v: RunView) => v.results.runs[0].data;
const partyNames = (v: RunView) => v.scenario.parties.map((p) => p.name);

/** The time-series charts, in page order; all but the escalation chart show replicate 0. */
export const RUN_CHARTS: readonly RunChart[] = [
  {
    id: 'escalation-chart', topic: 'escalation',
    draw(c, v) {
      // Bands come with the finished ensemble (computed in the worker); until then, run 0 streams in.
      const b = v.band;
      if (b && v.results.runs.length >= 2) {
        escalationChart(c, { years: v.years, series: [{ name: `median of ${v.results.runs.length} runs`, values: b.median, band50: [b.q25, b.q75], band90: [b.q05, b.q95] }] }, { xDomain: xDomainOf(v) });
      } else {
        escalationChart(c, { years: cut(v, v.years), series: [{ name: `run 0 (seed ${data(v).seed[0]})`, values: cut(v, data(v).X) }] }, { xDomain: xDomainOf(v) });
      }
    },
  },
  {
    id: 'hostility-chart', topic: 'hostility',
    draw: (c, v) => lineChart(c, {
      years: cut(v, v.years), series: partyNames(v).flatMap((p, k) => [
        { name: `hostility ${p}`, values: cut(v, data(v)[`H_${p}`]), color: seriesColor(k) },
        { name: `fear ${p}`, values: cut(v, data(v)[`F_${p}`]), color: seriesColor(k), dash: true },
      ]),
    }, { title: 'Hostility and fear per party (run 0)', yLabel: 'level (0–1)', yDomain: [0, 1], xDomain: xDomainOf(v) }),
  },
  {
    id: 'dyad-chart', topic: 'dyad',
    draw: (c, v) => lineChart(c, {
      years: cut(v, v.years),
      series: [['T', 'tension'], ['C', 'communication'], ['U', 'understanding'], ['E', 'interdependence']].map(([k, name], i) => ({ name, values: cut(v, data(v)[k]), color: seriesColor(i + 2) })),
    }, { title: 'Relations between the parties (run 0)', yLabel: 'level (0–1)', yDomain: [0, 1], xDomain: xDomainOf(v) }),
  },
  {
    id: 'incidents-chart', topic: 'escalation',
    draw: (c, v) => lineChart(c, { years: cut(v, v.years), series: [{ name: 'violent incidents', values: cut(v, data(v).incidents), color: seriesColor(3) }] },
      { title: 'Violent incidents (run 0)', yLabel: 'incidents per tick', xDomain: xDomainOf(v), valueFormat: format('.0f') }),
  },
  {
    id: 'trackone-chart', topic: 'trackOneTimeline',
    draw: (c, v) => trackOneTimeline(c, { years: cut(v, v.years), trackOne: cut(v, data(v).trackOne), settlements: cut(v, data(v).settlements), collapses: cut(v, data(v).collapses) }, { xDomain: xDomainOf(v) }),
  },
  {
    id: 'powerbase-chart', topic: 'powerBase',
    draw: (c, v) => powerBaseChart(c, { years: cut(v, v.years), layers: POWER_BASE_TRACKS.map((t) => ({ name: trackName(t), values: cut(v, data(v)[powerBaseColumn(t)]) })) }, { xDomain: xDomainOf(v) }),
  },
];

/** The distributions chart: anger and fear of each party's agents at one tick, chosen with a slider. */
export const HISTOGRAM_CHART = {
  id: 'histogram-chart', topic: 'histogram',
  /** Draws the distributions at `tick` (which must be below `view.rows`); nothing without histograms. */
  draw(container: HTMLElement, view: RunView, tick: number): void {
    const h = view.results.histograms;
    if (!h) return;
    const b = view.results.bins;
    const at = (k: number) => h.subarray((tick * 4 + k) * b, (tick * 4 + k + 1) * b);
    histogramChart(container, { tick, parties: partyNames(view).map((name, k) => ({ name, anger: at(2 * k), fear: at(2 * k + 1) })) });
  },
} as const;

/** Every chart container's id, for clearing them all. */
export const RUN_CHART_IDS: readonly string[] = [...RUN_CHARTS.map((c) => c.id), HISTOGRAM_CHART.id];
