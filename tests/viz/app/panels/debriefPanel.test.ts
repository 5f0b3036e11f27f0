// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { debriefPanel } from '../../../../viz/app/panels/debriefPanel';
import { finishedRun, small } from '../helpers/finishedRun';
import { pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
const line = () => document.getElementById('debrief-summary')?.textContent;

beforeEach(() => {
  pageMarkup();
  state = createAppState();
  debriefPanel({ state });
});

describe('debriefPanel', () => {
  it('a status set before any scenario is loaded (a damaged link) does not break the page', () => {
    expect(() => state.setStatus('The shared link could not be read.', true)).not.toThrow();
    expect(line()).toBe('');
  });

  it('the debrief line names the scenario, seed, runs and how the run ended', () => {
    state.loadScenario(small(base), { id: 'intrastate-conflict', name: base.name });
    expect(line()).toBe(`Debrief: “${base.name}”, not run yet.`);
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    state.setStatus('Done: 10 runs in 1.0 s.');
    state.finishRun(run, { status: 'done', ...finishedRun(small(base), 1) });
    expect(line()).toBe(`Debrief: “${base.name}”, seed 1, 10 runs. Done: 10 runs in 1.0 s.`);
  });
});
