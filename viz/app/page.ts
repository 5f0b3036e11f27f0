import { format } from 'd3';
import { toCSV } from '../../sim/csv';
import type { Bands, EnsembleStats, Interval } from '../../sim/ensemble';
import { Actor, Scenario, type ScenarioData } from '../../sim/scenario/schema';
import type { ValidationIssue } from '../../sim/scenario/validate';
import { escalationChart } from '../escalationChart';
import { chartPNG, chartSVG } from '../exportChart';
import { histogramChart } from '../histogramChart';
import { lineChart, type Series } from '../lineChart';
import { seriesColor } from '../palette';
import { powerBaseChart } from '../powerBaseChart';
import { smallMultiples } from '../smallMultiples';
import { trackOneTimeline } from '../trackOneTimeline';
import { download, el } from './dom';
import { explanations } from './explanations';
import { actorFields, fieldLabel, paramGroups, type ParamField } from './paramFields';
import { createRunner, type RunResults } from './runner';
import { DEFAULT_SCENARIO, scenarioLibrary } from './scenarioLibrary';
import { simulationWorker } from './simulationWorker';
import { decodeShare, encodeShare } from './share';
import './app.css';

type Json = Record<string, unknown>;
type Scn = ScenarioData & Json;

/** A saved configuration and, once run, its ensemble results. */
interface Variant {
  name: string;
  scenario: Scn;
  years?: Float64Array;
  band?: Bands;
  stats?: EnsembleStats;
  status: 'queued' | 'running' | 'done' | 'failed';
}

const HIST_BINS = 20;
const TRACK_NAMES = ['Track One: official', 'Track Two: problem-solving', 'Track Three: business', 'Track Four: exchanges', 'Track Five: media'];
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const clone = <T>(x: T): T => structuredClone(x);

// ---------------------------------------------------------------- state
let working: Scn;
let sourceName = '';
let baseline: Scn;
let runsWanted = 10;
let variants: Variant[] = [];
const stash = new Map<number, Json[]>();
let current: { scenario: Scn; results: RunResults; done: boolean; paused: boolean; stats?: EnsembleStats; band?: Bands; renderedKey?: string } | undefined;
let running = false;
let histTick: number | undefined;
/** What was wrong with the link the page opened with; kept beside the first run's status, which would otherwise hide it. */
let linkNotice = '';
const runner = createRunner(simulationWorker);
// Started on first use: two workers loading at once would slow the first curve on small machines.
let compareRunner: ReturnType<typeof createRunner> | undefined;

/**
 * Fills defaults and checks the structure on the main thread (zod only); the worker's full
 * validation (names, kernel, memory) follows before anything runs.
 */
