import { describe, expect, it } from 'vitest';
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
});
