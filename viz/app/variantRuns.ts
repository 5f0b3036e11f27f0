import type { AppState } from './appState';
import { plainIssue } from './plainIssue';
import type { Runner } from './runner';

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

/** A queue that runs saved variants in a worker of their own, beside the current run. */
export function variantRuns({ state, createRunner }: VariantRunsOptions): VariantRuns {
  let runner: Runner | undefined;
  let busy = false;
  const next = () => state.variants.find((x) => x.status === 'queued');
  return {
    async drain() {
      if (busy) return;
      busy = true;
      try {
        for (let v = next(); v; v = next()) {
          state.updateVariant(v, { status: 'running' });
          const { outcome } = await (runner ??= createRunner()).run({ scenario: v.scenario, runs: state.runsWanted, partyNames: v.scenario.parties.map((p) => p.name) }, () => {});
          if (!state.variants.includes(v)) continue;
          if (outcome.status === 'done') {
            state.updateVariant(v, { status: 'done', band: outcome.bands.X, stats: outcome.stats });
          } else {
            const why = outcome.status === 'invalid' ? outcome.issues.map((i) => plainIssue(i, v.scenario)).join('; ') : outcome.status === 'failed' ? outcome.message : 'cancelled';
            state.setStatus(`Variant "${v.name}" did not run: ${why}`, true);
            state.updateVariant(v, { status: 'failed' });
          }
        }
      } finally {
        busy = false;
      }
    },
  };
}