function filled(json: unknown): { ok: true; scenario: Scn } | { ok: false; issues: ValidationIssue[] } {
  const r = Scenario.safeParse(json);
  return r.success ? { ok: true, scenario: clone(r.data) as Scn } : { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}

// ---------------------------------------------------------------- status, explanations
function setStatus(text: string, error = false): void {
  const s = $('status');
  s.textContent = text;
  s.classList.toggle('error', error);
  s.setAttribute('role', error ? 'alert' : 'status');
}

function explain(topic: string): void {
  const e = explanations[topic];
  if (!e) return;
  const panel = $('explain');
  panel.replaceChildren(
    el('button', { class: 'close', 'aria-label': 'Close explanation', text: '×' }),
    el('h2', { text: e.title }),
    ...e.paragraphs.map((p) => el('p', { text: p })),
  );
  panel.querySelector('.close')?.addEventListener('click', () => (panel.hidden = true));
  panel.hidden = false;
}

function infoButton(topic: string): HTMLButtonElement {
  const b = el('button', { class: 'info', type: 'button', 'aria-label': `Explain: ${explanations[topic]?.title ?? topic}`, title: explanations[topic]?.title ?? '', text: 'i' });
  b.addEventListener('click', () => explain(topic));
  return b;
}

// ---------------------------------------------------------------- scenario editing
function getPath(obj: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((o, k) => (o as Json | undefined)?.[k as string], obj);
}

function setPath(obj: Json, path: (string | number)[], value: unknown): void {
  let o = obj as Json;
  for (const k of path.slice(0, -1)) o = o[k as string] as Json;
  const last = path[path.length - 1] as string;
  if (value === undefined) delete o[last];
  else o[last] = value;
}

function readInput(f: ParamField, input: HTMLInputElement | HTMLSelectElement): unknown {
  if (f.kind === 'boolean') return (input as HTMLInputElement).checked;
  if (f.kind === 'number') {
    if (input.value.trim() === '') return f.key === 'leaveAt' ? undefined : NaN;
    return Number(input.value);
  }
  return input.value;
}

function fieldInput(f: ParamField, value: unknown, onChange: (v: unknown) => void, pathKey: string): HTMLElement {
  const id = `f-${pathKey.replace(/[^A-Za-z0-9]/g, '-')}`;
  let input: HTMLInputElement | HTMLSelectElement;
  if (f.kind === 'choice') {
    input = el('select', { id }, ...(f.options ?? []).map((o) => el('option', { value: o, text: o })));
    input.value = String(value ?? '');
  } else if (f.kind === 'boolean') {
    input = el('input', { id, type: 'checkbox' });
    (input as HTMLInputElement).checked = !!value;
  } else {
    input = el('input', {
      id, type: f.kind === 'number' ? 'number' : 'text', inputmode: f.kind === 'number' ? 'decimal' : undefined,
      min: f.min, max: f.max, step: f.kind === 'number' ? (f.integer ? 1 : 'any') : undefined,
    });
    input.value = value === undefined ? '' : String(value);
  }
  input.dataset.path = pathKey;
  input.addEventListener('change', () => onChange(readInput(f, input)));
  const err = el('div', { class: 'field-error', 'data-error-for': pathKey, 'aria-live': 'polite' });
  const help = el('details', { class: 'help' }, el('summary', { text: '?', 'aria-label': `About ${fieldLabel(f.key)}` }), el('p', { text: `${f.doc.meaning} Source: ${f.doc.source}.` }));
  return el('div', { class: 'field' },
    el('label', { for: id }, el('span', { class: 'name', text: fieldLabel(f.key) }), el('span', { class: 'unit', text: f.doc.unit })),
    el('div', { class: 'input-row' }, input, help),
    err);
}

function buildParamPanel(): void {
  const panel = $('params');
  panel.replaceChildren();
  for (const g of paramGroups(working.parties.map((p) => p.name))) {
    const box = el('details', { class: 'group' }, el('summary', { text: g.title }));
    for (const f of g.fields) {
      const key = f.path.join('.');
      box.append(fieldInput(f, getPath(working, f.path), (v) => edit(f.path, v), key));
    }
    panel.append(box);
  }
  (panel.firstElementChild as HTMLDetailsElement | null)?.setAttribute('open', '');
}

function buildTrackMix(): void {
  const panel = $('tracks');
  panel.replaceChildren();
  const fields = actorFields();
  for (let k = 1; k <= 5; k++) {
    const actors = (working.actors as Json[]).filter((a) => a.track === k);
    const on = el('input', { type: 'checkbox', id: `track-${k}`, 'data-testid': `track-${k}` });
    on.checked = actors.length > 0;
    on.addEventListener('change', () => toggleTrack(k, on.checked));
    const row = el('fieldset', { class: 'track', 'data-track': k },
      el('legend', {}, on, el('label', { for: `track-${k}`, text: TRACK_NAMES[k - 1] }), infoButton(`track${k}`)));
    if (actors.length) {
      row.append(el('div', { class: 'actor-names', text: actors.map((a) => String(a.name)).join(', ') }));
      const grid = el('div', { class: 'track-fields' });
      for (const f of fields) {
        const key = `track${k}.${f.key}`;
        const node = fieldInput(f, actors[0][f.key], (v) => editTrack(k, f.key, v), key);
        if (f.key === 'entry') node.querySelector('label .name')?.after(infoButton('entry'));
        grid.append(node);
      }
      row.append(grid);
    }
    panel.append(row);
  }
}

function toggleTrack(k: number, on: boolean): void {
  const actors = working.actors as Json[];
  if (on) {
    const back = stash.get(k) ?? [Actor.parse({ name: `${TRACK_NAMES[k - 1].split(':')[0]} actor`, track: k }) as Json];
    working.actors = [...actors, ...clone(back)] as Scn['actors'];
  } else {
    stash.set(k, actors.filter((a) => a.track === k));
    working.actors = actors.filter((a) => a.track !== k) as Scn['actors'];
  }
  buildTrackMix();
  void changed();
}

function editTrack(k: number, key: string, v: unknown): void {
  for (const a of working.actors as Json[]) if (a.track === k) setPath(a, [key], v);
  void changed();
}

function edit(path: (string | number)[], v: unknown): void {
  setPath(working, path, v);
  void changed();
}

/** Shows each issue next to its field (actors map to their track's row); resolves to whether the scenario is valid. */
async function showIssues(): Promise<boolean> {
  const r = await runner.client.api.validate(working);
  document.querySelectorAll('.field-error').forEach((e) => (e.textContent = ''));
  document.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  const general: string[] = [];
  if (!r.ok) {
    for (const i of r.issues) {
      let key = i.path;
      const m = /^actors\.(\d+)\.(\w+)/.exec(i.path);
      if (m) key = `track${(working.actors as Json[])[Number(m[1])]?.track}.${m[2]}`;
      const target = document.querySelector(`[data-error-for="${CSS.escape(key)}"]`);
      if (target) {
        target.textContent = i.message;
        document.querySelector(`[data-path="${CSS.escape(key)}"]`)?.setAttribute('aria-invalid', 'true');
      } else general.push(`${i.path || 'scenario'}: ${i.message}`);
    }
  }
  const g = $('issues');
  g.replaceChildren(...general.map((t) => el('li', { text: t })));
  g.hidden = !general.length;
  return r.ok;
}

async function changed(): Promise<void> {
  scheduleShare();
  const ok = await showIssues();
  ($('run') as HTMLButtonElement).disabled = !ok;
  if (!ok) setStatus('Fix the fields marked in red to run.', true);
  else setStatus('Changed: press Run to see the result.');
}

function loadScenario(json: unknown, name: string): boolean {
  const r = filled(json);
  if (!r.ok) {
    setStatus(`${name} is not a valid scenario: ${r.issues.slice(0, 5).map((i) => `${i.path || 'scenario'}: ${i.message}`).join('; ')}`, true);
    return false;
  }
  working = r.scenario;
  baseline = clone(r.scenario);
  sourceName = name;
  stash.clear();
  $('scenario-description').textContent = working.description;
  ($('seed') as HTMLInputElement).value = String(working.seed);
  buildTrackMix();
  buildParamPanel();
  document.querySelectorAll('.field-error').forEach((e) => (e.textContent = ''));
  ($('run') as HTMLButtonElement).disabled = false;
  return true;
}

// ---------------------------------------------------------------- rendering
let renderQueued = false;
let lastRender = 0;
function scheduleRender(): void {
  if (renderQueued) return;
  renderQueued = true;
  // Throttled so the main thread stays mostly idle while results stream in.
  const wait = Math.max(0, 80 - (performance.now() - lastRender));
  setTimeout(() => requestAnimationFrame(() => {
    renderQueued = false;
    lastRender = performance.now();
    renderCurrent();
    if (!performance.getEntriesByName('first-curve').length && current?.results.runs[0]) performance.mark('first-curve');
  }), wait);
}

function yearsOf(s: Scn, rows: number): Float64Array {
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) y[i] = i / s.ticksPerYear;
  return y;
}

