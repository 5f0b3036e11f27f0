// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { createAppState, DEFAULT_RUNS, type AppState } from '../../../../viz/app/appState';
import { MAX_RUNS } from '../../../../viz/app/limits';
import { runControls } from '../../../../viz/app/panels/runControls';
import { finishedRun, small } from '../helpers/finishedRun';
import { pageMarkup } from '../helpers/pageMarkup';
import type { CurrentRunner } from '../../../../viz/app/runCurrent';

let state: AppState;
let runs: number;
let calls: string[];
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const enter = (id: string, value: string) => {
  $<HTMLInputElement>(id).value = value;
  $(id).dispatchEvent(new Event('change'));
};
beforeEach(() => {
  pageMarkup();
  state = createAppState();
  runs = 0;
  calls = [];
  const current: CurrentRunner = {
    run: async (o) => void (runs++, calls.push(o?.paused ? 'run paused' : 'run')),
    pause: () => void calls.push('pause'),
    resume: () => void calls.push('resume'),
    step: (n = 1) => void calls.push(`step ${n}`),
    cancel: () => void calls.push('cancel'),
    save: async () => (calls.push('save'), { ok: false, message: 'nothing to save' }),
    openSaved: async () => (calls.push('open saved'), { ok: false, message: 'nothing to open' }),
  };
  runControls({ state, current });
  state.loadScenario(small(base), { id: 'intrastate-conflict', name: base.name });
});

describe('runControls', () => {
  it('runControls({state, current}) shows the ensemble size and seed, and takes the runs input\'s max from MAX_RUNS', () => {
    expect($<HTMLInputElement>('runs').value).toBe(String(DEFAULT_RUNS));
    expect($<HTMLInputElement>('runs').max).toBe(String(MAX_RUNS));
    expect($<HTMLInputElement>('seed').value).toBe(String(base.seed));
  });

  it('an ensemble size out of range (or none) shows an error, keeps what was typed and disables Run; a valid one clears all three', () => {
    for (const bad of [String(MAX_RUNS + 1), '', '2.5']) {
      enter('runs', bad);
      expect($('runs-error').textContent).toBe(`a whole number from 1 to ${MAX_RUNS}`);
      expect($<HTMLInputElement>('runs').value).toBe(bad);
      expect($('runs').getAttribute('aria-invalid')).toBe('true');
      expect($<HTMLButtonElement>('run').disabled).toBe(true);
      expect(state.runsWanted).toBe(DEFAULT_RUNS);
    }
    enter('runs', '3');
    expect($('runs-error').textContent).toBe('');
    expect($('runs').hasAttribute('aria-invalid')).toBe(false);
    expect($<HTMLButtonElement>('run').disabled).toBe(false);
    expect(state.runsWanted).toBe(3);
  });

  it('a scenario too large for the page disables Run and lists why, with the command that runs it', () => {
    state.edit(['parties', 0, 'population'], 60_000_000);
    expect($<HTMLButtonElement>('run').disabled).toBe(true);
    expect($('issues').hidden).toBe(false);
    expect($('issues').textContent).toMatch(/^This would need about .* GiB of memory in the browser .*npx detente run .*\.json --runs 10 --summary$/);
    state.edit(['parties', 0, 'population'], 400);
    expect($<HTMLButtonElement>('run').disabled).toBe(false);
    expect($('issues').hidden).toBe(true);
  });

  it('an empty seed is a missing seed (NaN), not seed 0', () => {
    enter('seed', '');
    expect(state.working.seed).toBeNaN();
    enter('seed', '7');
    expect(state.working.seed).toBe(7);
  });

  it('Run starts a run', () => {
    $('run').click();
    expect(runs).toBe(1);
  });

  it('Step starts a paused run and steps it; Pause and Resume, Step and Cancel act on the run under way', () => {
    $('step').click();
    expect(calls).toEqual(['run paused', 'step 1']);
    calls = [];
    state.beginRun({ paused: false, histogramBins: 0 });
    $('pause').click();
    $('pause').click();
    $('step').click();
    $('cancel').click();
    expect(calls).toEqual(['pause', 'resume', 'step 1', 'cancel']);
    expect(state.current?.paused).toBe(true);
  });

  it('issues are marked on their fields, the rest listed, and Run disabled until a valid scenario', () => {
    state.setValidation({ ok: false, issues: [{ path: 'seed', message: 'expected a number' }, { path: 'kernel.formula', message: 'unknown symbol' }] });
    expect($('seed-error').textContent).toBe('Expected a number.');
    expect($('seed').getAttribute('aria-invalid')).toBe('true');
    expect($('issues').hidden).toBe(false);
    expect([...$('issues').children].map((li) => li.textContent)).toEqual(['how much each track counts for official talks (w(d)): unknown symbol']);
    expect($<HTMLButtonElement>('run').disabled).toBe(true);
    state.loadScenario(base, { id: 'intrastate-conflict', name: base.name });
    expect($('seed-error').textContent).toBe('');
    expect($('seed').hasAttribute('aria-invalid')).toBe(false);
    expect($('issues').hidden).toBe(true);
    expect($<HTMLButtonElement>('run').disabled).toBe(false);
  });

  it('the status line shows errors as an alert', () => {
    state.setStatus('Something is wrong.', true);
    expect($('status').textContent).toBe('Something is wrong.');
    expect($('status').classList.contains('error')).toBe(true);
    expect($('status').getAttribute('role')).toBe('alert');
    state.setStatus('Fine.');
    expect($('status').getAttribute('role')).toBe('status');
  });

  it('the run state, buttons and progress follow the current run, and Reset\'s clearing empties the progress bar', () => {
    expect($<HTMLButtonElement>('cancel').disabled).toBe(true);
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    expect(document.body.dataset.runState).toBe('running');
    expect($<HTMLButtonElement>('cancel').disabled).toBe(false);
    expect($<HTMLButtonElement>('pause').disabled).toBe(false);
    state.setPaused(true);
    expect($('pause').textContent).toBe('Resume');
    const { results, stats, band } = finishedRun(small(base), 1);
    state.updateRun(run, { ...results, progress: 0.5 });
    expect($<HTMLProgressElement>('progress').value).toBe(0.5);
    expect($('progress-label').textContent).toBe('50 %');
    state.finishRun(run, { status: 'done', results, stats, band });
    expect(document.body.dataset.runState).toBe('done');
    expect($<HTMLButtonElement>('cancel').disabled).toBe(true);
    expect($('pause').textContent).toBe('Pause');
    expect($<HTMLProgressElement>('progress').value).toBe(1);
    state.clearRun();
    expect($<HTMLProgressElement>('progress').value).toBe(0);
    expect($('progress-label').textContent).toBe('');
  });

  it('while paused the status says "Paused at tick N" with its date, and Step names the tick it moves to', () => {
    const run = state.beginRun({ paused: true, histogramBins: 0 });
    const { results } = finishedRun(small(base), 1);
    state.updateRun(run, { ...results, runs: [{ ...results.runs[0], rows: 13 }], progress: 0.5 });
    expect(state.status.text).toMatch(/^Paused at tick 12 \(year 1\.0; one step = one month\) in run 1 of 10\. Step moves one tick/);
    expect($('status').textContent).toBe(state.status.text);
    expect($('step').textContent).toBe('Step to tick 13');
    state.setPaused(false);
    expect($('step').textContent).toBe('Step');
  });
});
