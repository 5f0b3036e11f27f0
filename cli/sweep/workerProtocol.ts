import type { PointExperiment } from '../../sim/experiments/pointScenario';

export type { SweepTask as WorkerTask, SweepTaskResult as WorkerResult } from '../../sim/experiments/sweepTask';

/** The first message to a sweep worker: the base scenario as read, and the experiment. */
export interface WorkerInit {
  init: { base: unknown; experiment: PointExperiment };
}
