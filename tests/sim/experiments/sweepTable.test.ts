import { csvParse } from 'd3-dsv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { failureLine, headerLine, numberCell, parseLine, runLine, runsColumns, seriesLines, SERIES_COLUMNS } from '../../../sim/experiments/sweepTable';
import { validateExperiment } from '../../../sim/experiments/experiment';

describe('sweepTable', () => {
  it('runsColumns(experiment) is point, replicate, seed, the factors by name, then the metrics by name', () => {
    const r = validateExperiment({ seed: 1, design: { type: 'grid' }, factors: [{ name: 'a', values: [1] }, { name: 'b', min: 0, max: 1 }], metrics: ['peakX', { column: 'B', stat: 'mean' }, 'relapse10y'] });
    if (!r.ok) throw new Error('invalid');
    expect(runsColumns(r.experiment)).toEqual(['point', 'replicate', 'seed', 'a', 'b', 'peakX', 'mean_B', 'relapse10y']);
  });

  it('runLine writes numbers in full and an undefined metric as an empty cell, and parseLine reads them back', () => {
    fc.assert(fc.property(
      fc.array(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 10 }).filter((s) => !/[\r\n]/.test(s))), { maxLength: 4 }),
      fc.array(fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }), { maxLength: 6 }),
      (values, metrics) => {
        const line = runLine({ point: 3, replicate: 2, seed: 4294967295 }, values, metrics);
        expect(line.endsWith('\n')).toBe(true);
        expect(line.slice(0, -1)).not.toContain('\n');
        const cells = parseLine(line.slice(0, -1));
        expect(cells.slice(0, 3)).toEqual(['3', '2', '4294967295']);
        expect(cells.slice(3, 3 + values.length)).toEqual(values.map(String));
        expect(cells.slice(3 + values.length).map(numberCell)).toEqual(metrics.map((m) => (m === null ? null : m === 0 ? 0 : m)));
      },
    ));
  });

  it('seriesLines writes one long-format row per kept tick and column, tick by tick', () => {
    const text = headerLine(SERIES_COLUMNS) + seriesLines({ point: 1, replicate: 0, seed: 9 }, { ticks: [0, 12, 13], columns: { X: [0.5, 0.25, 0.125], 'H_A, B': [1, 2, 3] } }, ['X', 'H_A, B']);
    expect(csvParse(text).map((r) => Object.values(r).join('|'))).toEqual([
      '1|0|9|0|X|0.5', '1|0|9|0|H_A, B|1', '1|0|9|12|X|0.25', '1|0|9|12|H_A, B|2', '1|0|9|13|X|0.125', '1|0|9|13|H_A, B|3',
    ]);
  });

  it('failureLine keeps the message on one line', () => {
    const line = failureLine({ point: 0, replicate: 1, seed: 5 }, 'boom\n  at step (x.ts:1)\r\nmore');
    expect(line).toBe('0,1,5,boom at step (x.ts:1) more\n');
  });
});
