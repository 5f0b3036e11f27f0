import { describe, expect, it } from 'vitest';
import type { ManifestHead } from '../../../../sim/experiments/sweepManifest';
import { headerLine, runLine } from '../../../../sim/experiments/sweepTable';
import { MIN_RUNS_FOR_INTERVAL } from '../../../../sim/compare/index';
import { meanCI, wilson } from '../../../../sim/stats/index';
import { addRunLine, analysisTable, dataFromTable, emptyData, factorLevels, groupEstimates } from '../../../../viz/app/explore/exploreData';
import { csvDataTable } from '../../../../sim/experiments/dataTable';

/** A manifest head of a 2 × 2 grid over a and b, R replicates, metrics peakX and deescalated. */
function head(R: number): ManifestHead {
  const points = [[0, 'x'], [0, 'y'], [1, 'x'], [1, 'y']].map((values, point) => ({ point, values }));
  return {
    format: 1, detente: '0', experimentHash: '', scenarioHash: '', order: '', replicates: R, seeds: Array.from({ length: R }, (_, r) => 100 + r),
    design: { factors: ['a', 'b'], points },
    experiment: { factors: [{ name: 'a', path: 'p', min: 0, max: 1, scale: 'linear' }, { name: 'b', path: 'q', values: ['x', 'y'], scale: 'linear' }], metrics: ['peakX', 'deescalated'], replicates: R, seed: 1, design: { type: 'grid', levels: 2 }, format: 1, name: '', description: '', scenario: { ticksPerYear: 12 } } as unknown as ManifestHead['experiment'],
  };
}

/** Each run's lines: peakX = point + replicate/100, deescalated = replicate even. */
function lines(R: number): string[] {
  const h = head(R);
  return h.design.points.flatMap((p) => Array.from({ length: R }, (_, r) => runLine({ point: p.point, replicate: r, seed: h.seeds[r] }, p.values, [p.point + r / 100, r % 2 === 0 ? 1 : 0])));
}

describe('exploreData', () => {
  it('addRunLine(data, line) and dataFromTable(head, table) read the same runs, from the page\'s lines and from a runs.csv', () => {
    const R = 3;
    const fromLines = emptyData(head(R));
    for (const l of lines(R)) addRunLine(fromLines, l);
    const csv = headerLine(['point', 'replicate', 'seed', 'a', 'b', 'peakX', 'deescalated']) + lines(R).join('');
    const fromCSV = dataFromTable(head(R), csvDataTable('runs.csv', csv));
    expect(fromLines.runs.size).toBe(12);
    expect([...fromCSV.runs.entries()]).toEqual([...fromLines.runs.entries()]);
    // Parquet's cells are numbers and bigints; an empty cell is null
    const parquet = dataFromTable(head(1), { names: ['point', 'replicate', 'seed', 'peakX', 'deescalated'], rows: 1, columns: { point: [2], replicate: [0n], seed: [5n], peakX: [0.5], deescalated: [null] } });
    expect([...parquet.runs.entries()]).toEqual([[2, [0.5, null]]]);
  });

  it('groupEstimates(data, metric, factors) gives a share with Wilson\'s interval for a 0/1 metric, a mean with its t-interval otherwise, intervals only from MIN_RUNS_FOR_INTERVAL runs', () => {
    const R = MIN_RUNS_FOR_INTERVAL;
    const data = emptyData(head(R));
    for (const l of lines(R)) addRunLine(data, l);
    const peak = groupEstimates(data, 'peakX', [0, 1]);
    const xs = Array.from({ length: R }, (_, r) => 3 + r / 100);
    expect(peak.get('1|y')).toEqual({ ...meanCI(xs), interval: true });
    const share = groupEstimates(data, 'deescalated', [1]);
    expect(share.get('x')).toEqual({ ...wilson(2 * Math.ceil(R / 2), 2 * R), interval: true });
    // averaged over the other factor
    expect(groupEstimates(data, 'peakX', [0]).get('0')!.n).toBe(2 * R);
    // with fewer runs, no interval
    const few = emptyData(head(2));
    for (const l of lines(2)) addRunLine(few, l);
    expect(groupEstimates(few, 'peakX', [0, 1]).get('0|x')!.interval).toBe(false);
    // times scale
    expect(groupEstimates(few, 'peakX', [0, 1], 2).get('1|x')!.mean).toBeCloseTo(2 * 2.005, 12);
  });

  it('factorLevels(data, j) and analysisTable(data, metric) follow the design', () => {
    const data = emptyData(head(2));
    for (const l of lines(2)) addRunLine(data, l);
    expect(factorLevels(data, 0)).toEqual([0, 1]);
    expect(factorLevels(data, 1)).toEqual(['x', 'y']);
    const t = analysisTable(data, 'deescalated');
    expect(t.rows).toBe(8);
    expect(t.names).toEqual(['point', 'deescalated']);
    expect(Array.from(t.columns.point as number[]).sort()).toEqual([0, 0, 1, 1, 2, 2, 3, 3]);
  });
});
