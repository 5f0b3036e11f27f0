import { readFileSync } from 'node:fs';
import { max, mean, min } from 'd3-array';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnStat, outputIssues, relapse10y, relapsedWithin, runMetrics, seriesRows } from '../../../sim/experiments/metrics';
import { columnNames, parseScenario, run, summarizeRun, type ScenarioData } from '../../../sim/index';
import type { Signing } from '../../../sim/state';
import { makeScenario } from '../../fixtures/sim/makeScenario';

const signing = (tick: number, collapseTick: number | null): Signing => ({ tick, collapseTick, logPowerRatio: 0, rootCause: 0, quality: 0 });

/** Track One alone with a power shift after each settlement (the library's track-one-only), small. */
function trackOneOnly(): ScenarioData {
  const s = JSON.parse(readFileSync(new URL('../../../scenarios/track-one-only.json', import.meta.url), 'utf8'));
  for (const p of s.parties) p.population = 60;
  s.network.degree = 4;
  return parseScenario(s);
}

describe('relapsedWithin', () => {
  it('relapsedWithin(signing, lastTick, 12): 1 if it collapsed within 120 ticks, 0 if it held them, null with less follow-up', () => {
    expect(relapsedWithin(signing(10, 130), 400, 12)).toBe(1); // collapsed at exactly ten years
    expect(relapsedWithin(signing(10, 131), 400, 12)).toBe(0); // a tick later: it held ten years
    expect(relapsedWithin(signing(10, null), 130, 12)).toBe(0); // held, and followed exactly ten years
    expect(relapsedWithin(signing(10, null), 129, 12)).toBe(null); // not yet ten years
    // a late settlement that collapsed early is left out like one that has not: counting only the
    // early collapses among late signings would overstate relapse
    expect(relapsedWithin(signing(300, 310), 360, 12)).toBe(null);
  });

  it('relapsedWithin scales ten years with the scenario\'s ticks per year', () => {
    expect(relapsedWithin(signing(0, 40), 40, 4)).toBe(1);
    expect(relapsedWithin(signing(0, 41), 41, 4)).toBe(0);
    expect(relapsedWithin(signing(0, null), 39, 4)).toBe(null);
  });
});

describe('relapse10y', () => {
  it('relapse10y judges the first settlement only, and is null without one', () => {
    expect(relapse10y([], 1000, 12)).toBe(null);
    expect(relapse10y([signing(0, 200), signing(210, 215)], 1000, 12)).toBe(0);
    expect(relapse10y([signing(0, 50), signing(60, null)], 1000, 12)).toBe(1);
  });

  it('relapse10y of real runs equals what the settlements and collapses columns show, and takes both values', () => {
    const s = trackOneOnly();
    const seen = new Set<number | null>();
    for (let r = 0; r < 24; r++) {
      const res = run(s, { run: r });
      const d = res.columns.data;
      const rows = res.columns.rows;
      // the first settlement is signed at the first row counting one; it collapses at the first row counting a collapse
      let signed = -1;
      let collapsed = -1;
      for (let t = 0; t < rows; t++) {
        if (signed < 0 && d.settlements[t] >= 1) signed = d.tick[t];
        if (collapsed < 0 && d.collapses[t] >= 1) collapsed = d.tick[t];
      }
      const last = d.tick[rows - 1];
      const expected = signed < 0 || last - signed < 120 ? null : collapsed >= 0 && collapsed - signed <= 120 ? 1 : 0;
      const got = relapse10y(res.state.signings, last, s.ticksPerYear);
      expect(got, `run ${r}`).toBe(expected);
      seen.add(got);
    }
    expect(seen.has(0) && seen.has(1)).toBe(true);
  });
});

