import type { ExperimentData } from './experiment';
import { runOrder, type Shard } from './runOrder';
import type { SweepPlan } from './planSweep';
import { VERSION } from '../version';

/*
 * A sweep's manifest.json: which Détente, which experiment, the design table, the seeds, the shard
 * and each run's status. Built and laid out here, without Node APIs, so that `detente sweep`,
 * `detente merge` and the web app write the same bytes for the same runs.
 */

/** What happened to one run: done (its row is in runs.csv), failed (in failures.csv) or not run yet. */
export type RunStatus = 'done' | 'failed' | 'pending';

/** How sim/experiments/runOrder.ts orders runs, for the manifest's readers. */
export const ORDER_NOTE = 'replicate-major; within a replicate, point indices in golden-ratio order (k · g mod n, g nearest n/φ coprime with n); shard I/N takes every N-th run from run I';

/** What a manifest says of the sweep itself, whatever part of it a directory holds. */
export interface ManifestHead {
  format: 1;
  detente: string;
  experimentHash: string;
  scenarioHash: string;
  /** The experiment, defaults filled, its scenario inline: itself a valid experiment file. */
  experiment: ExperimentData;
  /** The design table: factor names, and each point's values in factor order. */
  design: { factors: string[]; points: Array<{ point: number; values: Array<number | string> }> };
  replicates: number;
  /** Replicate r's seed, shared by every point. */
  seeds: number[];
  /** How runs are ordered. */
  order: string;
}

/**
 * DIR/manifest.json: which Détente, which experiment (its hash, the base scenario's hash), the
 * design table, the seeds, the shard, and each run's status. While a sweep runs, runs.csv and
 * failures.csv (appended run by run) are the record; the manifest is written when a sweep starts,
 * stops and completes, and by merge.
 */
export interface Manifest extends ManifestHead {
  /** The shard the directory holds; null for a whole sweep or a merge. */
  shard: (Shard & { source: string }) | null;
  /** For a merge: the directories merged and their shards. */
  mergedFrom?: Array<{ dir: string; shard: Manifest['shard'] }>;
  /**
   * complete: every run was attempted; stopped: interrupted (Ctrl-C); running: under way, or
   * killed; partial: a merge that lacks some runs.
   */
  state: 'running' | 'stopped' | 'complete' | 'partial';
  counts: { runs: number; done: number; failed: number; pending: number };
  /** Each run of the shard, in (point, replicate) order. */
  runs: Array<{ point: number; replicate: number; seed: number; status: RunStatus }>;
}

/** A run's key: point × replicates + replicate, which sorts runs by (point, replicate). */
export const runKey = (point: number, replicate: number, replicates: number): number => point * replicates + replicate;

/** The runs that finished and failed, by `runKey`, with the seed each ran with. */
export interface RunLookup {
  runs: ReadonlyMap<number, { seed: number }>;
  failures: ReadonlyMap<number, { seed: number }>;
}

/** The manifest's head for a planned sweep. */
export function manifestHead(plan: SweepPlan): ManifestHead {
  const { resolved, design } = plan;
  return {
    format: 1,
    detente: VERSION,
    experimentHash: resolved.experimentHash,
    scenarioHash: resolved.scenarioHash,
    experiment: resolved.experiment,
    design: { factors: design.factors.map((f) => f.name), points: design.points.map((p) => ({ point: p.point, values: p.values })) },
    replicates: resolved.experiment.replicates,
    seeds: plan.seeds,
    order: ORDER_NOTE,
  };
}

/** A manifest: the head, the shard, and each of the shard's runs with its status in `index`. */
export function manifestWith(head: ManifestHead, o: { shard: Manifest['shard']; state: Manifest['state']; index?: RunLookup; mergedFrom?: Manifest['mergedFrom'] }): Manifest {
  const R = head.replicates;
  const points = head.design.points;
  const runs: Manifest['runs'] = [];
  for (const ref of runOrder(points.length, R, o.shard ?? undefined)) {
    const point = points[ref.point].point;
    const key = runKey(point, ref.replicate, R);
    const done = o.index?.runs.get(key);
    const failed = o.index?.failures.get(key);
    runs.push({ point, replicate: ref.replicate, seed: done?.seed ?? failed?.seed ?? head.seeds[ref.replicate], status: done ? 'done' : failed ? 'failed' : 'pending' });
  }
  runs.sort((a, b) => a.point - b.point || a.replicate - b.replicate);
  const count = (st: RunStatus) => runs.filter((r) => r.status === st).length;
  return {
    ...head,
    shard: o.shard,
    ...(o.mergedFrom && { mergedFrom: o.mergedFrom }),
    state: o.state,
    counts: { runs: runs.length, done: count('done'), failed: count('failed'), pending: count('pending') },
    runs,
  };
}

/** The text of manifest.json: indented JSON, one line per run, so a sweep of 10^6 runs stays readable. */
export function manifestText(m: Manifest): string {
  const { runs, ...rest } = m;
  // runs last, so the placeholder replaced is the last "runs": [] of the text
  const head = JSON.stringify({ ...rest, runs: [] }, null, 1);
  const at = head.lastIndexOf('"runs": []');
  const list = runs.length ? `[\n${runs.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n ]` : '[]';
  return `${head.slice(0, at)}"runs": ${list}${head.slice(at + '"runs": []'.length)}\n`;
}
