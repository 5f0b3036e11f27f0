import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { compareRuns, describeRuns } from '../../../sim/compare/index';
import { comparisonCSV, summaryCSV } from '../../../viz/app/comparisonExport';
import type { Configuration } from '../../../viz/app/configurations';
import { fillScenario } from '../../../viz/app/fillScenario';
import { finishedRun, small } from './helpers/finishedRun';

function configuration(name: string, json: typeof base, runs: number): Configuration {
  const f = fillScenario(json);
  if (!f.ok) throw new Error('invalid');
  const { results } = finishedRun(json, runs);
  return { key: 'run', id: name, name, scenario: f.scenario, summaries: results.summaries, columns: results.runs, stale: false };
}

const all = configuration('all, five', small(base, 12), 3);
const one = configuration('Track "One"', { ...small(base, 12), actors: base.actors.filter((a) => a.track === 1) }, 3);
const text = (data: string | string[]) => [data].flat().join('');

describe('comparisonExport', () => {
  it('comparisonCSV(configurations) writes every value of every replicate in long form, names quoted as CSV needs', () => {
    const f = comparisonCSV([all, one]);
    expect(f.name).toBe('comparison-tidy.csv');
    const rows = csvParse(text(f.data));
    expect(rows.columns).toEqual(['variant', 'replicate', 'seed', 'tick', 'column', 'value']);
    const measured = all.columns[0].names.length - 3;
    expect(rows).toHaveLength(2 * 3 * 13 * measured);
    expect(new Set(rows.map((r) => r.variant))).toEqual(new Set(['all, five', 'Track "One"']));
    // every value is the column's own, in full precision
    const c = one.columns[2];
    const t = 7;
    const got = rows.filter((r) => r.variant === 'Track "One"' && r.replicate === '2' && r.tick === String(t));
    expect(got.map((r) => r.column)).toEqual(c.names.filter((n) => !['run', 'seed', 'tick'].includes(n)));
    for (const r of got) expect(Number(r.value)).toBe(c.data[r.column][t]);
    expect(got[0].seed).toBe(String(c.data.seed[0]));
  });

  it('summaryCSV(configurations, baseline) gives each outcome\'s estimate and the paired difference from the baseline, intervals left empty below 10 runs', () => {
    const f = summaryCSV([all, one], all);
    const rows = csvParse(f.data as string);
    expect(rows.columns).toEqual(['variant', 'runs', 'outcome', 'n', 'estimate', 'lo', 'hi', 'method', 'baseline', 'pairs', 'difference', 'difference_lo', 'difference_hi', 'difference_method']);
    expect(rows).toHaveLength(2 * 7);
    const peak = rows.find((r) => r.variant === 'Track "One"' && r.outcome === 'peakX')!;
    const runs = (c: Configuration) => ({ summaries: c.summaries, ticksPerYear: c.scenario.ticksPerYear });
    expect(Number(peak.estimate)).toBe(describeRuns(runs(one)).peakX.mean);
    expect(Number(peak.difference)).toBe(compareRuns(runs(one), runs(all)).outcomes.peakX.mean);
    expect([peak.lo, peak.hi, peak.difference_lo, peak.pairs, peak.baseline]).toEqual(['', '', '', '3', 'all, five']);
    const own = rows.find((r) => r.variant === 'all, five' && r.outcome === 'deescalated')!;
    expect([own.method, own.difference, own.pairs]).toEqual(['share, Wilson interval', '', '']);
  });
});
