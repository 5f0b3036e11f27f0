import type { Columns, ModelEvent, RunSummary } from '../../sim/index';
// deep imports: the page's main thread must not load the engine (mathjs), only these small modules
import { createColumns } from '../../sim/observe/observe';
import { columnNames } from '../../sim/observe/observedColumns';
import { connectSimulation, type SimulationClient } from './worker/client';
import type { RunChunk, RunOutcome, RunRequest } from './worker/protocol';

/** Results gathered from a worker's stream: every replicate's columns, as far as they have arrived. */
export interface RunResults {
  runs: Columns[];
  summaries: RunSummary[];
  /** Histograms of replicate 0: 4 × bins per row. */
  histograms?: Float64Array;
  bins: number;
  progress: number;
  totalRows: number;
  /** Each replicate's model events so far (for the replicates the request collects them for). */
  events: ModelEvent[][];
}

/** Owns one simulation worker; runs one request at a time and gathers its stream into RunResults. */
export interface Runner {
  readonly client: SimulationClient;
  run(request: RunRequest & { partyNames: string[] }, onUpdate: (r: RunResults) => void): Promise<{ outcome: RunOutcome; results: RunResults }>;
  dispose(): void;
}

/** Wraps `worker` (default: a new module worker on ./worker/worker.ts). */
export function createRunner(worker = new Worker(new URL('./worker/worker.ts', import.meta.url), { type: 'module' })): Runner {
  const client = connectSimulation(worker);
  return {
    client,
    async run(request, onUpdate) {
      const names = columnNames(request.partyNames);
      const bins = request.histogramBins ?? 0;
      const results: RunResults = { runs: [], summaries: [], bins, progress: 0, totalRows: 0, events: [] };
      const { partyNames: _ignored, ...req } = request;
      void _ignored;
      let outcome: RunOutcome;
      try {
        outcome = await client.start(req, {
          chunk(c: RunChunk) {
            const cols = (results.runs[c.run] ??= createColumns(names, c.totalRows));
            for (const n of names) cols.data[n].set(c.columns[n], c.from);
            cols.rows = c.from + c.rows;
            if (c.histograms) {
              results.histograms ??= new Float64Array(c.totalRows * 4 * bins);
              results.histograms.set(c.histograms, c.from * 4 * bins);
            }
            if (c.events.length) (results.events[c.run] ??= []).push(...c.events);
            results.totalRows = c.totalRows;
            results.progress = c.progress;
            onUpdate(results);
          },
          runDone(r: number, s: RunSummary) {
            results.summaries[r] = s;
            onUpdate(results);
          },
        });
      } catch (e) {
        // an exception in the worker is a bug: end the run with it rather than leave it running
        outcome = { status: 'failed', message: `internal error in the simulation (a bug in Détente; please report it with the scenario): ${e instanceof Error ? e.message : String(e)}` };
      }
      return { outcome, results };
    },
    dispose: () => client.terminate(),
  };
}

