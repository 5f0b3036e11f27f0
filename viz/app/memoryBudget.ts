import { estimateRun, formatGiB } from '../../sim/memory';
import type { ScenarioData } from '../../sim/scenario/schema';
import { BROWSER_MEMORY_LIMIT } from './limits';
import { slug } from './slug';

/** What the page would run: a scenario's ensemble, on how many workers at once, beside results it already keeps. */
export interface MemoryRequest {
  scenario: ScenarioData;
  runs: number;
  /** Simulations alive at once (one per worker). Default 1. */
  workers?: number;
  /** Anger and fear histogram bins recorded per row of replicate 0. Default 0. */
  histogramBins?: number;
  /** Bytes of results the page already holds (e.g. saved variants' runs, measured). Default 0. */
  keptBytes?: number;
}

const en = (n: number) => n.toLocaleString('en');

/**
 * Bytes the page would hold while running `request`, as sim/memory.ts estimates them: each
 * worker's live simulation, every replicate's columns twice (the worker keeps them for the
 * ensemble bands, the page for its charts and exports), the histograms, one run's model events,
 * and what the page already keeps.
 */
export function pageMemoryNeed({ scenario, runs, workers = 1, histogramBins = 0, keptBytes = 0 }: MemoryRequest): number {
  const simulations = Math.max(1, Math.min(workers, runs));
  return estimateRun(scenario, { runsKept: 2 * runs, histogramBins: 2 * histogramBins, simulations }).bytes + keptBytes;
}

/**
 * Why the page will not run `request`, in words, with the command that runs it outside the
 * browser; '' when it fits within BROWSER_MEMORY_LIMIT.
 */
export function memoryProblem(request: MemoryRequest): string {
  const bytes = pageMemoryNeed(request);
  if (bytes <= BROWSER_MEMORY_LIMIT) return '';
  const { scenario: s, runs } = request;
  const e = estimateRun(s);
  return `This would need about ${formatGiB(bytes)} of memory in the browser (${en(e.agents)} agents, ${en(e.ties)} ties, `
    + `${runs} run${runs === 1 ? '' : 's'} of ${en(e.rows)} observed ticks); the page allows ${formatGiB(BROWSER_MEMORY_LIMIT)}. `
    + 'Lower the populations, the ticks or the ensemble size, or run it with the command line, which streams its output: '
    + `download the scenario (Download scenario JSON) and run npx detente run ${slug(s.name)}.json --runs ${runs} --summary`;
}