/**
 * Redraws the charts from the current results, one chart per task, so that no single task holds
 * the main thread for long (the page must stay responsive while results stream in).
 */
function renderCurrent(): void {
  if (!current?.results.runs[0]) return;
  const c = current;
  const { scenario: s, results } = c;
  const r0 = results.runs[0];
  const total = s.ticks + 1;
  const xDomain: [number, number] = [0, s.ticks / s.ticksPerYear];
  const rows = r0.rows;
  const years = yearsOf(s, total);
  const y = years.subarray(0, rows);
  const d = r0.data;
  const cut = (a: Float64Array) => a.subarray(0, rows);
  const parties = s.parties.map((p) => p.name);
  // Later replicates only move the progress bar: run 0's charts are redrawn only when they change.
  const key = `${rows}|${!!c.band}`;
  if (c.renderedKey === key) {
    ($('progress') as HTMLProgressElement).value = results.progress;
    $('progress-label').textContent = `${Math.round(results.progress * 100)} %`;
    return;
  }
  c.renderedKey = key;
  const tasks: (() => void)[] = [
    () => {
      const escalation = $('escalation-chart');
      // Bands come with the finished ensemble (computed in the worker); until then, run 0 streams in.
      const b = c.band;
      if (b && results.runs.length >= 2) {
        escalationChart(escalation, { years, series: [{ name: `median of ${results.runs.length} runs`, values: b.median, band50: [b.q25, b.q75], band90: [b.q05, b.q95] }] }, { xDomain });
      } else {
        escalationChart(escalation, { years: y, series: [{ name: `run 0 (seed ${d.seed[0]})`, values: cut(d.X) }] }, { xDomain });
      }
      ($('progress') as HTMLProgressElement).value = results.progress;
      $('progress-label').textContent = `${Math.round(results.progress * 100)} %`;
    },
    () => lineChart($('hostility-chart'), {
      years: y, series: parties.flatMap((p, k) => [
        { name: `hostility ${p}`, values: cut(d[`H_${p}`]), color: seriesColor(k) },
        { name: `fear ${p}`, values: cut(d[`F_${p}`]), color: seriesColor(k), dash: true },
      ]),
    }, { title: 'Hostility and fear per party (run 0)', yLabel: 'level (0–1)', yDomain: [0, 1], xDomain }),
    () => lineChart($('dyad-chart'), {
      years: y, series: [['T', 'tension'], ['C', 'communication'], ['U', 'understanding'], ['E', 'interdependence']].map(([k, name], i) => ({ name, values: cut(d[k]), color: seriesColor(i + 2) })),
    }, { title: 'Relations between the parties (run 0)', yLabel: 'level (0–1)', yDomain: [0, 1], xDomain }),
    () => lineChart($('incidents-chart'), { years: y, series: [{ name: 'violent incidents', values: cut(d.incidents), color: seriesColor(3) }] },
      { title: 'Violent incidents (run 0)', yLabel: 'incidents per tick', xDomain, valueFormat: format('.0f') }),
    () => trackOneTimeline($('trackone-chart'), { years: y, trackOne: cut(d.trackOne), settlements: cut(d.settlements), collapses: cut(d.collapses) }, { xDomain }),
    () => powerBaseChart($('powerbase-chart'), { years: y, layers: [2, 3, 4, 5].map((k) => ({ name: `Track ${['Two', 'Three', 'Four', 'Five'][k - 2]}`, values: cut(d[`B_track${k}`]) })) }, { xDomain }),
    () => renderHistogram(),
  ];
  const next = () => {
    const t = tasks.shift();
    if (!t || current !== c) return;
    t();
    if (tasks.length) setTimeout(next, 0);
  };
  next();
}

