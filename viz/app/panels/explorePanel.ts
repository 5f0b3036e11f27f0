import { SWEEP_FILES } from '../../../sim/experiments/sweepFiles';
import type { AppState } from '../appState';
import { byId, download, el } from '../dom';
import { oneTaskEach, throttledRender } from '../renderPacing';
import { drawMorris, drawOne, drawPrim, drawSobol, drawTwo, metricText, viewOf, type ExploreView } from '../explore/exploreCharts';
import { experimentFileName, type ExploreRunner } from '../explore/exploreRunner';
import { defaultSettings, EXPLORE_BOUNDS, exploreExperiment, factorOn, settingsIssues, type ExploreMode, type ExploreSettings } from '../explore/exploreSettings';
import type { ExploreState } from '../explore/exploreState';
import { factorFields, type FactorField } from '../explore/factorFields';

/** Options of `explorePanel`. */
export interface ExplorePanelOptions {
  state: AppState;
  explore: ExploreState;
  runner: ExploreRunner;
}

/** The Explore panel's handle for the page. */
export interface ExplorePanel {
  /** Draws the charts again (they are drawn at their container's width). */
  redraw(): void;
}

/** Least time between two redraws while runs come in, in milliseconds. */
const RENDER_INTERVAL_MS = 250;
/** Least time between two analyses of a screening still running, in milliseconds. */
const ANALYSIS_INTERVAL_MS = 2000;

/** The export buttons, by file, with the file a sweep writes. */
const EXPORTS = [SWEEP_FILES.runs, SWEEP_FILES.series, SWEEP_FILES.runsParquet, SWEEP_FILES.seriesParquet, SWEEP_FILES.manifest];

/**
 * The Explore view: one factor (each outcome over it, with 95 % ribbons), two factors (a heatmap
 * with a table) or a Morris screening of several (μ*–σ and ranked bars), set from the same schema
 * metadata as the parameter panel; Run, Pause and Cancel with progress, drawing the runs as they
 * come; the experiment as a file for `detente sweep`, the sweep's files as exports, and a
 * finished sweep's files (or an experiment) opened to be drawn.
 */
