import * as Comlink from 'comlink';
import { afterEach, describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { parseScenario, run, toCSV } from '../../../sim/index';
import { runOrder } from '../../../sim/experiments/runOrder';
import { recordResult, sweepOutput, type FailureRecord, type RunRecord } from '../../../sim/experiments/sweepOutput';
import { startEnsemble, type EnsembleOutcome, type RunResults } from '../../../viz/app/ensembleJob';
import { startSweep } from '../../../viz/app/sweepJob';
import type { PlanReply } from '../../../viz/app/worker/protocol';
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

describe('sweeps on the pool', () => {
  const experiment = {
    format: 1, name: 'tiny', scenario,
    factors: [{ name: 'synergy', path: 'params.synergy', min: 0, max: 1 }],
    design: { type: 'grid', levels: 3 }, replicates: 2, seed: 5,
    metrics: ['peakX', 'deescalated', 'relapse10y'], series: { columns: ['X'], every: 10 },
  };

  async function planned(p: WorkerPool) {
    const reply = await p.call((api) => api.plan(experiment) as Promise<PlanReply>);
    if (!reply.ok) throw new Error(JSON.stringify(reply.issues));
    return reply.plan;
  }

  /** The plan's runs on the pool, in run order, into records as the page keeps them. */
  async function swept(p: WorkerPool, o: { pauseAt?: number; cancelAt?: number } = {}) {
    const plan = await planned(p);
    const e = plan.head.experiment;
    const records = { runs: new Map<number, RunRecord>(), failures: new Map<number, FailureRecord>() };
    const tasks = [...runOrder(plan.head.design.points.length, e.replicates)].map((ref, id) => ({ id, index: ref.point, point: ref.point, values: plan.head.design.points[ref.point].values, replicate: ref.replicate }));
    let seen = 0;
    const job = startSweep(p, {
      init: { base: e.scenario, experiment: e }, tasks: tasks[Symbol.iterator](), count: tasks.length,
      onResult(r) {
        recordResult(records, r, e.replicates);
        if (++seen === o.pauseAt) {
          job.pause();
          setTimeout(() => {
            expect(records.runs.size).toBeLessThan(tasks.length);
            job.resume();
          }, 50);
        }
        if (seen === o.cancelAt) job.cancel();
      },
    });
    return { plan, records, outcome: await job.done, tasks };
  }

  it('plan(experiment) in a worker is planSweep\'s: the manifest head, valid points, the largest run\'s memory and the series kept', async () => {
    const plan = await planned(pool(1).pool);
    expect(plan.head.design.points.map((q) => q.values)).toEqual([[0], [0.5], [1]]);
    expect(plan.head.seeds).toHaveLength(2);
    expect(Array.from(plan.valid)).toEqual([1, 1, 1]);
    expect(plan.runBytes).toBeGreaterThan(0);
    // X at ticks 0, 10, 20 and 30
    expect(plan.seriesValues).toBe(4);
    const p = pool(1).pool;
    // points whose scenario is invalid are named, as detente sweep names them
    const wrongField = await p.call((api) => api.plan({ ...experiment, factors: [{ name: 'x', path: 'params.nonsense', min: 0, max: 1 }] }) as Promise<PlanReply>);
    expect(wrongField.ok && wrongField.plan.invalid.map((q) => q.point)).toEqual([0, 1, 2]);
    // the page needs the scenario written in the experiment
    const byFile = await p.call((api) => api.plan({ ...experiment, scenario: '../intrastate-conflict.json' }) as Promise<PlanReply>);
    expect(byFile.ok ? [] : byFile.issues.map((i) => i.path)).toEqual(['scenario']);
  }, 60_000);

  it('a sweep on 3 workers writes the files a sweep on 1 writes, byte for byte, and pausing changes nothing', async () => {
    const one = await swept(pool(1).pool);
    const three = await swept(pool(3).pool, { pauseAt: 2 });
    expect(one.outcome).toEqual({ status: 'done' });
    expect(three.outcome).toEqual({ status: 'done' });
    const files = (r: typeof one) => sweepOutput(r.plan.head, r.records, { state: 'complete' }).map((f) => [f.name, typeof f.data === 'string' ? f.data : Array.from(f.data)]);
    expect(files(three)).toEqual(files(one));
    expect(one.records.runs.size).toBe(6);
  }, 60_000);

  it('cancel() stops a sweep with the runs already in, and the pool runs the next job', async () => {
    const { pool: p } = pool(2);
    const r = await swept(p, { cancelAt: 1 });
    expect(r.outcome).toEqual({ status: 'cancelled' });
    expect(r.records.runs.size).toBeLessThan(6);
    expect((await ensemble(p, 2)).outcome.status).toBe('done');
  }, 60_000);
});
