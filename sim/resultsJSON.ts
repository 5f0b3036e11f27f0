import type { EnsembleStats } from './ensemble';
import type { Columns } from './observe/observe';
import { provenance } from './provenance';
import type { ScenarioData } from './scenario/schema';
import type { RunSummary } from './summary';

/*
 * The JSON of a result, as `detente run --format json` writes it and the web app exports it: the
 * provenance (`provenance()`), then `runs`, each with its number, seed, columns (unless only
 * summaries are asked for) and summary, then the ensemble's statistics when only summaries are
 * written. Built in pieces, so the command line streams it run by run; joined, the pieces are
 * the whole document.
 */

/** Columns as plain arrays for JSON; the values are the same doubles the CSV writes. */
export function columnsJSON(cols: Readonly<Columns>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const n of cols.names) out[n] = Array.from(cols.data[n].subarray(0, cols.rows));
  return out;
}

/** The document's opening, up to and including `"runs":[`. */
export function resultsJSONHead(scenario: ScenarioData, seeds: readonly number[]): string {
  const head = JSON.stringify(provenance(scenario, seeds));
  return `${head.slice(0, -1)},"runs":[`;
}

/** One run's entry, preceded by a comma unless it is the first; without columns when they are not given. */
export function runJSON(r: { run: number; seed: number; columns?: Readonly<Columns>; summary: RunSummary }, first: boolean): string {
  const entry = r.columns
    ? { run: r.run, seed: r.seed, columns: columnsJSON(r.columns), summary: r.summary }
    : { run: r.run, seed: r.seed, summary: r.summary };
  return (first ? '' : ',') + JSON.stringify(entry);
}

/** The document's end: the ensemble's statistics when given (a summaries-only result), and a newline. */
export function resultsJSONTail(stats?: EnsembleStats): string {
  return `]${stats ? `,"stats":${JSON.stringify(stats)}` : ''}}\n`;
}