function renderHistogram(): void {
  if (!current?.results.histograms) return;
  const { results, scenario: s } = current;
  const rows = results.runs[0]?.rows ?? 0;
  if (!rows) return;
  const slider = $('hist-tick') as HTMLInputElement;
  slider.max = String(s.ticks);
  const tick = Math.min(histTick ?? rows - 1, rows - 1);
  slider.value = String(tick);
  $('hist-tick-label').textContent = `tick ${tick} (year ${(tick / s.ticksPerYear).toFixed(1)})`;
  const b = results.bins;
  const h = results.histograms as Float64Array;
  const at = (k: number) => h.subarray((tick * 4 + k) * b, (tick * 4 + k + 1) * b);
  histogramChart($('histogram-chart'), { tick, parties: s.parties.map((p, k) => ({ name: p.name, anger: at(2 * k), fear: at(2 * k + 1) })) });
}

// ---------------------------------------------------------------- summary table and comparison
const f2 = format('.2f');
const cellOf = (i: Interval, f = f2) => (i.n ? `${f(i.median)} [${f(i.lo)}–${f(i.hi)}]` : '—');

function renderTable(): void {
  const rows: { name: string; stats: EnsembleStats; tpy: number; id: string }[] = [];
  if (current?.done && current.stats) rows.push({ name: 'Current settings', stats: current.stats, tpy: current.scenario.ticksPerYear, id: 'current' });
  variants.forEach((v, k) => v.stats && rows.push({ name: v.name, stats: v.stats, tpy: v.scenario.ticksPerYear, id: `variant-${k}` }));
  const table = $('summary-table') as HTMLTableElement;
  const head = ['Configuration', 'Runs', 'Peak X', 'Area under X (X·years)', 'Time to de-escalation (years)', 'Settlements', 'Collapses'];
  table.replaceChildren(
    el('caption', { text: 'Median [90 % interval] over the runs of each ensemble' }),
    el('thead', {}, el('tr', {}, ...head.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...rows.map((r) => {
      const t = r.stats.timeToDeescalation;
      const years = { ...t, median: t.median / r.tpy, lo: t.lo / r.tpy, hi: t.hi / r.tpy };
      const share = `${Math.round(r.stats.shareDeescalated * 100)} % de-escalated`;
      return el('tr', { 'data-row': r.id },
        el('th', { scope: 'row', text: r.name }),
        el('td', { text: String(r.stats.runs) }),
        el('td', { text: cellOf(r.stats.peakX) }),
        el('td', { text: cellOf(r.stats.areaX, format('.1f')) }),
        el('td', { class: 'two-line', text: `${cellOf(years, format('.1f'))}\n${share}` }),
        el('td', { text: cellOf(r.stats.settlements, format('.0f')) }),
        el('td', { text: cellOf(r.stats.collapses, format('.0f')) }));
    })),
  );
}

function renderVariants(): void {
  const list = $('variant-list');
  list.replaceChildren(...variants.map((v, k) => {
    const rm = el('button', { type: 'button', class: 'small', 'aria-label': `Remove ${v.name}`, text: 'remove' });
    rm.addEventListener('click', () => {
      variants.splice(k, 1);
      renderVariants();
      renderCompare();
      renderTable();
      scheduleShare();
    });
    return el('li', {}, el('span', { class: 'swatch', style: `background:${seriesColor(k)}` }), el('span', { text: `${v.name} — ${v.status}` }), rm);
  }));
}

function renderCompare(): void {
  const ready = variants.map((v, k) => ({ v, k })).filter(({ v }) => v.band && v.years);
  const chart = $('compare-chart');
  const multiples = $('compare-multiples');
  $('compare-section').hidden = !variants.length;
  if (!ready.length) {
    chart.replaceChildren();
    multiples.replaceChildren();
    return;
  }
  const years = ready[0].v.years as Float64Array;
  const series: Series[] = ready.map(({ v, k }) => ({ name: v.name, values: v.band!.median, band50: [v.band!.q25, v.band!.q75], color: seriesColor(k) }));
  escalationChart(chart, { years, series }, { title: 'Escalation by variant: medians with 50 % bands' });
  smallMultiples(multiples, years, ready.map(({ v, k }) => ({ name: v.name, values: v.band!.median, band50: [v.band!.q25, v.band!.q75], band90: [v.band!.q05, v.band!.q95], color: seriesColor(k) })));
}

let compareBusy = false;
async function runVariants(): Promise<void> {
  if (compareBusy) return;
  compareBusy = true;
  try {
    for (let v = variants.find((x) => x.status === 'queued'); v; v = variants.find((x) => x.status === 'queued')) {
      v.status = 'running';
      renderVariants();
      const { outcome } = await (compareRunner ??= createRunner()).run({ scenario: v.scenario, runs: runsWanted, partyNames: v.scenario.parties.map((p) => p.name) }, () => {});
      if (!variants.includes(v)) continue;
      if (outcome.status === 'done') {
        v.years = yearsOf(v.scenario, v.scenario.ticks + 1);
        v.band = outcome.bands.X;
        v.stats = outcome.stats;
        v.status = 'done';
      } else {
        v.status = 'failed';
        setStatus(`Variant "${v.name}" did not run: ${outcome.status === 'invalid' ? outcome.issues.map((i) => `${i.path}: ${i.message}`).join('; ') : outcome.status === 'failed' ? outcome.message : 'cancelled'}`, true);
      }
      renderVariants();
      renderCompare();
      renderTable();
    }
  } finally {
    compareBusy = false;
  }
}

function addVariant(name: string, scenario: Scn): void {
  variants.push({ name, scenario: clone(scenario), status: 'queued' });
  renderVariants();
  $('compare-section').hidden = false;
  scheduleShare();
  void runVariants();
}

// ---------------------------------------------------------------- running
async function runCurrent(startPaused = false): Promise<void> {
  // No await before runner.run: Step relies on the start message being posted synchronously.
  if (running) void runner.client.api.cancel();
  const scenario = clone(working);
  const runs = runsWanted;
  current = { scenario, results: { runs: [], summaries: [], bins: HIST_BINS, progress: 0, totalRows: 0 }, done: false, paused: startPaused };
  histTick = undefined;
  running = true;
  document.body.dataset.runState = 'running';
  updateButtons();
  setStatus(`Running ${runs} run${runs > 1 ? 's' : ''} of “${scenario.name}”…`);
  const mine = current;
  const t0 = performance.now();
  const { outcome, results } = await runner.run(
    { scenario, runs, histogramBins: HIST_BINS, paused: startPaused, partyNames: scenario.parties.map((p) => p.name) },
    (r) => {
      if (current === mine) {
        if (!mine.results.runs.length) performance.mark('first-chunk');
        mine.results = r;
        scheduleRender();
      }
    },
  );
  if (current !== mine) return;
  running = false;
  mine.results = results;
  if (outcome.status === 'done') {
    mine.done = true;
    mine.stats = outcome.stats;
    mine.band = outcome.bands.X;
    const done = `Done: ${runs} run${runs > 1 ? 's' : ''} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`;
    setStatus(linkNotice ? `${linkNotice} ${done}` : done, !!linkNotice);
    linkNotice = '';
  } else if (outcome.status === 'cancelled') setStatus('Cancelled.');
  else if (outcome.status === 'invalid') {
    setStatus('The scenario is invalid: see the fields marked in red.', true);
    void showIssues();
  }
  else setStatus(`The run failed: ${outcome.message}`, true);
  document.body.dataset.runState = outcome.status;
  updateButtons();
  renderCurrent();
  renderTable();
}

function updateButtons(): void {
  ($('cancel') as HTMLButtonElement).disabled = !running;
  ($('pause') as HTMLButtonElement).disabled = !running;
  $('pause').textContent = current?.paused && running ? 'Resume' : 'Pause';
  ($('export-csv') as HTMLButtonElement).disabled = !current?.done;
  ($('export-json') as HTMLButtonElement).disabled = !current?.done;
}

// ---------------------------------------------------------------- share link
let shareTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleShare(): void {
  clearTimeout(shareTimer);
  shareTimer = setTimeout(async () => {
    const hash = await encodeShare({ v: 1, scenario: working, runs: runsWanted, variants: variants.map((v) => ({ name: v.name, scenario: v.scenario })) });
    const url = `${location.origin}${location.pathname}${hash}`;
    ($('share-link') as HTMLInputElement).value = url;
    history.replaceState(null, '', hash);
  }, 150);
}

// ---------------------------------------------------------------- page
function card(id: string, topic: string, extra?: HTMLElement): HTMLElement {
  const chart = el('div', { id, class: 'chart', 'data-testid': id === 'escalation-chart' ? 'escalation-chart' : undefined });
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

function buildPage(): void {
  // A worker that dies (e.g. out of memory) says so instead of leaving the page waiting.
  simulationWorker.addEventListener('error', (e) => {
    running = false;
    updateButtons();
    setStatus(`The simulation worker stopped: ${e.message || 'unknown error'}. Reload the page to start a new one.`, true);
  });
  const select = $('scenario-select') as HTMLSelectElement;
  select.replaceChildren(...scenarioLibrary.map((e) => el('option', { value: e.id, text: e.name })));
  select.addEventListener('change', () => {
    const e = scenarioLibrary.find((x) => x.id === select.value);
    if (e && loadScenario(e.json, e.name)) void runCurrent();
    scheduleShare();
  });
  $('open-file').addEventListener('change', async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      setStatus(`${file.name} is not valid JSON: ${(e as Error).message}`, true);
      return;
    }
    if (loadScenario(json, file.name)) {
      select.value = '';
      scheduleShare();
      void runCurrent();
    }
  });
  $('download-scenario').addEventListener('click', () => download(`${slug(working.name)}.json`, JSON.stringify(working, null, 2) + '\n', 'application/json'));
  $('seed').addEventListener('change', () => {
    // an empty field is a missing seed, shown as an error, not seed 0 (Number('') is 0)
    const raw = ($('seed') as HTMLInputElement).value.trim();
    working.seed = raw === '' ? Number.NaN : Number(raw);
    void changed();
  });
  $('runs').addEventListener('change', () => {
    const v = Number(($('runs') as HTMLInputElement).value);
    const ok = Number.isInteger(v) && v >= 1 && v <= 1000;
    $('runs-error').textContent = ok ? '' : 'a whole number from 1 to 1000';
    if (ok) runsWanted = v;
    scheduleShare();
  });
  $('run').addEventListener('click', () => void runCurrent());
  $('cancel').addEventListener('click', () => void runner.client.api.cancel());
  $('pause').addEventListener('click', () => {
    if (!current || !running) return;
    current.paused = !current.paused;
    void (current.paused ? runner.client.api.pause() : runner.client.api.resume());
    updateButtons();
  });
  $('step').addEventListener('click', () => {
    if (running && current) {
      current.paused = true;
      updateButtons();
    } else {
      // runCurrent posts its start message synchronously, so this step reaches the worker after it.
      void runCurrent(true);
    }
    void runner.client.api.step(1);
  });
  $('reset').addEventListener('click', async () => {
    await runner.client.api.cancel();
    const e = scenarioLibrary.find((x) => x.id === select.value);
    if (e) loadScenario(e.json, e.name);
    else loadScenario(baseline, sourceName);
    current = undefined;
    for (const id of ['escalation-chart', 'hostility-chart', 'dyad-chart', 'incidents-chart', 'trackone-chart', 'powerbase-chart', 'histogram-chart']) $(id).replaceChildren();
    ($('progress') as HTMLProgressElement).value = 0;
    setStatus('Reset to the scenario as loaded.');
    updateButtons();
    renderTable();
    scheduleShare();
  });
  $('compare-add').addEventListener('click', async () => {
    if (!(await showIssues())) return setStatus('Fix the fields marked in red before saving a variant.', true);
    const input = $('variant-name') as HTMLInputElement;
    const name = input.value.trim() || `Variant ${variants.length + 1}`;
    input.value = '';
    addVariant(name.slice(0, 60), working);
  });
  $('export-csv').addEventListener('click', () => {
    if (!current?.done) return;
    download(`${slug(current.scenario.name)}-seed${current.scenario.seed}-runs${current.results.runs.length}.csv`, toCSV(current.results.runs), 'text/csv');
  });
  $('export-json').addEventListener('click', () => {
    if (!current?.done) return;
    const r = current.results;
    download(`${slug(current.scenario.name)}-seed${current.scenario.seed}-results.json`, JSON.stringify({
      scenario: current.scenario, summaries: r.summaries, stats: current.stats,
      runs: r.runs.map((c) => Object.fromEntries(c.names.map((n) => [n, Array.from(c.data[n].subarray(0, c.rows))]))),
    }) + '\n', 'application/json');
  });
  $('copy-link').addEventListener('click', async () => {
    const input = $('share-link') as HTMLInputElement;
    try {
      await navigator.clipboard.writeText(input.value);
      setStatus('Link copied.');
    } catch {
      input.select();
    }
  });
  for (const [id, topic] of [['explain-tracks', 'track2'], ['explain-phases', 'phases'], ['explain-compare', 'compare']] as const) {
    $(id).addEventListener('click', () => explain(topic));
  }
  $('about').addEventListener('click', async () => {
    const dialog = $('about-dialog') as HTMLDialogElement;
    const body = $('about-body');
    // Loaded on demand: the rendered document is large and most visits never open it.
    if (!body.childElementCount) body.innerHTML = (await import('virtual:odd-html')).default;
    dialog.showModal();
  });
  const charts = $('charts');
  const sliderBox = el('div', { class: 'slider' },
    el('label', { for: 'hist-tick', text: 'Tick: ' }), el('input', { id: 'hist-tick', type: 'range', min: 0, max: 1, value: 0 }), el('span', { id: 'hist-tick-label' }));
  charts.append(
    card('escalation-chart', 'escalation'), card('hostility-chart', 'hostility'), card('dyad-chart', 'dyad'),
    card('incidents-chart', 'escalation'), card('trackone-chart', 'trackOneTimeline'), card('powerbase-chart', 'powerBase'),
    card('histogram-chart', 'histogram', sliderBox),
  );
  $('hist-tick').addEventListener('input', () => {
    histTick = Number(($('hist-tick') as HTMLInputElement).value);
    renderHistogram();
  });
}

