/*
 * The page's limits, each written once: the inputs take their min/max/maxlength attributes from
 * here, the handlers check against them and share links are clamped to them.
 */

/** Largest ensemble the page runs: the worker and the page keep every replicate's columns in memory. */
export const MAX_RUNS = 1000;

/** Longest variant name, in characters; longer names, typed or from a link, are cut. */
export const VARIANT_NAME_MAX = 60;

/** Most variants a share link carries; more are dropped when it is read. */
export const MAX_SHARED_VARIANTS = 12;

/** Whether `runs` is an ensemble size the page runs: a whole number from 1 to MAX_RUNS. */
export function isEnsembleSize(runs: unknown): runs is number {
  return Number.isInteger(runs) && (runs as number) >= 1 && (runs as number) <= MAX_RUNS;
}
