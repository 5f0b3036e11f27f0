/*
 * The page's limits, each written once: the inputs take their min/max/maxlength attributes from
 * here, the handlers check against them and share links are clamped to them.
 */

/** Largest ensemble the page runs: the worker and the page keep every replicate's columns in memory. */
export const MAX_RUNS = 1000;

/** Anger and fear histogram bins per party that the current run records for the distributions chart. */
export const HIST_BINS = 20;

/** Longest variant name, in characters; longer names, typed or from a link, are cut. */
export const VARIANT_NAME_MAX = 60;

/** Most variants a share link carries; more are dropped when it is read. */
export const MAX_SHARED_VARIANTS = 12;

/**
 * Most memory the page's simulations may take, workers and page together. Validation allows 8
 * GiB, a limit for the command line, which streams runs and keeps one; here the worker and the
 * page each keep every replicate's columns, so a link with a long run could otherwise exhaust the
 * tab's memory. The page checks a run against it before starting (./memoryBudget.ts); the worker
 * checks the columns it keeps again.
 */
export const BROWSER_MEMORY_LIMIT = 1024 ** 3;

/** Whether `runs` is an ensemble size the page runs: a whole number from 1 to MAX_RUNS. */
export function isEnsembleSize(runs: unknown): runs is number {
  return Number.isInteger(runs) && (runs as number) >= 1 && (runs as number) <= MAX_RUNS;
}
