/**
 * Rates of repeated runs of one piece of work, in units per second: by wall-clock time, and by
 * the process's CPU time, which a busy shared machine disturbs less (it leaves out the time the
 * process waited for a core, though not a core shared with another thread).
 */
export interface Measurement {
  median: number;
  min: number;
  max: number;
  samples: number[];
  cpuMedian: number;
  cpuSamples: number[];
}

/** The median of `samples` (unsorted; left as they are). */
export function median(samples: number[]): number {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/** The summary of wall-clock and CPU-time rates (units of work per second). */
export function summarizeRates(samples: number[], cpuSamples: number[]): Measurement {
  return {
    median: median(samples), min: Math.min(...samples), max: Math.max(...samples), samples,
    cpuMedian: median(cpuSamples), cpuSamples,
  };
}

/** One timed call of `work`: its rate by wall-clock and by CPU time. */
export function timeOnce(work: () => void, units: number): [number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  work();
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  return [units / wall, units / ((c.user + c.system) / 1e6)];
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
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < o.reps; r++) {
    o.prepare?.();
    const [a, b] = timeOnce(work, units);
    wall.push(a);
    cpu.push(b);
  }
  return summarizeRates(wall, cpu);
}
