import { estimateSeconds, estimateWork, formatDuration } from '../../sim/cost';
import type { ScenarioData } from '../../sim/scenario/schema';

/** Ensembles estimated to take longer than this (seconds, shared among the page's workers) are announced when they start. */
export const PAGE_NOTICE_SECONDS = 30;

/**
 * What the status line adds when an ensemble of `runs` runs on `workers` workers will take long:
 * the estimate of sim/cost.ts (one core of the machine its rates were measured on, so only a
 * rough guide to a browser's speed), or '' for a shorter one.
 */
export function runTimeNote({ scenario, runs, workers }: { scenario: ScenarioData; runs: number; workers: number }): string {
  const seconds = estimateSeconds(estimateWork(scenario, { runs })) / Math.max(1, Math.min(workers, runs));
  if (!(seconds > PAGE_NOTICE_SECONDS)) return '';
  return ` This will take ${formatDuration(seconds)} on ${workers} worker${workers === 1 ? '' : 's'}; Cancel stops it.`;
}
