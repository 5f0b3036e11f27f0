import { csvFormatRows, csvFormatValue } from 'd3-dsv';
import { compareRuns, describeRuns, MIN_RUNS_FOR_INTERVAL, OUTCOMES, type OutcomeKey } from '../../sim/compare/index';
import type { Estimate } from '../../sim/stats/index';
import type { Configuration } from './configurations';
import type { ExportFile } from './resultsExport';

/** The tidy comparison's header: one row per configuration, replicate, tick and column. */
export const TIDY_COLUMNS = ['variant', 'replicate', 'seed', 'tick', 'column', 'value'] as const;

/** Columns that identify a row rather than measure something: they become the tidy file's keys. */
const KEYS = new Set(['run', 'seed', 'tick']);

/**
 * Every replicate of every configuration in long ("tidy") form: `variant, replicate, seed, tick,
 * column, value`, one row per value, numbers in their shortest round-trip form as the CLI writes
 * them. Returned in pieces, one per replicate, so that a large comparison never becomes one
 * string.
 */
export function comparisonCSV(configurations: readonly Configuration[]): ExportFile {
  const parts: string[] = [TIDY_COLUMNS.join(',') + '\n'];
  for (const c of configurations) {
    const name = csvFormatValue(c.name);
    for (const cols of c.columns) {
      const measured = cols.names.filter((n) => !KEYS.has(n));
      const quoted = measured.map(csvFormatValue);
      let text = '';
      for (let t = 0; t < cols.rows; t++) {
        const head = `${name},${cols.data.run[t]},${cols.data.seed[t]},${cols.data.tick[t]},`;
        for (let k = 0; k < measured.length; k++) text += `${head}${quoted[k]},${String(cols.data[measured[k]][t])}\n`;
      }
      parts.push(text);
    }
  }
  return { name: 'comparison-tidy.csv', data: parts, type: 'text/csv' };
}

/** The summary file's header. */
export const COMPARISON_SUMMARY_COLUMNS = ['variant', 'runs', 'outcome', 'n', 'estimate', 'lo', 'hi', 'method', 'baseline', 'pairs', 'difference', 'difference_lo', 'difference_hi', 'difference_method'] as const;

const METHOD: Record<'measure' | 'share', [string, string]> = {
  measure: ['mean, t-interval', 'mean of paired differences, t-interval'],
  share: ['share, Wilson interval', 'difference of paired shares, Newcombe method 10'],
};

/** An estimate's cells; the interval is left empty when fewer than MIN_RUNS_FOR_INTERVAL observations are behind it, as on the page. */
const cells = (e: Estimate) => [e.n, e.mean, ...(e.n >= MIN_RUNS_FOR_INTERVAL ? [e.lo, e.hi] : ['', ''])];

/**
 * The comparison's statistics, one row per configuration and outcome (times in years): the
 * estimate with its 95 % interval and method, and, for all but the baseline, the difference from
 * the baseline paired by seed with its interval.
 */
export function summaryCSV(configurations: readonly Configuration[], baseline: Configuration | undefined): ExportFile {
  const base = baseline && { summaries: baseline.summaries, ticksPerYear: baseline.scenario.ticksPerYear };
  const rows: (string | number)[][] = [COMPARISON_SUMMARY_COLUMNS.slice()];
  for (const c of configurations) {
    const runs = { summaries: c.summaries, ticksPerYear: c.scenario.ticksPerYear };
    const own = describeRuns(runs);
    const diff = base && c !== baseline ? compareRuns(runs, base) : undefined;
    for (const o of OUTCOMES) {
      const key: OutcomeKey = o.key;
      const [method, diffMethod] = METHOD[o.kind];
      const d = diff?.outcomes[key];
      rows.push([c.name, c.summaries.length, key, ...cells(own[key]), method, baseline?.name ?? '', diff?.pairs ?? '',
        ...(d ? [d.mean, ...(d.n >= MIN_RUNS_FOR_INTERVAL ? [d.lo, d.hi] : ['', '']), diffMethod] : ['', '', '', ''])]);
    }
  }
  return { name: 'comparison-summary.csv', data: csvFormatRows(rows.map((r) => r.map(String))) + '\n', type: 'text/csv' };
}