export function explorePanel({ state, explore, runner }: ExplorePanelOptions): ExplorePanel {
  const mode = byId<HTMLSelectElement>('explore-mode');
  const factorsBox = byId('explore-factors');
  const addFactor = byId<HTMLButtonElement>('explore-add-factor');
  const levels = byId<HTMLInputElement>('explore-levels');
  const replicates = byId<HTMLInputElement>('explore-replicates');
  const trajectories = byId<HTMLInputElement>('explore-trajectories');
  const runButton = byId<HTMLButtonElement>('explore-run');
  const pause = byId<HTMLButtonElement>('explore-pause');
  const cancel = byId<HTMLButtonElement>('explore-cancel');
  const progress = byId<HTMLProgressElement>('explore-progress');
  const progressLabel = byId('explore-progress-label');
  const status = byId('explore-status');
  const issues = byId('explore-issues');
  const openInput = byId<HTMLInputElement>('explore-open');
  const charts = byId('explore-charts');
  const analysisBar = byId('explore-analysis');
  const metricSelect = byId<HTMLSelectElement>('explore-metric');
  const threshold = byId<HTMLInputElement>('explore-threshold');
  const primButton = byId<HTMLButtonElement>('explore-prim-run');
  const exportsBox = byId('explore-exports');
  for (const [input, b] of [[levels, EXPLORE_BOUNDS.levels], [replicates, EXPLORE_BOUNDS.replicates], [trajectories, EXPLORE_BOUNDS.trajectories]] as const) {
    input.min = String(b.min);
    input.max = String(b.max);
  }

  let fields: FactorField[] = [];
  const settings = () => explore.settings!;
  const update = (patch: Partial<ExploreSettings>) => explore.setSettings({ ...settings(), ...patch });

  function fieldSelect(k: number, path: string): HTMLSelectElement {
    const select = el('select', { 'data-testid': `explore-factor-${k}`, 'aria-label': `Factor ${k + 1}` });
    const groups = new Map<string, HTMLOptGroupElement>();
    for (const f of fields) {
      const at = f.label.lastIndexOf(': ');
      const [group, name] = [f.label.slice(0, at), f.label.slice(at + 2)];
      let g = groups.get(group);
      if (!g) groups.set(group, (g = el('optgroup', { label: group })));
      g.append(el('option', { value: f.path, text: name }));
    }
    select.append(...groups.values());
    select.value = path;
    select.addEventListener('change', () => {
      const field = fields.find((f) => f.path === select.value);
      if (!field) return;
      update({ factors: settings().factors.map((g, j) => (j === k ? factorOn(field, state.working) : g)) });
    });
    return select;
  }

  function numberInput(k: number, key: 'min' | 'max', value: number | undefined, field: FactorField): HTMLInputElement {
    const input = el('input', { type: 'number', step: 'any', value: value ?? '', 'aria-label': `Factor ${k + 1}: ${key === 'min' ? 'lowest' : 'highest'} value`, 'data-testid': `explore-${key}-${k}`, min: field.min, max: field.max });
    input.addEventListener('change', () => {
      const v = input.value.trim() === '' ? undefined : Number(input.value);
      update({ factors: settings().factors.map((g, j) => (j === k ? { ...g, [key]: v } : g)) });
    });
    return input;
  }

  function renderSettings(): void {
    const s = explore.settings;
    if (!s) return;
    mode.value = s.mode;
    factorsBox.replaceChildren(...s.factors.map((f, k) => {
      const field = fields.find((x) => x.path === f.path);
      const row = el('div', { class: 'row explore-factor' }, fieldSelect(k, f.path));
      if (field?.kind === 'number') row.append(el('span', { text: 'from' }), numberInput(k, 'min', f.min, field), el('span', { text: 'to' }), numberInput(k, 'max', f.max, field));
      else if (field) row.append(el('span', { class: 'muted', text: `each of ${field.options?.join(', ')}` }));
      if (s.mode === 'morris') {
        const rm = el('button', { type: 'button', class: 'small', text: 'remove', 'aria-label': `Remove factor ${k + 1}` });
        rm.disabled = s.factors.length <= EXPLORE_BOUNDS.factors.min;
        rm.addEventListener('click', () => update({ factors: s.factors.filter((_, j) => j !== k) }));
        row.append(rm);
      }
      return row;
    }));
    addFactor.hidden = s.mode !== 'morris';
    levels.closest('label')!.hidden = s.mode === 'morris';
    trajectories.closest('label')!.hidden = s.mode !== 'morris';
    levels.value = String(s.levels);
    replicates.value = String(s.replicates);
    trajectories.value = String(s.trajectories);
    showBlock();
  }

  function showBlock(): void {
    const s = explore.settings;
    const problems = s ? settingsIssues(s, fields) : [];
    issues.replaceChildren(...problems.map((t) => el('li', { text: t })));
    issues.hidden = !problems.length;
    const busy = explore.shown?.status === 'running' || explore.shown?.status === 'paused' || explore.shown?.status === 'planning';
    runButton.disabled = !s || problems.length > 0 || !state.valid;
    runButton.title = !state.valid ? 'Fix the scenario\'s fields marked in red first.' : problems.join('; ');
    pause.disabled = cancel.disabled = !busy;
    pause.textContent = explore.shown?.status === 'paused' ? 'Resume' : 'Pause';
  }

  mode.addEventListener('change', () => explore.setSettings(defaultSettings(mode.value as ExploreMode, fields, state.working)));
  addFactor.addEventListener('click', () => {
    const used = new Set(settings().factors.map((f) => f.path));
    const next = fields.find((f) => f.kind === 'number' && !used.has(f.path));
    if (next) update({ factors: [...settings().factors, factorOn(next, state.working)] });
  });
  const wholeInput = (input: HTMLInputElement, key: 'levels' | 'replicates' | 'trajectories') =>
    input.addEventListener('change', () => update({ [key]: input.value.trim() === '' ? Number.NaN : Number(input.value) }));
  wholeInput(levels, 'levels');
  wholeInput(replicates, 'replicates');
  wholeInput(trajectories, 'trajectories');

  /** The experiment Run would run: the view's settings on the scenario as edited. */
  const experimentOfSettings = () => exploreExperiment(settings(), state.working, fields);
  runButton.addEventListener('click', () => {
    const s = settings();
    state.setExploreLink(s);
    void runner.run(experimentOfSettings(), s);
  });
  pause.addEventListener('click', () => (explore.shown?.status === 'paused' ? runner.resume() : runner.pause()));
  cancel.addEventListener('click', () => runner.cancel());
  byId('explore-download').addEventListener('click', () => {
    // the exploration on screen, which the numbers shown come from; else the one Run would start
    const e = explore.shown?.data.head.experiment ?? experimentOfSettings();
    download(experimentFileName(e.name ?? 'experiment'), `${JSON.stringify(e, null, 2)}\n`, 'application/json');
  });
  byId('explore-open-button').addEventListener('click', () => openInput.click());
  openInput.addEventListener('change', () => {
    const files = [...(openInput.files ?? [])];
    openInput.value = '';
    if (files.length) void runner.open(files);
  });

  exportsBox.replaceChildren(...EXPORTS.map((name) => {
    const b = el('button', { type: 'button', class: 'small', 'data-file': name, 'data-testid': `explore-export-${name}`, text: name });
    b.addEventListener('click', async () => {
      const f = (await runner.files()).find((x) => x.name === name);
      if (f) download(name, f.data as BlobPart, name.endsWith('.parquet') ? 'application/vnd.apache.parquet' : name.endsWith('.json') ? 'application/json' : 'text/csv');
    });
    return b;
  }));
  const showExports = () => {
    const x = explore.shown;
    const ended = !!x?.records && (x.status === 'done' || x.status === 'cancelled' || x.status === 'failed');
    for (const b of exportsBox.querySelectorAll<HTMLButtonElement>('button')) {
      const name = b.dataset.file!;
      const hasSeries = !!x?.data.head.experiment.series;
      b.disabled = !ended || (name.endsWith('.parquet') && x?.status !== 'done') || (name.startsWith('series') && !hasSeries);
    }
  };

  // charts
  let view: ExploreView | undefined;
  let lastAnalysis = 0;

  function metricOptions(): void {
    const x = explore.shown;
    if (!x) return;
    const before = metricSelect.value;
    const tpy = Number((x.data.head.experiment.scenario as { ticksPerYear?: number })?.ticksPerYear ?? 12);
    metricSelect.replaceChildren(...x.data.metrics.map((m) => el('option', { value: m, text: metricText(m, tpy).label })));
    metricSelect.value = x.data.metrics.includes(before) ? before : x.data.metrics.includes('deescalated') ? 'deescalated' : x.data.metrics[0];
  }

  function analyse(): void {
    const x = explore.shown;
    if (!x || !view || !x.data.runs.size || (view !== 'morris' && view !== 'sobol')) return;
    lastAnalysis = performance.now();
    void runner.analyze(view, metricSelect.value);
  }

  /** What the charts' cards were made for: a new exploration, view, outcome or analysis makes them again. */
  let layout = '';

  function render(): void {
    const x = explore.shown;
    const a = explore.analysis;
    const now = `${view}|${metricSelect.value}|${a?.method ?? ''}|${a?.metric ?? ''}|${a?.message ?? ''}`;
    if (!x || now !== layout) charts.replaceChildren();
    layout = now;
    if (!x) return;
    const data = x.data;
    const label = metricText(metricSelect.value, Number((data.head.experiment.scenario as { ticksPerYear?: number })?.ticksPerYear ?? 12)).label.toLowerCase();
    const tasks = view === 'one' ? drawOne(charts, data) : view === 'two' ? drawTwo(charts, data, metricSelect.value) : [];
    if (a?.message) charts.replaceChildren(el('p', { class: 'issues', role: 'alert', text: a.message }));
    else if (a?.result?.method === 'morris') tasks.push(() => drawMorris(charts, a.result as Extract<typeof a.result, { method: 'morris' }>, label));
    else if (a?.result?.method === 'sobol') tasks.push(() => drawSobol(charts, a.result as Extract<typeof a.result, { method: 'sobol' }>, label));
    else if (a?.result?.method === 'prim') tasks.push(() => drawPrim(charts, a.result as Extract<typeof a.result, { method: 'prim' }>, label));
    // one chart per task, so the main thread stays free between them; then say what is drawn (tests wait on it)
    tasks.push(() => {
      charts.dataset.runs = String(data.runs.size);
      charts.dataset.analysis = a?.result ? `${a.result.method} ${a.result.n}` : '';
    });
    oneTaskEach(tasks, () => explore.shown === x);
  }

  const { schedule: scheduleRender } = throttledRender(() => {
    render();
    if (explore.shown?.status === 'running' && performance.now() - lastAnalysis > ANALYSIS_INTERVAL_MS) analyse();
  }, RENDER_INTERVAL_MS);

  function showProgress(): void {
    const x = explore.shown;
    const p = x ? x.data.runs.size / Math.max(1, x.data.total) : 0;
    progress.value = p;
    progressLabel.textContent = x ? `${x.data.runs.size.toLocaleString('en')} of ${x.data.total.toLocaleString('en')} runs` : '';
  }

  explore.on('exploration', () => {
    const x = explore.shown;
    view = x ? viewOf(x.data) : undefined;
    metricOptions();
    analysisBar.hidden = !x || view === 'one';
    threshold.closest('label')!.hidden = primButton.hidden = view !== 'prim';
    document.body.dataset.exploreState = x?.status ?? '';
    showBlock();
    showExports();
    showProgress();
    if (x && x.status !== 'running') analyse();
    scheduleRender();
  });
  explore.on('progress', () => {
    showProgress();
    scheduleRender();
  });
  explore.on('analysis', scheduleRender);
  explore.on('settings', renderSettings);
  explore.on('status', () => {
    status.textContent = explore.status.text;
    status.classList.toggle('error', explore.status.error);
    status.setAttribute('role', explore.status.error ? 'alert' : 'status');
  });
  metricSelect.addEventListener('change', () => {
    if (view === 'morris' || view === 'sobol') analyse();
    else scheduleRender();
  });
  primButton.addEventListener('click', () => void runner.analyze('prim', metricSelect.value, { threshold: Number(threshold.value) }));

  const refreshFields = () => {
    fields = factorFields(state.working);
    if (!explore.settings) explore.setSettings(defaultSettings('one', fields, state.working));
    else renderSettings();
  };
  state.on('scenario', refreshFields);
  state.on('tracks', refreshFields);
  for (const topic of ['issues', 'edit'] as const) state.on(topic, showBlock);
  if (state.working) refreshFields();
  return { redraw: scheduleRender };
}
