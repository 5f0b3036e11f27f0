import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainIn } from '../helpers/detente';

describe('detente claims', () => {
  it('detente claims --only C7,C8 prints a table with a verdict per claim and exits 0', async () => {
    const out = await mainIn(['claims', '--only', 'C7,C8', '--runs', '2']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^claim\s+effect \[95 % interval\]\s+control\s+verdict$/);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual(['C7 Richardson', 'C8 DeGroot']);
    expect(lines.slice(1).every((l) => l.endsWith('holds'))).toBe(true);
    expect(out.stderr).toMatch(/^C7 Richardson: holds/m);
  });

  it('detente claims --json carries the version, the settings and each claim\'s effect and control', async () => {
    const out = await mainIn(['claims', '--only', 'C8', '--runs', '2', '--json']);
    expect(out.code).toBe(0);
    const json = JSON.parse(out.stdout);
    expect(json.detente).toMatch(/^\d+\.\d+\.\d+/);
    expect(json.runs).toBe(2);
    expect(json.results).toHaveLength(1);
    expect(json.results[0]).toMatchObject({ id: 'C8', holds: true, control: { removed: true } });
    expect(json.results[0].effect.mean).toBeLessThan(1e-6);
  });

  it('detente claims refuses unknown claims and malformed flags with exit 2', async () => {
    expect((await mainIn(['claims', '--only', 'C99'])).code).toBe(2);
    expect((await mainIn(['claims', '--runs', '1'])).code).toBe(2);
    expect((await mainIn(['claims', '--json', '--markdown'])).code).toBe(2);
    const none = await mainIn(['claims', '--only', ',', '--runs', '2']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--only names no claims/);
  });

  it('detente claims reports a --population that makes a scenario invalid as bad input (exit 1) naming the field', async () => {
    const out = await mainIn(['claims', '--only', 'C3', '--runs', '2', '--population', '2']);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/with --population 2/);
    expect(out.stderr).toMatch(/^network\.degree: must be less than the population/m);
    expect(out.stderr).not.toMatch(/internal error/);
  });

  it('detente claims reports a missing library scenario as bad input (exit 1) naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'detente-claims-'));
    writeFileSync(join(dir, 'README'), 'empty library');
    const out = await mainIn(['claims', '--only', 'C3', '--runs', '2', '--scenarios', dir]);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain(join(dir, 'track-one-only.json'));
  });
});
