// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { resultsPanel } from '../../../../viz/app/panels/resultsPanel';
import { RUN_CHART_IDS } from '../../../../viz/app/runCharts';
import { finishedRun, small } from '../helpers/finishedRun';
import { pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
const svgCount = () => RUN_CHART_IDS.filter((id) => document.getElementById(id)?.querySelector('svg')).length;

beforeEach(() => {
  pageMarkup();
  state = createAppState();
  resultsPanel({ state });
  state.loadScenario(small(base), { id: 'intrastate-conflict', name: base.name });
});

describe('resultsPanel', () => {
  it('resultsPanel({state}) makes a card for every chart, with its explanation and SVG and PNG downloads', () => {
    for (const id of RUN_CHART_IDS) {
      const card = document.getElementById(id)?.closest('.card');
      expect(card, id).not.toBeNull();
      expect([...card!.querySelectorAll('.card-tools button')].map((b) => b.textContent)).toEqual(['i', 'SVG', 'PNG']);
    }
    expect(document.getElementById('hist-tick')).not.toBeNull();
  });

  it('a finished ensemble is drawn, one chart per task, the escalation chart as a median with its bands; clearing the run empties every chart', async () => {
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    state.finishRun(run, { status: 'done', ...finishedRun(small(base), 2) });
    // the first chart is drawn at once, the others in later tasks
    expect(svgCount()).toBeGreaterThan(0);
    await expect.poll(svgCount).toBe(RUN_CHART_IDS.length - 1);
    const escalation = document.querySelector('[data-testid=escalation-chart] g.series')!;
    expect(escalation.getAttribute('data-name')).toBe('median of 2 runs');
    expect(escalation.querySelectorAll('path.band')).toHaveLength(2);
    state.clearRun();
    expect(svgCount()).toBe(0);
  });
});
