// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { sharePanel } from '../../../../viz/app/panels/sharePanel';
import { finishedRun, small } from '../helpers/finishedRun';
import { pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

beforeEach(() => {
  // the share link is written on a timer, with the browser's compression streams that jsdom lacks:
  // keep the timer from firing (the end-to-end tests cover the link)
  vi.useFakeTimers();
  pageMarkup();
  state = createAppState();
  sharePanel({ state });
  state.loadScenario(small(base), { id: 'intrastate-conflict', name: base.name });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('sharePanel', () => {
  it('sharePanel({state}) offers the results for export only once a run is done', () => {
    const buttons = () => [$<HTMLButtonElement>('export-csv').disabled, $<HTMLButtonElement>('export-json').disabled];
    expect(buttons()).toEqual([true, true]);
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    expect(buttons()).toEqual([true, true]);
    state.finishRun(run, { status: 'done', ...finishedRun(small(base), 1) });
    expect(buttons()).toEqual([false, false]);
  });

  it('a cancelled ensemble keeps its finished runs exportable; one cancelled before any finished offers nothing', () => {
    const buttons = () => [$<HTMLButtonElement>('export-csv').disabled, $<HTMLButtonElement>('export-json').disabled];
    const fin = finishedRun(small(base), 2);
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    state.finishRun(run, { status: 'cancelled', results: { ...fin.results, runs: [fin.results.runs[0], { ...fin.results.runs[1], rows: 4 }], summaries: fin.results.summaries.slice(0, 1) } });
    expect(buttons()).toEqual([false, false]);
    const early = state.beginRun({ paused: false, histogramBins: 0 });
    state.finishRun(early, { status: 'cancelled', results: { ...fin.results, runs: [{ ...fin.results.runs[0], rows: 4 }], summaries: [] } });
    expect(buttons()).toEqual([true, true]);
  });
  // The share link itself needs the browser's streams (jsdom's Blob has none): the end-to-end tests
  // open a link in a fresh browser, and appState's tests round-trip the state through encodeShare.
});
