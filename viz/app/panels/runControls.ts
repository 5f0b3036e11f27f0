import type { AppState } from '../appState';
import { byId, download, el } from '../dom';
import { showFieldIssues } from '../fields';
import { MAX_RUNS } from '../limits';
import type { CurrentRunner } from '../runCurrent';
import { whyNotRun } from '../runGuard';
import { scenarioLibrary } from '../scenarioLibrary';
import { stepPhrase } from '../timeUnit';
import { calendarDate, yearsOf } from '../yearsOf';
import { slug } from '../slug';

/** Options of `runControls`. */
export interface RunControlsOptions {
  state: AppState;
  /** The current run: Run, Pause, Step, Cancel and saving act on it, and a saved run continues in it. */
  current: CurrentRunner;
}

/**
 * The run bar: seed and ensemble size, Run, Pause, Step, Cancel and Reset, saving a paused run to
 * a file and continuing one from a file, the progress bar, the status line and the issues no field
 * answers to. It also marks every field's validation issue, keeps Run disabled while anything
 * stops a run (see `whyNotRun`; a memory problem is listed with the issues) and records the run
 * state on `document.body.dataset.runState`.
 */
export function runControls({ state, current }: RunControlsOptions): void {
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
  // an empty field is no ensemble size (Number('') would be 0, refused too, but by accident)
  runs.addEventListener('change', () => void state.setRunsWanted(runs.value.trim() === '' ? Number.NaN : Number(runs.value)));
  runButton.addEventListener('click', () => void current.run());
  cancel.addEventListener('click', () => current.cancel());
  pause.addEventListener('click', () => {
    const c = state.current;
    if (!c || !state.running) return;
    state.setPaused(!c.paused);
    if (c.paused) current.pause();
    else current.resume();
  });
  byId('step').addEventListener('click', () => {
    if (state.running && state.current) state.setPaused(true);
    // run() starts its job before it first awaits, so this step goes to it.
    else void current.run({ paused: true });
    current.step(1);
  });
  saveRun.addEventListener('click', async () => {
    const c = state.current;
    if (!c?.paused || !state.running) return;
    const saved = await current.save();
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
    const opened = await current.openSaved(bytes);
    if (!opened.ok) return state.setStatus(`${file.name} cannot be continued: ${opened.message}`, true);
    if (!state.loadScenario(opened.scenario, { id: '', name: file.name }) || !state.setRunsWanted(opened.runs)) {
      return state.setStatus(`${file.name} cannot be continued here: its scenario or ensemble size is not one this page runs`, true);
    }
    // paused where it was saved: Resume (or Step) continues it
    const going = current.run({ paused: true, resume: { bytes, run: opened.run } });
    state.setStatus(`Opened ${file.name}: run ${opened.run + 1} of ${opened.runs}, tick ${opened.tick}, paused. Resume continues it.`);
    await going;
  });
  byId('reset').addEventListener('click', () => {
    current.cancel();
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
    runsError.textContent = state.runsIssue;
    // the field keeps what was typed while it is wrong, so it can be corrected
    if (!state.runsIssue && Number(runs.value) !== state.runsWanted) runs.value = String(state.runsWanted);
  });
  state.on('status', () => {
    status.textContent = state.status.text;
    status.classList.toggle('error', state.status.error);
    status.setAttribute('role', state.status.error ? 'alert' : 'status');
  });
  const showBlock = () => {
    const rest = showFieldIssues(document, state.issues, state.working);
    if (state.runsIssue) runs.setAttribute('aria-invalid', 'true');
    const why = whyNotRun(state);
    // the fields and the ensemble size show their own problems; memory has no field of its own
    if (state.valid && !state.runsIssue && why) rest.push(why);
    general.replaceChildren(...rest.map((t) => el('li', { text: t })));
    general.hidden = !rest.length;
    runButton.disabled = !!why;
    runButton.title = why;
  };
  for (const topic of ['issues', 'runs', 'scenario', 'edit', 'tracks', 'variants'] as const) state.on(topic, showBlock);
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
