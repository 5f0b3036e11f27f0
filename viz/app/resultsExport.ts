import { toCSV } from '../../sim/csv';
import type { CurrentRun } from './appState';
import { slug } from './slug';

/** A file to offer for download. */
export interface ExportFile {
  name: string;
  data: string;
  type: string;
}

/** A finished run's columns as CSV, exactly as `detente run <scenario> --seed <seed> --runs <runs>` writes them. */
export function resultsCSV(run: CurrentRun): ExportFile {
  const s = run.scenario;
  return { name: `${slug(s.name)}-seed${s.seed}-runs${run.results.runs.length}.csv`, data: toCSV(run.results.runs), type: 'text/csv' };
}

/** A finished run as JSON: its scenario, each replicate's summary and columns, and the ensemble's statistics. */
export function resultsJSON(run: CurrentRun): ExportFile {
  const s = run.scenario;
  const r = run.results;
  const data = JSON.stringify({
    scenario: s, summaries: r.summaries, stats: run.stats,
    runs: r.runs.map((c) => Object.fromEntries(c.names.map((n) => [n, Array.from(c.data[n].subarray(0, c.rows))]))),
  }) + '\n';
  return { name: `${slug(s.name)}-seed${s.seed}-results.json`, data, type: 'application/json' };
}
