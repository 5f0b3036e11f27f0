import type { PointExperiment } from '../../sim/experiments/pointScenario';

/** The first message to a sweep worker: the base scenario as read, and the experiment. */
export interface WorkerInit {
  init: { base: unknown; experiment: PointExperiment };
}

/** One run to make: a design point (its index and number, its values) and a replicate. */
export interface WorkerTask {
  id: number;
  index: number;
  point: number;
  values: Array<number | string>;
  replicate: number;
}

/** A finished run's lines for runs.csv and series.csv, or its line for failures.csv. */
export type WorkerResult =
  | { id: number; ok: true; run: string; series: string }
  | { id: number; ok: false; line: string };
