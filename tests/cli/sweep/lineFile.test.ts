import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../../cli/command';
import { openAppend, scanLines } from '../../../cli/sweep/lineFile';

const dir = mkdtempSync(join(tmpdir(), 'detente-lines-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lineFile', () => {
  it('scanLines gives every complete line after the header with its bytes, and skips a torn last line', () => {
    const file = join(dir, 'a.csv');
    writeFileSync(file, 'h1,h2\n1,é\n2,b\n3,tor');
    const lines: Array<[string, number, number]> = [];
    const r = scanLines(file, (l) => lines.push([l.text, l.offset, l.length]));
    expect(r.header).toBe('h1,h2');
    expect(lines).toEqual([['1,é', 6, 5], ['2,b', 11, 4]]);
    expect(r.end).toBe(15);
  });

  it('openAppend writes the header into a new file, and cuts a torn last line off an existing one', () => {
    const file = join(dir, 'b.csv');
    const a = openAppend(file, 'x,y\n');
    a.append('1,2\n');
    a.close();
    appendFileSync(file, '3,'); // a write cut short
    const b = openAppend(file, 'x,y\n');
    b.append('3,4\n');
    b.close();
    expect(readFileSync(file, 'utf8')).toBe('x,y\n1,2\n3,4\n');
  });

  it('openAppend refuses a file with another table\'s header', () => {
    const file = join(dir, 'c.csv');
    writeFileSync(file, 'other\n1\n');
    expect(() => openAppend(file, 'x,y\n')).toThrow(InputError);
  });
});