/** Charts are drawn at their container's width: redraw them when the window's width changes (phone rotation, resizing). */
function redrawOnResize(): void {
  let width = window.innerWidth;
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      if (current) current.renderedKey = '';
      scheduleRender();
      renderCompare();
    }, 150);
  });
}

function slug(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario';
}

async function start(): Promise<void> {
  performance.mark('app-start');
  buildPage();
  ($('runs') as HTMLInputElement).value = String(runsWanted);
  let fromLink = false;
  try {
    const shared = await decodeShare(location.hash);
    if (shared) {
      fromLink = loadScenario(shared.scenario, 'the shared link');
      if (fromLink) {
        runsWanted = shared.runs;
        ($('runs') as HTMLInputElement).value = String(runsWanted);
        ($('scenario-select') as HTMLSelectElement).value = scenarioLibrary.find((e) => e.name === working.name)?.id ?? '';
        for (const v of shared.variants) {
          const r = filled(v.scenario);
          if (r.ok) variants.push({ name: v.name, scenario: r.scenario, status: 'queued' });
          else setStatus(`Variant "${v.name}" in the link is invalid and was skipped: ${r.issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')}`, true);
        }
      }
    }
  } catch (e) {
    setStatus(`The shared link could not be read: ${(e as Error).message}. Showing the default scenario.`, true);
  }
  // the link's problems (unreadable, invalid scenario, skipped variants) are in the status now
  if ($('status').classList.contains('error')) linkNotice = $('status').textContent ?? '';
  if (!fromLink) {
    const def = scenarioLibrary.find((e) => e.id === DEFAULT_SCENARIO) ?? scenarioLibrary[0];
    loadScenario(def.json, def.name);
    ($('scenario-select') as HTMLSelectElement).value = def.id;
  }
  renderVariants();
  renderTable();
  updateButtons();
  scheduleShare();
  redrawOnResize();
  void runCurrent();
  if (variants.length) void runVariants();
}

void start();
