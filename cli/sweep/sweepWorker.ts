/*
 * A sweep's worker thread: builds a design point's scenario, runs one replicate, and sends back
 * the lines the sweep appends to its tables (sim/experiments/sweepTask.ts). Under tsx it is
 * started through sweepWorker.mjs; a bundled CLI builds this file into sweepWorker.mjs beside its
 * own bundle.
 */
import { parentPort } from 'node:worker_threads';
import { sweepTaskRunner, type SweepTask } from '../../sim/experiments/sweepTask';
import type { WorkerInit } from './workerProtocol';

if (!parentPort) throw new Error('sweepWorker runs as a worker thread');
const port = parentPort;

let handle: ((task: SweepTask) => unknown) | undefined;

port.on('message', (msg: WorkerInit | SweepTask) => {
  if ('init' in msg) {
    handle = sweepTaskRunner(msg.init.base, msg.init.experiment);
    port.postMessage({ ready: true });
    return;
  }
  port.postMessage(handle!(msg));
});
