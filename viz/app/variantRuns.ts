import type { AppState } from './appState';
import { startEnsemble } from './ensembleJob';
import { memoryProblem, workersWithin } from './memoryBudget';
import { plainIssue } from './plainIssue';
import { keptBytes } from './runGuard';
import type { WorkerPool } from './workerPool';

/** Options of `variantRuns`. */
export interface VariantRunsOptions {
  state: AppState;
  /** The page's workers: a variant's replicates share them with the current run and the explorations. */
  pool: WorkerPool;
}

/** Runs the queued variants one after another, each as an ensemble of `runsWanted` runs. */
export interface VariantRuns {
  /** Runs every queued variant, unless a drain is already under way (it picks new ones up). */
  drain(): Promise<void>;
}

/**
 * A queue that runs saved variants one after another on the pool (beside the current run, on the
 * workers it leaves free), and keeps each one's replicate summaries and columns for the
 * comparison. A variant that would need more memory than the page allows is not run: it fails
 * with the reason.
 */
export function variantRuns({ state, pool }: VariantRunsOptions): VariantRuns {
  let busy = false;
  const next = () => state.variants.find((x) => x.status === 'queued');
  const fail = (v: AppState['variants'][number], why: string) => {
    state.setStatus(`Variant "${v.name}" did not run: ${why}`, true);
    state.updateVariant(v, { status: 'failed' });
  };
  return {
    async drain() {
      if (busy) return;
      busy = true;
      try {
        for (let v = next(); v; v = next()) {
          const runs = state.runsWanted;
          const need = { scenario: v.scenario, runs, keptBytes: keptBytes(state) };
          const tooBig = memoryProblem(need);
          if (tooBig) {
            fail(v, tooBig);
            continue;
          }
          state.updateVariant(v, { status: 'running' });
          const maxWorkers = workersWithin({ ...need, workers: pool.size });
          const { outcome, results } = await startEnsemble(pool, { scenario: v.scenario, runs, maxWorkers, partyNames: v.scenario.parties.map((p) => p.name) }, () => {}).done;
          if (!state.variants.includes(v)) continue;
          if (outcome.status === 'done') {
            state.updateVariant(v, { status: 'done', band: outcome.bands.X, stats: outcome.stats, summaries: outcome.summaries, columns: results.runs });
          } else {
            fail(v, outcome.status === 'invalid' ? outcome.issues.map((i) => plainIssue(i, v.scenario)).join('; ') : outcome.status === 'failed' ? outcome.message : 'cancelled');
          }
        }
      } finally {
        busy = false;
      }
    },
  };
}
