import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentData } from '../../sim/experiments/experiment';
import { runOrder, type Shard } from '../../sim/experiments/runOrder';
import { InputError } from '../command';
import { SWEEP_FILES, writeAtomic } from './sweepDir';
import { runKey, type SweepIndex } from './sweepTables';

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

/** A manifest: the head, the shard, and each of the shard's runs with its status in `index`. */
export function manifestWith(head: ManifestHead, o: { shard: Manifest['shard']; state: Manifest['state']; index?: SweepIndex; mergedFrom?: Manifest['mergedFrom'] }): Manifest {
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

/** Reads DIR/manifest.json; a missing or unreadable one is an InputError naming the directory. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, SWEEP_FILES.manifest);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError([`${dir}: not a sweep's output directory (no ${SWEEP_FILES.manifest})`]);
  }
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch (e) {
    throw new InputError([`${file}: invalid JSON: ${(e as Error).message}`]);
  }
  if (m?.format !== 1 || typeof m.detente !== 'string' || typeof m.experimentHash !== 'string' || !m.experiment || !Array.isArray(m.design?.points) || !Array.isArray(m.seeds)) {
    throw new InputError([`${file}: not a Détente sweep manifest (format 1)`]);
  }
  return m;
}

/** Writes DIR/manifest.json atomically; one line per run, so a sweep of 10^6 runs stays readable. */
export function writeManifest(dir: string, m: Manifest): void {
  const { runs, ...rest } = m;
  // runs last, so the placeholder replaced is the last "runs": [] of the text
  const head = JSON.stringify({ ...rest, runs: [] }, null, 1);
  const at = head.lastIndexOf('"runs": []');
  const list = runs.length ? `[\n${runs.map((r) => `  ${JSON.stringify(r)}`).join(',\n')}\n ]` : '[]';
  writeAtomic(join(dir, SWEEP_FILES.manifest), `${head.slice(0, at)}"runs": ${list}${head.slice(at + '"runs": []'.length)}\n`);
}