describe('columnStat', () => {
  it('columnStat gives d3\'s mean, max and min and the last value over the run\'s rows', () => {
    const res = run(makeScenario({ ticks: 30 }), { run: 2 });
    const n = res.columns.rows;
    for (const c of ['X', 'B', 'H_A', 'incidents']) {
      const col = res.columns.data[c];
      const values = Array.from(col.subarray(0, n));
      expect(columnStat(col, n, 'mean')).toBeCloseTo(mean(values)!, 14);
      expect(columnStat(col, n, 'max')).toBe(max(values));
      expect(columnStat(col, n, 'min')).toBe(min(values));
      expect(columnStat(col, n, 'final')).toBe(values[n - 1]);
    }
    expect(columnStat(new Float64Array(4), 0, 'mean')).toBe(null);
  });
});

describe('runMetrics', () => {
  it('runMetrics(scenario, run, metrics) gives the run summary\'s measures, deescalated as 1/0, in the order asked', () => {
    const s = makeScenario({ ticks: 40 });
    const res = run(s, { run: 1 });
    const summary = summarizeRun(s, res.columns);
    const got = runMetrics(s, { columns: res.columns, signings: res.state.signings }, ['finalX', 'peakX', 'areaX', 'settlements', 'collapses', 'deescalated', 'timeToDeescalation', { column: 'B', stat: 'final' }]);
    expect(got).toEqual([summary.finalX, summary.peakX, summary.areaX, summary.settlements, summary.collapses, summary.deescalated ? 1 : 0, summary.timeToDeescalation, res.columns.data.B[res.columns.rows - 1]]);
  });

  it('runMetrics never gives NaN: an undefined metric is null (timeToDeescalation of a run that stays escalated)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (r, threshold) => {
      const s = makeScenario({ ticks: 12, params: { deescalated: threshold, sustain: 6 } });
      const res = run(s, { run: r });
      const got = runMetrics(s, { columns: res.columns, signings: res.state.signings }, ['timeToDeescalation', 'deescalated', 'relapse10y', 'peakX', { column: 'X', stat: 'mean' }]);
      for (const x of got) expect(x === null || Number.isFinite(x)).toBe(true);
      expect(got[0] === null).toBe(got[1] === 0);
      expect(got[2]).toBe(null); // a year of run: never ten years of follow-up
    }), { numRuns: 25 });
  });
});

describe('seriesRows', () => {
  it('seriesRows(rows, every) keeps row 0, every every-th row, and the last row once', () => {
    expect(seriesRows(361, 12).slice(-3)).toEqual([336, 348, 360]);
    expect(seriesRows(100, 12)).toEqual([0, 12, 24, 36, 48, 60, 72, 84, 96, 99]);
    expect(seriesRows(1, 5)).toEqual([0]);
    expect(seriesRows(0, 5)).toEqual([]);
    fc.assert(fc.property(fc.integer({ min: 1, max: 2000 }), fc.integer({ min: 1, max: 400 }), (rows, every) => {
      const kept = seriesRows(rows, every);
      expect(kept[0]).toBe(0);
      expect(kept[kept.length - 1]).toBe(rows - 1);
      for (let i = 1; i < kept.length; i++) {
        expect(kept[i]).toBeGreaterThan(kept[i - 1]);
        if (i < kept.length - 1) expect(kept[i] % every).toBe(0);
      }
      expect(kept.length).toBe(Math.ceil(rows / every) + ((rows - 1) % every === 0 ? 0 : 1));
    }));
  });
});

describe('outputIssues', () => {
  it('outputIssues names a metric or series column the scenario\'s runs do not have, with its path', () => {
    const names = columnNames(['A', 'B']);
    expect(outputIssues(names, ['peakX', { column: 'H_A', stat: 'max' }], { columns: ['X', 'F_B'] })).toEqual([]);
    const issues = outputIssues(names, ['peakX', { column: 'H_North', stat: 'max' }], { columns: ['X', 'Q'] });
    expect(issues.map((i) => i.path)).toEqual(['metrics.1.column', 'series.columns.1']);
    expect(issues[0].message).toMatch(/"H_North" is not an output column .*max_H_North.*H_A/);
  });
});
