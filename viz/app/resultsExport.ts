import { toCSV } from '../../sim/csv';
// the event log's own module: the page's main thread must not load the engine
import { eventLog, type EventLogFormat } from '../../sim/observe/eventLog';
import { resultsJSONHead, resultsJSONTail, runJSON } from '../../sim/resultsJSON';
import type { CurrentRun } from './appState';
import { slug } from './slug';

/** A file to offer for download: its text whole, or in pieces for a large one. */
export interface ExportFile {
  name: string;
  data: string | string[];
  type: string;
}

/**
 * The replicates of `run` that finished: all of a finished ensemble; of a cancelled one, those
 * whose summary arrived (replicates run in order, so they are runs 0…k−1, as `--runs k` gives).
 */
export function finishedReplicates(run: CurrentRun): { runs: CurrentRun['results']['runs']; summaries: CurrentRun['results']['summaries'] } {
  const r = run.results;
  if (run.done) return { runs: r.runs, summaries: r.summaries };
  let k = 0;
  while (r.summaries[k] && r.runs[k]) k++;
  return { runs: r.runs.slice(0, k), summaries: r.summaries.slice(0, k) };
}

/**
 * The model events of a run's finished replicates as an event log, exactly as
 * `detente run <scenario> --seed <seed> --runs <runs> --event-log FILE.<format>` writes it.
 */
export function eventLogFile(run: CurrentRun, format: EventLogFormat): ExportFile {
  const s = run.scenario;
  const { summaries } = finishedReplicates(run);
  const data = eventLog(format, summaries.map((x, r) => ({ run: r, seed: x.seed, events: run.results.events[r] ?? [] })));
  return { name: `${slug(s.name)}-seed${s.seed}-runs${summaries.length}-events.${format}`, data, type: format === 'csv' ? 'text/csv' : 'application/json' };
}

/** Whether `run` has anything to export: it finished, or finished replicates survive its cancelling. */
export function exportable(run: CurrentRun | undefined): run is CurrentRun {
  return !!run && finishedReplicates(run).runs.length > 0;
}

/** A run's finished replicates as CSV, exactly as `detente run <scenario> --seed <seed> --runs <runs>` writes them. */
export function resultsCSV(run: CurrentRun): ExportFile {
  const s = run.scenario;
  const { runs } = finishedReplicates(run);
  return { name: `${slug(s.name)}-seed${s.seed}-runs${runs.length}.csv`, data: toCSV(runs), type: 'text/csv' };
}

/**
 * A run's finished replicates as JSON, exactly as `detente run <scenario> --seed <seed> --runs <runs> --format
 * json` writes it: Détente's version, the scenario's hash and name, the seeds, and each replicate's
 * seed, columns and summary. In pieces, one per replicate.
 */
export function resultsJSON(run: CurrentRun): ExportFile {
  const s = run.scenario;
  const { runs, summaries } = finishedReplicates(run);
  const data = [
    resultsJSONHead(s, summaries.map((x) => x.seed)),
    ...runs.map((columns, r) => runJSON({ run: r, seed: summaries[r].seed, columns, summary: summaries[r] }, r === 0)),
    resultsJSONTail(),
  ];
  return { name: `${slug(s.name)}-seed${s.seed}-runs${runs.length}.json`, data, type: 'application/json' };
}
