import { afterEach, describe, expect, it, vi } from 'vitest';
import { progressBar } from '../../cli/progressBar';

function stream(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, s: { isTTY, write: (c: string) => writes.push(c) } as unknown as NodeJS.WriteStream };
}

describe('progressBar', () => {
  it('progressBar(stream) draws nothing when the stream is not a terminal', () => {
    const { writes, s } = stream(false);
    const bar = progressBar(s, 'x');
    bar.update(1, 2);
    bar.done();
    expect(writes).toEqual([]);
  });

  it('progressBar(stream) on a terminal redraws one line with the share done, then erases it', () => {
    const { writes, s } = stream(true);
    const bar = progressBar(s, 'runs');
    bar.update(0, 4);
    bar.update(2, 4);
    bar.update(4, 4);
    bar.done();
    expect(writes).toHaveLength(4);
    expect(writes.slice(0, 3).every((w) => w.startsWith('\rruns [') && !w.includes('\n'))).toBe(true);
    const filled = (w: string) => (w.match(/#/g) ?? []).length;
    expect(writes.slice(0, 3).map(filled)).toEqual([0, 15, 30]);
    expect(writes[1]).toContain(' 2/4 ');
    expect(writes[3]).toBe('\r\x1b[K');
  });

  afterEach(() => vi.useRealTimers());

  it('progressBar shows the time left at the pace so far, once some work is done', () => {
    vi.useFakeTimers({ now: 0 });
    const { writes, s } = stream(true);
    const bar = progressBar(s, 'runs');
    bar.update(0, 10);
    expect(writes[0]).not.toContain('ETA');
    vi.setSystemTime(4_000);
    bar.update(2, 10); // 2 runs in 4 s: 8 more take 16 s
    expect(writes[1]).toContain(' 2/10 4.0 s, ETA 16.0 s');
    vi.setSystemTime(100_000);
    bar.update(4, 10);
    expect(writes[2]).toContain(' 4/10 1 min 40 s, ETA 2 min 30 s');
    bar.update(10, 10);
    expect(writes[3]).not.toContain('ETA');
  });
});
