import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { INSTALL, missingEngines } from '../../../scripts/ensure-engines.mjs';
import { BIN, mainIn, ROOT } from '../helpers/detente';
import { startSlurm } from '../helpers/slurm';
import { tables, tempDir, TINY } from '../helpers/sweep';

/*
 * Sweeps run in shards by the engines people use — GNU parallel and a Slurm job array, installed
 * from Debian's packages (scripts/ensure-engines.mjs) — and merged: the merge must equal the sweep
 * run whole. Where an engine is missing, its test is skipped with the command that installs it;
 * with DETENTE_REQUIRE_ENGINES=1 (as .ci/run sets) a missing engine fails instead.
 */

const run = promisify(execFile);
const missing = missingEngines();
const required = process.env.DETENTE_REQUIRE_ENGINES === '1';
if (missing.length && !required) process.stderr.write(`engines.test.ts: ${missing.join(' and ')} not installed, so their tests are skipped; install with: sudo ${INSTALL}\n`);
const TIMEOUT = 240_000;
const tmp = tempDir('engines');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
// the sweep run whole, made once and only if an engine's test runs
let whole: ReturnType<typeof mainIn> | undefined;
const wholeSweep = () => (whole ??= mainIn(['sweep', TINY, '--out', join(tmp, 'whole'), '--workers', '2']));

async function expectMergeEqualsWhole(shardDirs: string[], out: string): Promise<void> {
  const merged = await mainIn(['merge', ...shardDirs, '--out', out]);
  expect(merged.stderr).toMatch(/36 of 36 runs done/);
  expect(merged.code).toBe(0);
  expect((await wholeSweep()).code).toBe(0);
  const got = tables(out);
  const want = tables(join(tmp, 'whole'));
  for (const t of Object.keys(want)) expect(got[t]?.equals(want[t]!), t).toBe(true);
}

describe('sweeps on job engines', () => {
  it.skipIf(missing.includes('parallel') && !required)(`GNU parallel runs a sweep as 4 shards with --shard auto, and their merge equals the whole sweep (needs: ${INSTALL})`, async () => {
    expect(missing, `GNU parallel is required here (DETENTE_REQUIRE_ENGINES=1): ${INSTALL}`).not.toContain('parallel');
    void wholeSweep();
    const dir = join(tmp, 'parallel');
    const { stderr } = await run('parallel', [
      '--will-cite', '--halt', 'now,fail=1', '-j', '2',
      process.execPath, BIN, 'sweep', TINY, '--out', `${dir}/shard-{}`, '--shard', 'auto', '--shards', '4', '--workers', '1',
      ':::', '0', '1', '2', '3',
    ], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, timeout: TIMEOUT });
    for (let i = 0; i < 4; i++) expect(stderr).toContain(`shard ${i}/4 from GNU parallel (PARALLEL_SEQ ${i + 1} − 1; --shards 4)`);
    const shards = readdirSync(dir).sort();
    expect(shards).toEqual(['shard-0', 'shard-1', 'shard-2', 'shard-3']);
    for (const s of shards) expect(JSON.parse(readFileSync(join(dir, s, 'manifest.json'), 'utf8')).shard).toMatchObject({ index: Number(s.slice(-1)), count: 4 });
    await expectMergeEqualsWhole(shards.map((s) => join(dir, s)), join(tmp, 'parallel-merged'));
  }, TIMEOUT);

  it.skipIf(missing.includes('slurm') && !required)(`a single-node Slurm runs a sweep as a job array of 4 with --shard auto, and their merge equals the whole sweep (needs: ${INSTALL})`, async () => {
    expect(missing, `Slurm is required here (DETENTE_REQUIRE_ENGINES=1): ${INSTALL}`).not.toContain('slurm');
    void wholeSweep();
    const slurm = await startSlurm();
    try {
      const dir = join(tmp, 'slurm');
      const job = join(slurm.dir, 'sweep.sh');
      writeFileSync(job, [
        '#!/bin/sh',
        `cd '${ROOT}'`,
        `exec '${process.execPath}' ${BIN} sweep '${TINY}' --out '${dir}/shard-'"$SLURM_ARRAY_TASK_ID" --shard auto --workers 1`,
        '',
      ].join('\n'), { mode: 0o755 });
      await run('sbatch', ['--array=0-3', '--wait', '--cpus-per-task=1', `--output=${slurm.dir}/task-%a.out`, job], { env: slurm.env, timeout: TIMEOUT });
      const logs = readdirSync(slurm.dir).filter((f) => f.startsWith('task-')).sort().map((f) => readFileSync(join(slurm.dir, f), 'utf8'));
      expect(logs).toHaveLength(4);
      logs.forEach((log, i) => expect(log).toContain(`shard ${i}/4 from Slurm job array (SLURM_ARRAY_TASK_ID ${i} − SLURM_ARRAY_TASK_MIN 0; SLURM_ARRAY_TASK_COUNT 4)`));
      await expectMergeEqualsWhole([0, 1, 2, 3].map((i) => join(dir, `shard-${i}`)), join(tmp, 'slurm-merged'));
    } finally {
      await slurm.stop();
    }
  }, TIMEOUT);
});
