import { mkdirSync, realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../command';
import { EXIT } from '../exitCodes';
import { manifestWith, readManifest, writeManifest, type Manifest, type ManifestHead } from './manifest';
import { holdsSweep } from './sweepDir';
import { indexSweep, writeTables } from './sweepTables';

const same = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
};

/**
 * `detente merge`: joins the runs of sweep directories (shards, partial sweeps) of one experiment
 * and one Détente version into `out`, with the tables a whole sweep writes — byte for byte the
 * same, when every run is there, as the sweep run whole. Returns the exit code: 0 every run of the
 * design is done, 4 some failed or are missing.
 */
export function mergeSweeps(dirs: readonly string[], out: string, stderr: NodeJS.WritableStream): number {
  const manifests = dirs.map((d) => readManifest(d));
  const first = manifests[0];
  const problems: string[] = [];
  manifests.forEach((m, i) => {
    if (m.detente !== first.detente) problems.push(`${dirs[i]}: made by Détente ${m.detente}, ${dirs[0]} by ${first.detente}: shards of two versions of the model cannot be merged`);
    else if (m.experimentHash !== first.experimentHash) problems.push(`${dirs[i]}: another experiment than ${dirs[0]}'s (hash ${m.experimentHash.slice(0, 12)}… against ${first.experimentHash.slice(0, 12)}…)`);
  });
  if (problems.length) throw new InputError(problems);
  const into = dirs.find((d) => same(d, out));
  if (into !== undefined) throw new InputError([`${out}: is one of the directories being merged; choose another --out`]);
  try {
    mkdirSync(out, { recursive: true });
  } catch (e) {
    throw new InputError([`${out}: cannot create the output directory: ${(e as Error).message}`]);
  }
  if (!statSync(out).isDirectory()) throw new InputError([`${out}: not a directory`]);
  if (holdsSweep(out)) throw new InputError([`${out}: already holds a sweep; choose an empty or new directory`]);

  const { shard: _s, mergedFrom: _m, state: _st, counts: _c, runs: _r, ...head } = first;
  const e = first.experiment;
  const index = indexSweep(dirs, e);
  writeTables(index, out, e, { parquet: { createdBy: `Détente ${first.detente}` } });
  const mergedFrom = dirs.map((dir, i) => ({ dir, shard: manifests[i].shard }));
  const probe = manifestWith(head as ManifestHead, { shard: null, state: 'complete', index, mergedFrom });
  const m: Manifest = probe.counts.pending ? { ...probe, state: 'partial' } : probe;
  writeManifest(out, m);
  const c = m.counts;
  stderr.write(`detente merge: wrote ${out}: ${c.done} of ${c.runs} runs done${c.failed ? `, ${c.failed} failed` : ''}${c.pending ? `, ${c.pending} not run (in none of the ${dirs.length} directories)` : ''}\n`);
  return c.failed || c.pending ? EXIT.runsFailed : EXIT.ok;
}
