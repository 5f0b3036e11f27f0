/*
 * The charts of the current run, as a table: each chart's container id, the explanation its card
 * opens, how it draws a run, and the same data as a table for those who cannot see the chart.
 * The results panel builds the cards, draws and clears them from this table, so a chart's id is
 * written here only. Titles and axes say in words what is drawn; the model's symbols come after.
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
import type { RunResults } from './ensembleJob';
// the tracks table itself: a small module, unlike sim/index, which would bring the engine to the page
import { POWER_BASE_TRACKS, powerBaseColumn, trackName } from '../../sim/tracks/tracks';
import type { ChartMarker } from '../markers';
import { eventMarkers } from './eventWords';
import { scheduledEvents } from './scheduledEvents';
import { calendarDate, timeAxisOf } from './yearsOf';

/** What the charts draw: a run's results so far, on the time axis of the whole run. */
export interface RunView {
  scenario: EditableScenario;
  results: RunResults;
  /** The ensemble's bands of X, once the ensemble is done. */
  band?: Bands;
  /** Years of every row the run will have (ticks + 1), calendar years when the scenario has a calendar. */
  years: Float64Array;
  /** Rows of replicate 0 so far. */
  rows: number;
}

/** A chart's data as a table: a caption, column headers and rows of text. */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: string[][];
}

/** One chart of the run. */
export interface RunChart {
  id: string;
  /** The explanation its card opens. */
  topic: string;
  draw(container: HTMLElement, view: RunView): void;
  /** The chart's data as a table, one row a year (the CSV export has every step). */
  table(view: RunView): ChartTable;
  /** Why the chart is empty for this scenario, when it is by design (e.g. no Track One actor); else undefined. */
  emptyBecause?(scenario: EditableScenario): string | undefined;
}

const cut = (v: RunView, a: Float64Array) => a.subarray(0, v.rows);
const data = (v: RunView) => v.results.runs[0].data;
const partyNames = (v: RunView) => v.scenario.parties.map((p) => p.name);
const axis = (v: RunView) => timeAxisOf(v.scenario);
const f2 = format('.2f');
const f3 = format('.3f');

/** The rows a table shows: tick 0, then one a year, then the last row so far. */
function yearlyRows(v: RunView): number[] {
  const out: number[] = [];
  for (let i = 0; i < v.rows; i += v.scenario.ticksPerYear) out.push(i);
  if (v.rows && out[out.length - 1] !== v.rows - 1) out.push(v.rows - 1);
  return out;
}

/** The time column's header and text for row i. */
function timeColumn(v: RunView): [string, (i: number) => string] {
  return v.scenario.startYear === undefined
    ? ['years from the start', (i) => format('.2~f')(v.years[i])]
    : ['date', (i) => calendarDate(v.years[i])];
}

/** A yearly table of some columns of run 0 (or of other per-row arrays). */
function yearlyTable(v: RunView, caption: string, cols: [string, (i: number) => string][]): ChartTable {
  const [timeHead, timeText] = timeColumn(v);
  return {
    caption: `${caption} — one row a year; the CSV export has every step.`,
    columns: [timeHead, ...cols.map(([h]) => h)],
    rows: yearlyRows(v).map((i) => [timeText(i), ...cols.map(([, f]) => f(i))]),
  };
}

const TRACK_ONE_STATE = ['no talks', 'talks under way', 'settlement in force'];

/**
 * The marks on a chart: the model events of run 0 (the run the other charts show) once they
 * arrive, else what the scenario schedules (shocks, power shifts, actors starting or leaving early).
 */
function markersOf(v: RunView, trackOne = false): ChartMarker[] {
  const s = v.scenario;
  const events = v.results.events[0];
  if (events) return eventMarkers(events.filter((e) => e.tick < v.rows), { ticksPerYear: s.ticksPerYear, startYear: s.startYear, trackOne });
  if (trackOne) return [];
  const y0 = s.startYear ?? 0;
  return scheduledEvents(s).map((e) => ({ x: y0 + e.tick / s.ticksPerYear, label: e.label, title: `tick ${e.tick}: ${e.text}` }));
}

