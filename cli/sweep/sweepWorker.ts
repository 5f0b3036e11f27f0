/*
 * A sweep's worker thread: builds a design point's scenario, runs one replicate, and sends back
 * the lines the sweep appends to its tables. Under tsx it is started through sweepWorker.mjs; a
 * bundled CLI builds this file into sweepWorker.mjs beside its own bundle.
 */
import { parentPort } from 'node:worker_threads';
import { pointScenario, type PointExperiment } from '../../sim/experiments/pointScenario';
import { sweepRun } from '../../sim/experiments/sweepRun';
import { failureLine, runLine, seriesLines } from '../../sim/experiments/sweepTable';
import { replicateSeed, type ScenarioData } from '../../sim/index';
import type { WorkerInit, WorkerResult, WorkerTask } from './workerProtocol';

if (!parentPort) throw new Error('sweepWorker runs as a worker thread');
const port = parentPort;

let base: unknown;
let experiment: PointExperiment;
// points recur once per replicate; keep the latest few hundred scenarios built
const cache = new Map<number, ScenarioData | string>();
const CACHE_SIZE = 256;

function scenarioOf(task: WorkerTask): ScenarioData | string {
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

function handle(task: WorkerTask): WorkerResult {
  const key = { point: task.point, replicate: task.replicate, seed: replicateSeed(experiment.seed, task.replicate) };
  const s = scenarioOf(task);
  if (typeof s === 'string') return { id: task.id, ok: false, line: failureLine(key, s) };
  key.seed = replicateSeed(s.seed, task.replicate);
  try {
    const r = sweepRun(s, task.replicate, experiment);
    key.seed = r.seed;
    return {
      id: task.id, ok: true,
      run: runLine(key, task.values, r.metrics),
      series: r.series && experiment.series ? seriesLines(key, r.series, experiment.series.columns) : '',
    };
  } catch (e) {
    return { id: task.id, ok: false, line: failureLine(key, e instanceof Error ? e.message : String(e)) };
  }
}

port.on('message', (msg: WorkerInit | WorkerTask) => {
  if ('init' in msg) {
    base = msg.init.base;
    experiment = msg.init.experiment;
    port.postMessage({ ready: true });
    return;
  }
  port.postMessage(handle(msg));
});
