// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchWorker } from '../../../viz/app/workerWatch';

/** A stand-in for a Worker: the watch only listens to its events. */
const fakeWorker = () => new EventTarget() as unknown as Worker;

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'performance'] });
});
afterEach(() => vi.useRealTimers());

describe('watchWorker', () => {
  it('watchWorker(worker, options) reports an uncaught error in the worker once, as handled', () => {
    const w = fakeWorker();
    const deaths: string[] = [];
    const watch = watchWorker(w, { ping: async () => true, onDeath: (r) => deaths.push(r) });
    const e = new ErrorEvent('error', { message: 'Uncaught Error: boom', cancelable: true });
    w.dispatchEvent(e);
    w.dispatchEvent(new ErrorEvent('error', { message: 'again', cancelable: true }));
    expect(deaths).toEqual(['Uncaught Error: boom']);
    expect(e.defaultPrevented).toBe(true);
    expect(watch.dead).toBe(true);
  });

  it('a worker that falls silent while a call is in flight is pinged, and counts as gone when the ping goes unanswered', async () => {
    const w = fakeWorker();
    const deaths: string[] = [];
    let pings = 0;
    const watch = watchWorker(w, { ping: () => (pings++, new Promise(() => {})), onDeath: (r) => deaths.push(r), silenceMs: 1000, deadMs: 4000, started: true });
    watch.busy();
    await vi.advanceTimersByTimeAsync(900);
    expect(pings).toBe(0);
    await vi.advanceTimersByTimeAsync(700);
    expect(pings).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(deaths).toEqual([]);
    await vi.advanceTimersByTimeAsync(1500);
    expect(deaths).toEqual(['it stopped answering for 4 s']);
    expect(pings).toBe(1);
  });

  it('messages and answered pings keep a busy worker alive; an idle one is never pinged', async () => {
    const w = fakeWorker();
    const deaths: string[] = [];
    let pings = 0;
    const watch = watchWorker(w, { ping: async () => void pings++, onDeath: (r) => deaths.push(r), silenceMs: 1000, deadMs: 2000, started: true });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pings).toBe(0);
    const done = watch.busy();
    for (let k = 0; k < 20; k++) {
      await vi.advanceTimersByTimeAsync(400);
      w.dispatchEvent(new MessageEvent('message'));
    }
    expect(pings).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pings).toBeGreaterThan(3);
    done();
    const before = pings;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(pings).toBe(before);
    expect(deaths).toEqual([]);
  });

  it('a worker still loading its engine is not pinged, however long it takes, until it first speaks; an error while loading still counts', async () => {
    const w = fakeWorker();
    const deaths: string[] = [];
    let pings = 0;
    const watch = watchWorker(w, { ping: () => (pings++, new Promise(() => {})), onDeath: (r) => deaths.push(r), silenceMs: 1000, deadMs: 2000 });
    watch.busy();
    await vi.advanceTimersByTimeAsync(60_000);
    expect([pings, deaths]).toEqual([0, []]);
    // ready: from now on its silence is watched
    w.dispatchEvent(new MessageEvent('message', { data: 'ready' }));
    await vi.advanceTimersByTimeAsync(1600);
    expect(pings).toBe(1);
    await vi.advanceTimersByTimeAsync(2500);
    expect(deaths).toEqual(['it stopped answering for 2 s']);
    const loading = fakeWorker();
    const lost: string[] = [];
    watchWorker(loading, { ping: async () => true, onDeath: (r) => lost.push(r) }).busy();
    loading.dispatchEvent(new ErrorEvent('error', { message: 'failed to load', cancelable: true }));
    expect(lost).toEqual(['failed to load']);
  });

  it('stop() ends the watch: no pings, no deaths', async () => {
    const w = fakeWorker();
    const deaths: string[] = [];
    const watch = watchWorker(w, { ping: () => new Promise(() => {}), onDeath: (r) => deaths.push(r), silenceMs: 100, deadMs: 100 });
    watch.busy();
    watch.stop();
    w.dispatchEvent(new ErrorEvent('error', { message: 'late', cancelable: true }));
    await vi.advanceTimersByTimeAsync(5000);
    expect(deaths).toEqual([]);
  });
});
