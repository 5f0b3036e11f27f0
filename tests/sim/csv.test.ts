import { describe, expect, it } from 'vitest';
import { csvHeader, createColumns, run, summariesCSV, toCSV } from '../../sim/index';
import { makeScenario } from '../fixtures/sim/makeScenario';

describe('toCSV()', () => {
  it('toCSV() writes numbers in their shortest round-trip form, never rounded', () => {
    const cols = createColumns(['a', 'b'], 2);
    cols.data.a.set([0.1 + 0.2, 1e-20]);
    cols.data.b.set([1 / 3, 123456789012]);
    cols.rows = 2;
    expect(toCSV([cols])).toBe('a,b\n0.30000000000000004,0.3333333333333333\n1e-20,123456789012\n');
    const parsed = toCSV([cols]).trim().split('\n').slice(1).flatMap((l) => l.split(',').map(Number));
    expect(parsed).toEqual([0.1 + 0.2, 1 / 3, 1e-20, 123456789012]);
  });

  it('toCSV() writes one header, then every run\'s rows in order', () => {
    const s = makeScenario({ ticks: 2 });
    const a = run(s, { run: 0 }).columns;
    const b = run(s, { run: 1 }).columns;
    const lines = toCSV([a, b]).trim().split('\n');
    expect(lines).toHaveLength(1 + 3 + 3);
    expect(lines[0]).toBe(a.names.join(','));
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 3).map(Number))).toEqual([
      [0, a.data.seed[0], 0], [0, a.data.seed[0], 1], [0, a.data.seed[0], 2], [1, b.data.seed[0], 0], [1, b.data.seed[0], 1], [1, b.data.seed[0], 2],
    ]);
    expect(toCSV([])).toBe('');
  });

  it('csvHeader() quotes party names that need it', () => {
    expect(csvHeader(['H_Côte, Nord', 'x'])).toBe('"H_Côte, Nord",x\n');
  });

  it('summariesCSV() writes an empty cell for a missing time to de-escalation', () => {
    expect(summariesCSV([{ run: 0, t: null, ok: false }, { run: 1, t: 12, ok: true }], ['run', 't', 'ok'])).toBe('run,t,ok\n0,,false\n1,12,true\n');
  });
});
