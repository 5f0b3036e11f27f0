import { bands, ensembleStats, openRun, parseScenario, summarizeRun } from '../../../../sim/index';
import type { Bands, EnsembleStats } from '../../../../sim/ensemble';
import type { RunResults } from '../../../../viz/app/ensembleJob';

/** A small, fast version of a scenario: few agents, few ticks. */
export function small<T extends { parties: object[] }>(scenario: T, ticks = 24): T & { ticks: number } {
  return { ...scenario, ticks, parties: scenario.parties.map((p) => ({ ...p, population: 40 })) };
}

/** The results of an ensemble of `runs` computed by the model on this thread, shaped as the page holds them. */
export function finishedRun(json: unknown, runs: number): { results: RunResults; stats: EnsembleStats; band: Bands } {
  const scenario = parseScenario(json);
  const done = Array.from({ length: runs }, (_, r) => {
    const session = openRun(scenario, { run: r });
    session.advance();
    return session;
  });
  const summaries = done.map((d) => summarizeRun(scenario, d.columns));
  const results: RunResults = { runs: done.map((d) => d.columns), summaries, bins: 0, progress: 1, totalRows: scenario.ticks + 1, events: done.map((d) => [...d.events]) };
  return { results, stats: ensembleStats(summaries), band: bands(results.runs, 'X') };
}