/** Says why the Track One charts stay empty in a scenario with no Track One actor. */
const noTrackOne = (s: EditableScenario) => (s.actors.some((a) => a.track === 1)
  ? undefined
  : 'This scenario has no Track One (official) actor, so there are no talks or settlements to show, and nothing for the other tracks to build Track One\'s power base for. Switch Track One on in the track mix to see them.');

/** Escalation: 0 = calm, 1 = all-out war; the words first, the symbol after. */
export const ESCALATION_LABEL = 'escalation (0 = calm, 1 = all-out war)';

/** The time-series charts, in page order; all but the escalation chart show replicate 0. */
export const RUN_CHARTS: readonly RunChart[] = [
  {
    id: 'escalation-chart', topic: 'escalation',
    draw(c, v) {
      // Bands come with the finished ensemble (computed in the worker); until then, run 0 streams in.
      const b = v.band;
      const o = { ...axis(v), title: 'How escalated is the conflict? (escalation index X)', yLabel: ESCALATION_LABEL, markers: markersOf(v) };
      if (b && v.results.runs.length >= 2) {
        escalationChart(c, { years: v.years, series: [{ name: `typical run (median of ${v.results.runs.length})`, values: b.median, band50: [b.q25, b.q75], band90: [b.q05, b.q95] }] }, o);
      } else {
        escalationChart(c, { years: cut(v, v.years), series: [{ name: `one run (seed ${data(v).seed[0]})`, values: cut(v, data(v).X) }] }, o);
      }
    },
    table(v) {
      const b = v.band;
      if (b && v.results.runs.length >= 2) {
        return yearlyTable({ ...v, rows: b.median.length }, `Escalation (0 = calm, 1 = all-out war) over ${v.results.runs.length} runs`, [
          ['typical run (median)', (i) => f3(b.median[i])], ['middle half of runs, from', (i) => f3(b.q25[i])], ['to', (i) => f3(b.q75[i])],
          ['90 % of runs, from', (i) => f3(b.q05[i])], ['to', (i) => f3(b.q95[i])],
        ]);
      }
      return yearlyTable(v, 'Escalation (0 = calm, 1 = all-out war), one run', [['escalation', (i) => f3(data(v).X[i])]]);
    },
  },
  {
    id: 'hostility-chart', topic: 'hostility',
    draw: (c, v) => lineChart(c, {
      years: cut(v, v.years), series: partyNames(v).flatMap((p, k) => [
        { name: `anger of ${p}`, values: cut(v, data(v)[`H_${p}`]), color: seriesColor(k) },
        { name: `fear in ${p}`, values: cut(v, data(v)[`F_${p}`]), color: seriesColor(k), dash: true },
      ]),
    }, { ...axis(v), title: 'How angry and afraid is each side? (one run)', yLabel: 'level (0 = none, 1 = most)', yDomain: [0, 1] }),
    table: (v) => yearlyTable(v, 'Anger (hostility H) and fear (F) of each party, 0 to 1, one run',
      partyNames(v).flatMap((p) => [[`anger of ${p}`, (i: number) => f2(data(v)[`H_${p}`][i])], [`fear in ${p}`, (i: number) => f2(data(v)[`F_${p}`][i])]] as [string, (i: number) => string][])),
  },
  {
    id: 'dyad-chart', topic: 'dyad',
    draw: (c, v) => lineChart(c, {
      years: cut(v, v.years),
      series: DYAD.map(([k, name], i) => ({ name, values: cut(v, data(v)[k]), color: seriesColor(i + 2) })),
    }, { ...axis(v), title: 'How do the two sides relate? (one run)', yLabel: 'level (0 = none, 1 = most)', yDomain: [0, 1] }),
    table: (v) => yearlyTable(v, 'Tension, communication, understanding and trade ties between the parties, 0 to 1, one run',
      DYAD.map(([k, name]) => [name, (i: number) => f2(data(v)[k][i])] as [string, (i: number) => string])),
  },
  {
    id: 'incidents-chart', topic: 'incidents',
    draw: (c, v) => lineChart(c, { years: cut(v, v.years), series: [{ name: 'violent incidents', values: cut(v, data(v).incidents), color: seriesColor(3) }] },
      { ...axis(v), title: 'How much violence? (one run)', yLabel: 'incidents per step', valueFormat: format('.0f'), yInteger: true }),
    table: (v) => yearlyTable(v, 'Violent incidents in the step, one run', [['incidents', (i) => String(data(v).incidents[i])]]),
  },
  {
    id: 'trackone-chart', topic: 'trackOneTimeline',
    draw: (c, v) => trackOneTimeline(c, { years: cut(v, v.years), trackOne: cut(v, data(v).trackOne), settlements: cut(v, data(v).settlements), collapses: cut(v, data(v).collapses) },
      { ...axis(v), title: 'Official talks: opened, signed, collapsed (one run)', markers: markersOf(v, true) }),
    table: (v) => yearlyTable(v, 'Track One (official diplomacy), one run', [
      ['state', (i) => TRACK_ONE_STATE[data(v).trackOne[i]] ?? ''], ['settlements signed so far', (i) => String(data(v).settlements[i])], ['collapses so far', (i) => String(data(v).collapses[i])],
    ]),
    emptyBecause: noTrackOne,
  },
  {
    id: 'powerbase-chart', topic: 'powerBase',
    draw: (c, v) => powerBaseChart(c, { years: cut(v, v.years), layers: POWER_BASE_TRACKS.map((t) => ({ name: trackName(t), values: cut(v, data(v)[powerBaseColumn(t)]) })) },
      { ...axis(v), title: 'What unofficial tracks give official talks (one run)' }),
    table: (v) => yearlyTable(v, 'Contribution of each unofficial track to Track One\'s power base, one run',
      POWER_BASE_TRACKS.map((t) => [trackName(t), (i: number) => f3(data(v)[powerBaseColumn(t)][i])] as [string, (i: number) => string])),
    emptyBecause: noTrackOne,
  },
];

