import type { AppState } from './appState';
import { checkScenario } from './checkScenario';
import { HIST_BINS } from './limits';
import type { Runner } from './runner';
import { whyNotRun } from './runGuard';

/** Options of `runCurrent`. */
export interface RunCurrentOptions {
  state: AppState;
  runner: Runner;
  /** Start paused, for single-stepping. Default false. */
  paused?: boolean;
}

const plural = (n: number) => `${n} run${n > 1 ? 's' : ''}`;

/**
 * Runs the working scenario's ensemble (`state.runsWanted` replicates) as the current run,
 * cancelling one still going, and streams its results into the state — unless something stops
 * it (see `whyNotRun`), which the status line then says. The start message is posted before
 * this function first awaits, so a step request sent right after it arrives after the start.
 */
export async function runCurrent({ state, runner, paused = false }: RunCurrentOptions): Promise<void> {
  const why = whyNotRun(state);
  if (why) {
    const notice = state.linkNotice;
    state.setStatus(notice ? `${notice} ${why}` : why, true);
    state.setLinkNotice('');
    return;
  }
  if (state.running) void runner.client.api.cancel();
  const mine = state.beginRun({ paused, histogramBins: HIST_BINS });
  const { scenario, runs } = mine;
  state.setStatus(`Running ${plural(runs)} of “${scenario.name}”…`);
  const t0 = performance.now();
  const { outcome, results } = await runner.run(
    { scenario, runs, histogramBins: HIST_BINS, paused, partyNames: scenario.parties.map((p) => p.name), eventRuns: runs },
    (r) => {
      if (state.current === mine && !mine.results.runs.length) performance.mark('first-chunk');
      state.updateRun(mine, r);
    },
  );
  if (state.current !== mine) return;
  // The status is set first: tests (and users) read it once the run state says the run ended.
  if (outcome.status === 'done') {
    const done = `Done: ${plural(runs)} in ${((performance.now() - t0) / 1000).toFixed(1)} s.`;
    const notice = state.linkNotice;
    state.setStatus(notice ? `${notice} ${done}` : done, !!notice);
    state.setLinkNotice('');
    state.finishRun(mine, { status: 'done', results, stats: outcome.stats, band: outcome.bands.X });
  } else {
    if (outcome.status === 'cancelled') {
      const k = outcome.summaries.length;
      state.setStatus(k ? `Cancelled after ${plural(k)} of ${runs}: ${k > 1 ? 'they are' : 'it is'} kept, and can be exported.` : 'Cancelled before any run finished.');
    }
    else if (outcome.status === 'invalid') state.setStatus('The scenario is invalid: see the fields marked in red.', true);
    else state.setStatus(`The run failed: ${outcome.message}`, true);
    state.finishRun(mine, { status: outcome.status, results });
    if (outcome.status === 'invalid') void checkScenario({ state, runner });
  }
}
