// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { sharePanel } from '../../../../viz/app/panels/sharePanel';
import type { ShareState } from '../../../../viz/app/share';
import { small } from '../helpers/finishedRun';
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

beforeEach(() => {
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