/** The relation measures of the dyad chart: column and plain name. */
const DYAD = [['T', 'tension'], ['C', 'communication'], ['U', 'understanding'], ['E', 'trade ties (interdependence)']] as const;

/** The distributions chart: anger and fear of each party's agents at one tick, chosen with a slider. */
export const HISTOGRAM_CHART = {
  id: 'histogram-chart', topic: 'histogram',
  /** Draws the distributions at `tick` (which must be below `view.rows`); nothing without histograms. */
  draw(container: HTMLElement, view: RunView, tick: number): void {
    const h = view.results.histograms;
    if (!h) return;
    histogramChart(container, { tick, parties: histogramsAt(view, tick) }, { title: `Anger and fear at step ${tick} (one run)` });
  },
  /** The distributions at `tick` as a table: one row per bin, the share of each party's agents in it. */
  table(view: RunView, tick: number): ChartTable {
    const parties = histogramsAt(view, tick);
    const bins = view.results.bins;
    const pct = format('.0%');
    return {
      caption: `Share of each party's agents at each level of anger and fear, step ${tick}`,
      columns: ['level', ...parties.flatMap((p) => [`anger, ${p.name}`, `fear, ${p.name}`])],
      rows: Array.from({ length: view.results.histograms ? bins : 0 }, (_, b) => [`${(b / bins).toFixed(2)}–${((b + 1) / bins).toFixed(2)}`, ...parties.flatMap((p) => [pct(p.anger[b]), pct(p.fear[b])])]),
    };
  },
} as const;

function histogramsAt(view: RunView, tick: number) {
  const h = view.results.histograms ?? new Float64Array(0);
  const b = view.results.bins;
  const at = (k: number) => h.subarray((tick * 4 + k) * b, (tick * 4 + k + 1) * b);
  return partyNames(view).map((name, k) => ({ name, anger: at(2 * k), fear: at(2 * k + 1) }));
}

/** Every chart container's id, for clearing them all. */
export const RUN_CHART_IDS: readonly string[] = [...RUN_CHARTS.map((c) => c.id), HISTOGRAM_CHART.id];
