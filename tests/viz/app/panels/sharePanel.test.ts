// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { sharePanel } from '../../../../viz/app/panels/sharePanel';
import type { ShareState } from '../../../../viz/app/share';
import { finishedRun, small } from '../helpers/finishedRun';
import { pageMarkup } from '../helpers/pageMarkup';

// jsdom has no compression streams: the encoding is replaced by one the test answers by hand, so
// that the panel's timing (when it writes, which answer it keeps) is what is tested.
const pending: { state: ShareState; answer: () => void }[] = [];
vi.mock('../../../../viz/app/share', async (actual) => ({
  ...(await actual<typeof import('../../../../viz/app/share')>()),
  encodeShare: (state: ShareState) => new Promise((resolve) => {
    const hash = `#s=runs${state.runs}`;
    pending.push({ state, answer: () => resolve({ hash, length: hash.length, fits: true }) });
  }),
}));

let state: AppState;
const link = () => document.getElementById('share-link') as HTMLInputElement;
const answerAll = async () => {
  for (const p of pending.splice(0)) p.answer();
  await vi.advanceTimersByTimeAsync(0);
};
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

beforeEach(() => {
  // the share link is written on a timer: the tests move time by hand
  vi.useFakeTimers();
  pending.length = 0;
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
  // The link's content needs the browser's streams (jsdom's Blob has none): the end-to-end tests
  // open a link in a fresh browser, and appState's tests round-trip the state through encodeShare.
});

describe('the share link under changes', () => {
  it('is rewritten within 150 ms of a change even while changes keep coming every 50 ms, and is busy until the last one is in it', async () => {
    for (let k = 0; k < 20; k++) {
      state.setRunsWanted(2 + k);
      await vi.advanceTimersByTimeAsync(50);
      await answerAll();
    }
    // a delay restarted by every change would not have written the link once in this second
    expect(link().value).toMatch(/#s=runs\d+$/);
    expect(link().getAttribute('aria-busy')).toBe('true');
    await vi.advanceTimersByTimeAsync(150);
    await answerAll();
    expect(link().value).toMatch(/#s=runs21$/);
    expect(link().hasAttribute('aria-busy')).toBe(false);
  });

  it('keeps the newer link when an older encoding answers last', async () => {
    state.setRunsWanted(5);
    await vi.advanceTimersByTimeAsync(150);
    state.setRunsWanted(7);
    await vi.advanceTimersByTimeAsync(150);
    expect(pending.map((p) => p.state.runs)).toEqual([5, 7]);
    const [older, newer] = pending.splice(0);
    newer.answer();
    await vi.advanceTimersByTimeAsync(0);
    older.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(link().value).toMatch(/#s=runs7$/);
    expect(link().hasAttribute('aria-busy')).toBe(false);
  });
});
