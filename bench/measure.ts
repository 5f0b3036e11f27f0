/** Timings of repeated runs of one piece of work: each sample is a rate, in units per second. */
export interface Measurement {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

/** The median, minimum and maximum of rates (units of work per second). */
export function summarizeRates(samples: number[]): Measurement {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], samples };
}

/**
 * Times `work` `reps` times after `warmup` untimed calls; `prepare` (untimed) runs before each
 * call. Each sample is `units` divided by the seconds `work` took.
 */
export function measure(work: () => void, units: number, o: { reps: number; warmup: number; prepare?: () => void }): Measurement {
  for (let w = 0; w < o.warmup; w++) {
    o.prepare?.();
    work();
  }
  const samples: number[] = [];
  for (let r = 0; r < o.reps; r++) {
    o.prepare?.();
    const t0 = performance.now();
    work();
    samples.push(units / ((performance.now() - t0) / 1000));
  }
  return summarizeRates(samples);
}
