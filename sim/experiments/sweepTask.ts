import { replicateSeed } from '../rng';
import type { ScenarioData } from '../scenario/schema';
import { pointScenario, type PointExperiment } from './pointScenario';
import { finish, sweepRunSteps } from './sweepRun';
import { failureLine, runLine, seriesLines } from './sweepTable';

/** One run of a sweep to make: a design point (its index and number, its values) and a replicate. */
export interface SweepTask {
  id: number;
  index: number;
  point: number;
  values: Array<number | string>;
  replicate: number;
}

/** A finished run's lines for runs.csv and series.csv, or its line for failures.csv. */
export type SweepTaskResult =
  | { id: number; ok: true; run: string; series: string }
  | { id: number; ok: false; line: string };

/** Points recur once per replicate: the scenarios of this many recent points are kept built. */
const CACHE_SIZE = 256;

/**
 * Makes the runs of a sweep of `experiment` on `base` (the base scenario as read): each task's
 * point scenario (built as `detente run --set` would, and kept for the point's other replicates),
 * its run, and the lines the sweep's tables get. What every sweep worker does, in Node
 * (`detente sweep`) and in the browser (the web app's explorations, through `sweepTaskSteps`).
 */
export function sweepTaskRunner(base: unknown, experiment: PointExperiment): (task: SweepTask) => SweepTaskResult {
  const steps = sweepTaskSteps(base, experiment, Infinity);
  return (task) => finish(steps(task));
}

/** `sweepTaskRunner` in pieces: each task's run yields every `sliceTicks` ticks (see `sweepRunSteps`). */
export function sweepTaskSteps(base: unknown, experiment: PointExperiment, sliceTicks: number): (task: SweepTask) => Generator<void, SweepTaskResult> {
  const cache = new Map<number, ScenarioData | string>();
  function scenarioOf(task: SweepTask): ScenarioData | string {
    let s = cache.get(task.index);
    if (s === undefined) {
      const r = pointScenario(base, experiment, task.values);
      // validated before the sweep started; a failure here would be a bug, reported as the run's failure
      s = r.ok ? r.scenario : `invalid point: ${r.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as number);
      cache.set(task.index, s);
    }
    return s;
  }
  return function* (task) {
    const key = { point: task.point, replicate: task.replicate, seed: replicateSeed(experiment.seed, task.replicate) };
    const s = scenarioOf(task);
    if (typeof s === 'string') return { id: task.id, ok: false, line: failureLine(key, s) };
    key.seed = replicateSeed(s.seed, task.replicate);
    try {
      const r = yield* sweepRunSteps(s, task.replicate, experiment, sliceTicks);
      key.seed = r.seed;
      return {
        id: task.id, ok: true,
        run: runLine(key, task.values, r.metrics),
        series: r.series && experiment.series ? seriesLines(key, r.series, experiment.series.columns) : '',
      };
    } catch (e) {
      return { id: task.id, ok: false, line: failureLine(key, e instanceof Error ? e.message : String(e)) };
    }
  };
}
