import type { AppState } from './appState';
import { memoryProblem } from './memoryBudget';
import { plainIssue } from './plainIssue';
import type { Runner } from './runner';
import { keptBytes } from './runGuard';

/** Options of `variantRuns`. */
export interface VariantRunsOptions {
  state: AppState;
  /** Makes the runner for variants, called on first use: two workers loading at once would slow the first curve on small machines. */
  createRunner: () => Runner;
}

/** Runs the queued variants one after another, each as an ensemble of `runsWanted` runs. */
export interface VariantRuns {
  /** Runs every queued variant, unless a drain is already under way (it picks new ones up). */
  drain(): Promise<void>;
}

/**
 * A queue that runs saved variants in a worker of their own, beside the current run, and keeps
 * each one's replicate summaries and columns for the comparison. A variant that would need more
 * memory than the page allows is not run: it fails with the reason.
 */
export function variantRuns({ state, createRunner }: VariantRunsOptions): VariantRuns {
  let runner: Runner | undefined;
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
          const tooBig = memoryProblem({ scenario: v.scenario, runs, keptBytes: keptBytes(state) });
          if (tooBig) {
            fail(v, tooBig);
            continue;
          }
          state.updateVariant(v, { status: 'running' });
          const { outcome, results } = await (runner ??= createRunner()).run({ scenario: v.scenario, runs, partyNames: v.scenario.parties.map((p) => p.name) }, () => {});
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
