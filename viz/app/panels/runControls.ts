import type { AppState } from '../appState';
import { byId, download, el } from '../dom';
import { showFieldIssues } from '../fields';
import { MAX_RUNS } from '../limits';
import type { Runner } from '../runner';
import { scenarioLibrary } from '../scenarioLibrary';
import { stepPhrase } from '../timeUnit';
import { calendarDate, yearsOf } from '../yearsOf';
import { slug } from '../slug';

/** Options of `runControls`. */
export interface RunControlsOptions {
  state: AppState;
  /** The current run's runner: pause, step and cancel go to its worker. */
  runner: Runner;
  /** Starts a new current run (see runCurrent), or continues a saved one; it must post its start before it first awaits. */
  run: (options?: { paused?: boolean; resume?: Uint8Array }) => Promise<void>;
}

/**
 * The run bar: seed and ensemble size, Run, Pause, Step, Cancel and Reset, saving a paused run to
 * a file and continuing one from a file, the progress bar, the status line and the issues no field
 * answers to. It also marks every field's validation issue
 * and records the run state on `document.body.dataset.runState`.
 */
export function runControls({ state, runner, run }: RunControlsOptions): void {
  const seed = byId<HTMLInputElement>('seed');
  const runs = byId<HTMLInputElement>('runs');
  const runsError = byId('runs-error');
  const runButton = byId<HTMLButtonElement>('run');
  const pause = byId<HTMLButtonElement>('pause');
  const cancel = byId<HTMLButtonElement>('cancel');
  const saveRun = byId<HTMLButtonElement>('save-run');
  const progress = byId<HTMLProgressElement>('progress');
  const progressLabel = byId('progress-label');
  const status = byId('status');
  const general = byId('issues');
  runs.max = String(MAX_RUNS);

  seed.addEventListener('change', () => {
    // an empty field is a missing seed, shown as an error, not seed 0 (Number('') is 0)
    const raw = seed.value.trim();
    state.edit(['seed'], raw === '' ? Number.NaN : Number(raw));
  });
  runs.addEventListener('change', () => {
    const ok = state.setRunsWanted(Number(runs.value));
    runsError.textContent = ok ? '' : `a whole number from 1 to ${MAX_RUNS}`;
  });
  runButton.addEventListener('click', () => void run());
  cancel.addEventListener('click', () => void runner.client.api.cancel());
  pause.addEventListener('click', () => {
    const c = state.current;
    if (!c || !state.running) return;
    state.setPaused(!c.paused);
    void (c.paused ? runner.client.api.pause() : runner.client.api.resume());
  });
  byId('step').addEventListener('click', () => {
    if (state.running && state.current) state.setPaused(true);
    // run() posts its start message synchronously, so this step reaches the worker after it.
    else void run({ paused: true });
    void runner.client.api.step(1);
  });
  saveRun.addEventListener('click', async () => {
    const c = state.current;
    if (!c?.paused || !state.running) return;
    const saved = await runner.client.api.save();
    if (!saved.ok) return state.setStatus(`The run could not be saved: ${saved.message}`, true);
    download(`${slug(c.scenario.name)}-seed${c.scenario.seed}-run${saved.run}-tick${saved.tick}.detente-run`, saved.bytes as BlobPart, 'application/octet-stream');
    state.setStatus(`Saved at run ${saved.run + 1} of ${c.runs}, tick ${saved.tick}. "Open saved run…" continues it, here or later.`);
  });
  byId('open-run').addEventListener('change', async (ev) => {
    const input = ev.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const bytes = new Uint8Array(await file.arrayBuffer());
    const opened = await runner.client.api.openSaved(bytes);
    if (!opened.ok) return state.setStatus(`${file.name} cannot be continued: ${opened.message}`, true);
    if (!state.loadScenario(opened.scenario, { id: '', name: file.name }) || !state.setRunsWanted(opened.runs)) {
      return state.setStatus(`${file.name} cannot be continued here: its scenario or ensemble size is not one this page runs`, true);
    }
    // paused where it was saved: Resume (or Step) continues it
    const going = run({ paused: true, resume: bytes });
    state.setStatus(`Opened ${file.name}: run ${opened.run + 1} of ${opened.runs}, tick ${opened.tick}, paused. Resume continues it.`);
    await going;
  });
  byId('reset').addEventListener('click', async () => {
    await runner.client.api.cancel();
    const e = scenarioLibrary.find((x) => x.id === state.source.id);
    if (e) state.loadScenario(e.json, { id: e.id, name: e.name });
    else state.loadScenario(state.baseline, state.source);
    state.clearRun();
    state.setStatus('Reset to the scenario as loaded.');
  });

  const showProgress = () => {
    const p = state.current?.results.progress ?? 0;
    progress.value = p;
    progressLabel.textContent = state.current ? `${Math.round(p * 100)} %` : '';
  };
  const stepButton = byId<HTMLButtonElement>('step');
  /** The tick the current run has reached (its latest replicate's last row), or -1. */
  const reached = () => {
    const runs = state.current?.results.runs ?? [];
    return runs.length ? runs[runs.length - 1].rows - 1 : -1;
  };
  const showButtons = () => {
    cancel.disabled = !state.running;
    pause.disabled = !state.running;
    const paused = !!state.current?.paused && state.running;
    pause.textContent = paused ? 'Resume' : 'Pause';
    const t = reached();
    stepButton.textContent = paused && t >= 0 ? `Step to tick ${t + 1}` : 'Step';
    saveRun.disabled = !paused;
  };
  /** While paused, the status says where the run stands. */
  const showPaused = () => {
    const c = state.current;
    if (!c?.paused || !state.running) return;
    const t = reached();
    if (t < 0) return;
    const r = c.results.runs.length;
    const when = c.scenario.startYear === undefined ? `year ${(t / c.scenario.ticksPerYear).toFixed(1)}` : calendarDate(yearsOf(c.scenario, t + 1)[t]);
    state.setStatus(`Paused at tick ${t} (${when}; ${stepPhrase(c.scenario.ticksPerYear)})${c.runs > 1 ? ` in run ${r} of ${c.runs}` : ''}. Step moves one tick; Resume runs on.`);
  };
  state.on('scenario', () => (seed.value = String(state.working.seed)));
  state.on('runs', () => {
    if (Number(runs.value) !== state.runsWanted) runs.value = String(state.runsWanted);
  });
  state.on('status', () => {
    status.textContent = state.status.text;
    status.classList.toggle('error', state.status.error);
    status.setAttribute('role', state.status.error ? 'alert' : 'status');
  });
  state.on('issues', () => {
    const rest = showFieldIssues(document, state.issues, state.working);
    general.replaceChildren(...rest.map((t) => el('li', { text: t })));
    general.hidden = !rest.length;
    runButton.disabled = !state.valid;
  });
  state.on('progress', () => {
    showProgress();
    showButtons();
    showPaused();
  });
  state.on('run', () => {
    if (state.runState) document.body.dataset.runState = state.runState;
    showButtons();
    showProgress();
    showPaused();
  });
  runs.value = String(state.runsWanted);
  showButtons();
}
