// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { compareRuns } from '../../../../sim/compare/index';
import { createAppState, type AppState, type Variant } from '../../../../viz/app/appState';
import { summaryPanel } from '../../../../viz/app/panels/summaryPanel';
import { finishedRun, small } from '../helpers/finishedRun';
import { pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const rows = (table: string) => [...document.querySelectorAll(`[data-testid=${table}] tbody tr`)].map((r) => [r.getAttribute('data-row'), ...[...r.children].map((c) => c.textContent)]);
const scenario = small(base, 12);
const trackOne = { ...scenario, actors: base.actors.filter((a) => a.track === 1) };
const twelve = finishedRun(scenario, 12);
const twelveOne = finishedRun(trackOne, 12);

/** Finishes the current run with `fin`'s results. */
function finishCurrent(fin: ReturnType<typeof finishedRun>) {
  const run = state.beginRun({ paused: false, histogramBins: 0 });
  state.finishRun(run, { status: 'done', ...fin });
}
function finishVariant(v: Variant, fin: ReturnType<typeof finishedRun>) {
  state.updateVariant(v, { status: 'done', band: fin.band, stats: fin.stats, summaries: fin.results.summaries, columns: fin.results.runs });
}

beforeEach(() => {
  pageMarkup();
  state = createAppState();
  summaryPanel({ state });
  state.loadScenario(scenario, { id: 'intrastate-conflict', name: base.name });
  state.setRunsWanted(12);
});

describe('summaryPanel', () => {
  it('summaryPanel({state}) stays hidden until a run is done, then shows its row at the top of the results with each cell\'s interval and n', () => {
    expect($('summary-section').hidden).toBe(true);
    finishCurrent(twelve);
    expect($('summary-section').hidden).toBe(false);
    const [row] = rows('summary-table');
    expect(row.slice(0, 3)).toEqual(['run', 'Last run', '12']);
    // peak escalation: "mean (lo–hi)" and the runs behind it
    expect(row[3]).toMatch(/^\d\.\d\d \(\d\.\d\d–\d\.\d\d\)n = 12 runs$/);
    expect(row[5]).toMatch(/^\d+ %( \(\d+–\d+ %\))?|too few/);
    expect($('difference-table').hidden).toBe(true);
    // the main results come first in the page's markup
    expect($('summary-section').compareDocumentPosition($('charts')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('fewer than 10 runs behind a statistic show "too few runs" instead of an interval', () => {
    finishCurrent(finishedRun(scenario, 3));
    const [row] = rows('summary-table');
    expect(row[3]).toMatch(/^\d\.\d\d too few runs for an intervaln = 3 runs$/);
  });

  it('the last run is marked stale once the settings change, and unmarked when they are back', () => {
    finishCurrent(twelve);
    state.edit(['parties', 0, 'reactivity'], 0.31);
    expect(document.querySelector('[data-row=run]')?.hasAttribute('data-stale')).toBe(true);
    expect(rows('summary-table')[0][1]).toBe('Last runsettings changed since: press Run to update');
    state.setRunsWanted(13);
    state.setRunsWanted(12);
    state.edit(['parties', 0, 'reactivity'], state.baseline.parties[0].reactivity);
    expect(document.querySelector('[data-row=run]')?.hasAttribute('data-stale')).toBe(false);
  });

  it('each configuration\'s difference from the baseline (the first variant unless chosen) is paired by seed, with its interval, direction and pairs', () => {
    finishCurrent(twelve);
    const v = state.addVariant('Track One only');
    expect($<HTMLSelectElement>('baseline').value).toBe('variant-0');
    expect($('baseline-waiting').textContent).toBe('');
    finishVariant(v, twelveOne);
    expect(rows('summary-table').map((r) => r[0])).toEqual(['run', 'variant-0']);
    const d = compareRuns({ summaries: twelve.results.summaries, ticksPerYear: 12 }, { summaries: twelveOne.results.summaries, ticksPerYear: 12 });
    const [diff] = rows('difference-table');
    expect(diff.slice(0, 3)).toEqual(['run', 'Last run', '12']);
    const peak = d.outcomes.peakX;
    const word = peak.lo > 0 ? 'higher' : peak.hi < 0 ? 'lower' : 'no clear difference';
    expect(diff[3]).toContain(word);
    expect(diff[3]).toMatch(/n = 12 pairs$/);
    expect($('difference-table').querySelector('caption')?.textContent).toContain('Track One only');
    // choosing the last run as baseline turns the comparison round
    const select = $<HTMLSelectElement>('baseline');
    select.value = 'run';
    select.dispatchEvent(new Event('change'));
    expect(state.comparisonBaseline()).toBe('run');
    expect(rows('difference-table').map((r) => r[0])).toEqual(['variant-0']);
  });

  it('a baseline still running is said to be waiting; exports wait for a finished configuration', () => {
    expect($<HTMLButtonElement>('export-comparison').disabled).toBe(true);
    finishCurrent(twelve);
    expect($<HTMLButtonElement>('export-comparison').disabled).toBe(false);
    expect($<HTMLButtonElement>('export-summary').disabled).toBe(false);
    state.addVariant('queued');
    expect($('baseline-waiting').textContent).toBe('');
    finishVariant(state.addVariant('other'), twelveOne);
    expect($('baseline-waiting').textContent).toMatch(/not finished/);
  });
});
