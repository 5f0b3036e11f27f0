import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { parseScenario, run, toCSV } from '../../../sim/index';
import { startEnsemble, type EnsembleOutcome, type RunResults } from '../../../viz/app/ensembleJob';
import { createWorkerApi } from '../../../viz/app/worker/worker';
import { createWorkerPool, type WorkerPool } from '../../../viz/app/workerPool';
import { small } from './helpers/finishedRun';

/*
 * Pools of several workers, each the real worker API on this thread behind a message channel:
 * the scheduling is the page's, the runs the worker's, and the messages interleave as they would
 * between threads. (Real threads are tested in Chromium, tests/e2e/pool.test.ts.)
 */

/** A worker-like endpoint whose other end is `createWorkerApi()` on this thread. */
function inProcessWorker(started: string[]): Worker {
  started.push('worker');
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(createWorkerApi(), port1);
  return Object.assign(port2, {
    terminate() {
      port1.close();
      port2.close();
    },
  }) as unknown as Worker;
}

let pools: WorkerPool[] = [];
afterEach(() => {
  for (const p of pools) p.dispose();
  pools = [];
});

function pool(size: number): { pool: WorkerPool; started: string[] } {
  const started: string[] = [];
  const p = createWorkerPool({ size, makeWorker: () => inProcessWorker(started) });
  pools.push(p);
  return { pool: p, started };
}

const scenario = small(base, 30);
const partyNames = scenario.parties.map((p) => p.name);

async function ensemble(p: WorkerPool, runs: number, extra: { maxWorkers?: number } = {}): Promise<{ outcome: EnsembleOutcome; results: RunResults }> {
  return startEnsemble(p, { scenario, runs, histogramBins: 4, sliceMs: 1, partyNames, ...extra }, () => {}).done;
}

describe('workerPool', () => {
  it('an ensemble on 3 workers gives the same bytes as on 1, and as run() replicate by replicate', async () => {
    const one = await ensemble(pool(1).pool, 7);
    const { pool: three, started } = pool(3);
    const many = await ensemble(three, 7);
    expect(started).toHaveLength(3);
    expect(one.outcome.status).toBe('done');
    expect(many.outcome).toEqual(one.outcome);
    expect(toCSV(many.results.runs)).toBe(toCSV(one.results.runs));
    expect(Array.from(many.results.histograms!)).toEqual(Array.from(one.results.histograms!));
    expect(many.results.progress).toBe(1);
    const s = parseScenario(scenario);
    expect(toCSV(many.results.runs)).toBe(toCSV(Array.from({ length: 7 }, (_, r) => run(s, { run: r }).columns)));
  }, 60_000);

  it('a pool starts workers only as jobs want them, and no more than maxWorkers for a job', async () => {
    const { pool: p, started } = pool(4);
    expect(started).toHaveLength(1);
    await ensemble(p, 1);
    expect(started).toHaveLength(1);
    await ensemble(p, 6, { maxWorkers: 2 });
    expect(started).toHaveLength(2);
  }, 60_000);

  it('two jobs share the pool: the second takes the workers the first leaves, and both finish', async () => {
    const { pool: p } = pool(3);
    const a = startEnsemble(p, { scenario, runs: 2, sliceMs: 1, partyNames }, () => {});
    const b = startEnsemble(p, { scenario: { ...scenario, seed: 99 }, runs: 3, sliceMs: 1, partyNames }, () => {});
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect([ra.outcome.status, rb.outcome.status]).toEqual(['done', 'done']);
    expect(rb.results.summaries.map((s) => s.run)).toEqual([0, 1, 2]);
  }, 60_000);

  it('cancel() ends a job on every worker with the replicates already in; the pool runs the next job', async () => {
    const { pool: p } = pool(2);
    let job: ReturnType<typeof startEnsemble> | undefined;
    let seen = 0;
    job = startEnsemble(p, { scenario: { ...scenario, ticks: 100_000 }, runs: 4, sliceMs: 1, partyNames }, () => {
      if (++seen === 3) job?.cancel();
    });
    const r = await job.done;
    expect(r.outcome.status).toBe('cancelled');
    expect(r.results.progress).toBeLessThan(0.5);
    expect((await ensemble(p, 2)).outcome.status).toBe('done');
  }, 60_000);

  it('a job started paused runs on one worker and moves only by steps; resumed, it finishes on all', async () => {
    const { pool: p, started } = pool(3);
    let latest: RunResults | undefined;
    const job = startEnsemble(p, { scenario, runs: 5, paused: true, partyNames }, (r) => (latest = r));
    job.step(4);
    await expect.poll(() => latest?.runs[0]?.rows).toBe(5);
    await new Promise((r) => setTimeout(r, 100));
    expect(latest?.runs.filter(Boolean)).toHaveLength(1);
    expect(latest?.runs[0].rows).toBe(5);
    expect(started).toHaveLength(1);
    job.resume();
    const done = await job.done;
    expect(done.outcome.status).toBe('done');
    expect(started).toHaveLength(3);
    expect(toCSV(done.results.runs)).toBe(toCSV((await ensemble(pool(1).pool, 5)).results.runs));
  }, 60_000);

  it('an invalid scenario ends the job invalid, with the field at fault', async () => {
    const { pool: p } = pool(2);
    const r = await startEnsemble(p, { scenario: { ...scenario, ticks: -1 }, runs: 3, partyNames }, () => {}).done;
    expect(r.outcome.status).toBe('invalid');
    if (r.outcome.status === 'invalid') expect(r.outcome.issues.map((i) => i.path)).toContain('ticks');
  }, 60_000);
});
