import { mkdirSync, rmSync, statSync } from 'node:fs';
import { freemem } from 'node:os';
import { join } from 'node:path';
import { runOrder } from '../../sim/experiments/runOrder';
import { failureLine, headerLine, runsColumns, FAILURES_COLUMNS, SERIES_COLUMNS } from '../../sim/experiments/sweepTable';
import { replicateSeed } from '../../sim/index';
import { InputError } from '../command';
import { EXIT } from '../exitCodes';
import { longRunNotice } from '../longRunNotice';
import { progressBar } from '../progressBar';
import { VERSION } from '../../sim/version';
import { openAppend, type AppendFile } from './lineFile';
import { describeInvalid, planSweep, type SweepPlan } from '../../sim/experiments/planSweep';
import { resolveExperiment } from './resolveExperiment';
import type { ShardChoice } from './shard';
import { manifestHead, manifestWith, readManifest, writeManifest, type Manifest } from './manifest';
import { holdsSweep, removeTemporaries, SWEEP_FILES } from './sweepDir';
import { indexSweep, runKey, writeTables, type SweepIndex } from './sweepTables';
import { workerBudget } from './workerBudget';
import { runPool } from './workerPool';
import type { WorkerResult, WorkerTask } from './workerProtocol';

/** Options of `runSweep`. */
export interface SweepOptions {
  experimentFile: string;
  out: string;
  /** Worker threads to ask for (fewer if their runs would not fit in free memory). */
  workers: number;
  shard?: ShardChoice;
  /** Complete the sweep already in `out` (or start one if there is none). */
  resume?: boolean;
  /** Record invalid points as failures and run the rest, instead of refusing the sweep. */
  skipInvalid?: boolean;
  stderr: NodeJS.WriteStream;
  /** Aborting stops the sweep as Ctrl-C does: runs in flight are dropped, the rest kept. */
  signal?: AbortSignal;
}

/** How a sweep ended: its exit code, its runs, and where its time went (seconds). */
export interface SweepOutcome {
  code: number;
  counts: Manifest['counts'];
  workers: number;
  seconds: { setup: number; runs: number; finish: number };
}

const WHOLE: ShardChoice = { index: 0, count: 1, source: 'whole sweep' };

/** Refuses an output directory that cannot take this sweep; returns the runs already there to resume. */
function prepareOut(o: SweepOptions, plan: SweepPlan, shard: ShardChoice): SweepIndex | undefined {
  const { out } = o;
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new InputError([`${out}: cannot create the output directory: ${(e as Error).message}`]);
  }
  if (!statSync(out).isDirectory()) throw new InputError([`${out}: not a directory`]);
  if (!holdsSweep(out)) return undefined;
  if (!o.resume) throw new InputError([`${out}: already holds a sweep; add --resume to complete it, or choose another --out`]);
  const m = readManifest(out);
  const problems: string[] = [];
  if (m.detente !== VERSION) problems.push(`it was made by Détente ${m.detente}, this is ${VERSION}: results would mix two versions of the model`);
  if (m.experimentHash !== plan.resolved.experimentHash) problems.push(`its experiment differs from ${o.experimentFile} (hash ${m.experimentHash.slice(0, 12)}…, now ${plan.resolved.experimentHash.slice(0, 12)}…): the experiment or its base scenario changed`);
  const was = m.shard ?? WHOLE;
  if (was.index !== shard.index || was.count !== shard.count) problems.push(`it holds shard ${was.index}/${was.count}, not ${shard.index}/${shard.count}`);
  if (problems.length) throw new InputError(problems.map((p) => `${out}: cannot resume: ${p}`));
  removeTemporaries(out);
  return indexSweep([out], plan.resolved.experiment);
}

/**
 * `detente sweep`: runs every run of the experiment's design (or of one shard of it) on worker
 * threads, appending each finished run to DIR's tables as it comes, and when all are done rewrites
 * the tables in (point, replicate) order and writes them as Parquet too. See the command's help
 * for the files and exit codes.
 */
