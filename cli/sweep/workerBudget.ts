/**
 * Memory a sweep worker takes before its first run: a V8 isolate with the model, zod and mathjs
 * loaded (about 60 MB measured here, from the process's RSS with and without an idle worker),
 * rounded up.
 */
export const WORKER_BASE_BYTES = 96 * 1024 ** 2;

/** Share of the machine's free memory a sweep lets its workers fill: the rest is left to everything else. */
export const MEMORY_SHARE = 0.8;

/**
 * How many workers fit: at most `requested`, and few enough that each one's run (`runBytes`, the
 * largest estimate over the design's points) plus its own overhead stays within the share of
 * `freeBytes` — never fewer than one. `reason` says why when the answer is below `requested`.
 */
export function workerBudget(requested: number, runBytes: number, freeBytes: number): { workers: number; reason?: string } {
  const each = runBytes + WORKER_BASE_BYTES;
  const fit = Math.max(1, Math.floor((freeBytes * MEMORY_SHARE) / each));
  if (fit >= requested) return { workers: requested };
  const mb = (b: number) => `${Math.round(b / 1024 ** 2).toLocaleString('en')} MB`;
  return {
    workers: fit,
    reason: `${fit} worker${fit === 1 ? '' : 's'} instead of ${requested}: each needs about ${mb(each)} (a run of the largest point, ${mb(runBytes)}, plus the worker itself) and ${mb(freeBytes)} of memory is free`,
  };
}
