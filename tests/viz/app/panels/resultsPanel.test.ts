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
    expect(escalation.getAttribute('data-name')).toBe('typical run (median of 2)');
    expect(escalation.querySelectorAll('path.band')).toHaveLength(2);
    state.clearRun();
    expect(svgCount()).toBe(0);
  });
});

describe('resultsPanel, read by a student', () => {
  it('each chart\'s data table is filled when opened, with a caption, headers and one row a year', async () => {
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    state.finishRun(run, { status: 'done', ...finishedRun(small(base), 2) });
    await expect.poll(svgCount).toBe(RUN_CHART_IDS.length - 1);
    const box = document.getElementById('escalation-chart-table') as HTMLDetailsElement;
    expect(box.hidden).toBe(false);
    box.open = true;
    box.dispatchEvent(new Event('toggle'));
    const table = box.querySelector('table')!;
    expect(table.querySelector('caption')?.textContent).toMatch(/^Escalation \(0 = calm, 1 = all-out war\) over 2 runs/);
    expect([...table.querySelectorAll('thead th')].map((t) => t.textContent)[0]).toBe('years from the start');
    // 24 ticks at 12 a year: ticks 0, 12 and 24
    expect([...table.querySelectorAll('tbody th')].map((t) => t.textContent)).toEqual(['0', '1', '2']);
  });

  it('a scenario without Track One says why the Track One charts are empty, and draws nothing there', async () => {
    state.loadScenario({ ...small(base), actors: base.actors.filter((a) => a.track !== 1) }, { id: '', name: 'no track one' });
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    state.finishRun(run, { status: 'done', ...finishedRun(state.working, 1) });
    await expect.poll(() => document.getElementById('powerbase-chart-note')?.hidden).toBe(false);
    for (const id of ['trackone-chart', 'powerbase-chart']) {
      expect(document.getElementById(`${id}-note`)?.textContent).toMatch(/no Track One \(official\) actor/);
      expect(document.getElementById(id)?.querySelector('svg')).toBeNull();
    }
    expect(document.getElementById('escalation-chart-note')?.hidden).toBe(true);
  });

  it('after Reset (the run cleared) no card is shown, and a note says to press Run', async () => {
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    state.finishRun(run, { status: 'done', ...finishedRun(small(base), 1) });
    await expect.poll(svgCount).toBe(RUN_CHART_IDS.length - 1);
    state.clearRun();
    expect(document.getElementById('charts')?.hasAttribute('data-empty')).toBe(true);
    expect(document.querySelector('.charts-empty')?.textContent).toMatch(/press Run/);
  });

  it('a scenario with a calendar shows dates on the time axis', async () => {
    state.loadScenario({ ...small(base), startYear: 1960 }, { id: '', name: 'dated' });
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    state.finishRun(run, { status: 'done', ...finishedRun(state.working, 1) });
    await expect.poll(svgCount).toBe(RUN_CHART_IDS.length - 1);
    const ticks = [...document.querySelectorAll('[data-testid=escalation-chart] .tick text')].map((t) => t.textContent);
    expect(ticks).toContain('1961');
    expect(document.querySelector('[data-testid=escalation-chart] svg')?.textContent).toContain('year (one step = one month)');
  });
});