export async function runSweep(o: SweepOptions): Promise<SweepOutcome> {
  const t0 = performance.now();
  const shard = o.shard ?? WHOLE;
  const resolved = await resolveExperiment(o.experimentFile);
  const plan = planSweep(resolved);
  const e = resolved.experiment;
  const { design } = plan;
  const label = `detente sweep${e.name ? ` (${e.name})` : ''}`;
  if (plan.invalid.length && !o.skipInvalid) {
    throw new InputError([
      `${o.experimentFile}: ${plan.invalid.length} of ${design.points.length} design points give an invalid scenario; nothing was run (--skip-invalid runs the others and records these as failures):`,
      ...describeInvalid(plan),
    ]);
  }
  const prior = prepareOut(o, plan, shard);
  const { out } = o;
  const done = new Set<number>(prior?.runs.keys());
  if (prior) {
    // start clean from what finished: failures are retried, stray lines of unfinished runs dropped
    prior.failures.clear();
    writeTables(prior, out, e, {});
  }
  rmSync(join(out, SWEEP_FILES.runsParquet), { force: true });
  rmSync(join(out, SWEEP_FILES.seriesParquet), { force: true });
  const shardRecord = shard.count > 1 ? shard : null;
  const head = manifestHead(plan);
  writeManifest(out, manifestWith(head, { shard: shardRecord, state: 'running', index: prior }));

  const files: AppendFile[] = [];
  const open = (name: string, header: string) => {
    const f = openAppend(join(out, name), header);
    files.push(f);
    return f;
  };
  const runsFile = open(SWEEP_FILES.runs, headerLine(runsColumns(e)));
  const seriesFile = e.series ? open(SWEEP_FILES.series, headerLine(SERIES_COLUMNS)) : undefined;
  const failuresFile = open(SWEEP_FILES.failures, headerLine(FAILURES_COLUMNS));

  // the shard's runs in run order, less those already done; invalid points fail at once. Counted
  // first, then handed to the pool lazily: a design of 10^6 points needs no list of its runs
  const invalid = new Map(plan.invalid.map((x) => [x.index, x.issues.map((i) => `${i.path || '(scenario)'}: ${i.message}`).join('; ')]));
  let total = 0;
  let failed = 0;
  let left = 0;
  // the runs left's estimated time (one core) and agent-updates
  let leftSeconds = 0;
  let leftUpdates = 0;
  for (const ref of runOrder(design.points.length, e.replicates, shard)) {
    total++;
    const p = design.points[ref.point];
    if (done.has(runKey(p.point, ref.replicate, e.replicates))) continue;
    if (plan.valid[ref.point]) {
      left++;
      leftSeconds += plan.runSeconds[ref.point];
      leftUpdates += plan.runUpdates[ref.point];
    } else {
      failuresFile.append(failureLine({ point: p.point, replicate: ref.replicate, seed: plan.seeds[ref.replicate] }, `invalid point: ${invalid.get(ref.point)}`));
      failed++;
    }
  }
  function* tasks(): Generator<WorkerTask> {
    let id = 0;
    for (const ref of runOrder(design.points.length, e.replicates, shard)) {
      const p = design.points[ref.point];
      if (plan.valid[ref.point] && !done.has(runKey(p.point, ref.replicate, e.replicates))) {
        yield { id: id++, index: ref.point, point: p.point, values: p.values, replicate: ref.replicate };
      }
    }
  }
  const budget = workerBudget(Math.max(1, Math.min(o.workers, left)), plan.runBytes, freemem());
  if (budget.reason) o.stderr.write(`${label}: ${budget.reason}\n`);
  const what = `${design.points.length} point${design.points.length === 1 ? '' : 's'} × ${e.replicates} replicate${e.replicates === 1 ? '' : 's'}`;
  o.stderr.write(`${label}: ${what}${shard.count > 1 ? `, shard ${shard.index}/${shard.count} from ${shard.source}: ${total} runs` : ` = ${total} runs`}${done.size ? `, ${done.size} done before` : ''}${failed ? `, ${failed} of invalid points` : ''}; ${left ? `${budget.workers} worker${budget.workers === 1 ? '' : 's'}` : 'nothing left to run'}\n`);
  const notice = longRunNotice({
    label, seconds: leftSeconds / budget.workers, agentUpdates: leftUpdates, on: `on ${budget.workers} worker${budget.workers === 1 ? '' : 's'}`,
    resume: 'Ctrl-C stops it, --resume goes on from the runs done',
  });
  if (notice) o.stderr.write(notice);

  const t1 = performance.now();
  const bar = progressBar(o.stderr, label);
  let finished = done.size + failed;
  bar.update(finished, total);
  let interrupted = false;
  if (left) {
    const pool = runPool(tasks(), {
      size: budget.workers,
      init: { base: resolved.base, experiment: e },
      onResult(r: WorkerResult) {
        if (r.ok) {
          // series first: a run is done once its row is in runs.csv, and by then its series are too
          seriesFile?.append(r.series);
          runsFile.append(r.run);
        } else {
          failuresFile.append(r.line);
          failed++;
        }
        bar.update(++finished, total);
      },
      onCrash(task, message) {
        return { id: task.id, ok: false, line: failureLine({ point: task.point, replicate: task.replicate, seed: replicateSeed(e.seed, task.replicate) }, message) };
      },
    });
    const stop = () => {
      interrupted = true;
      void pool.stop();
    };
    if (o.signal?.aborted) stop();
    o.signal?.addEventListener('abort', stop, { once: true });
    try {
      await pool.done;
    } finally {
      o.signal?.removeEventListener('abort', stop);
      bar.done();
    }
  } else {
    bar.done();
  }
  for (const f of files) f.close();

  const t2 = performance.now();
  const index = indexSweep([out], e);
  // Parquet only once every run of the shard was attempted
  if (!interrupted) writeTables(index, out, e, { parquet: { createdBy: `Détente ${VERSION}` } });
  const m = manifestWith(head, { shard: shardRecord, state: interrupted ? 'stopped' : 'complete', index });
  writeManifest(out, m);
  const c = m.counts;
  o.stderr.write(interrupted
    ? `${label}: interrupted: ${c.done} of ${c.runs} runs done${c.failed ? `, ${c.failed} failed` : ''}, kept in ${out}; run again with --resume to complete it\n`
    : `${label}: wrote ${out}: ${c.done} of ${c.runs} runs done${c.failed ? `, ${c.failed} failed (see ${join(out, SWEEP_FILES.failures)})` : ''}\n`);
  return {
    code: interrupted ? EXIT.interrupted : c.failed ? EXIT.runsFailed : EXIT.ok,
    counts: c, workers: budget.workers,
    seconds: { setup: (t1 - t0) / 1000, runs: (t2 - t1) / 1000, finish: (performance.now() - t2) / 1000 },
  };
}
