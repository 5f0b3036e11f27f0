import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mainIn } from '../helpers/detente';
import { tables, tempDir, TINY } from '../helpers/sweep';

const tmp = tempDir('merge');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const TIMEOUT = 120_000;
const dir = (name: string) => join(tmp, name);

// the sweep whole on two workers, and as three shards on one worker each
const whole = mainIn(['sweep', TINY, '--out', dir('whole'), '--workers', '2']);
const shards = (async () => {
  const codes = [];
  for (let i = 0; i < 3; i++) codes.push((await mainIn(['sweep', TINY, '--out', dir(`shard-${i}`), '--shard', `${i}/3`, '--workers', '1'])).code);
  return codes;
})();

describe('detente merge', () => {
  it('detente merge of a sweep\'s shards gives byte for byte the tables of the sweep run whole', async () => {
    expect((await whole).code).toBe(0);
    expect(await shards).toEqual([0, 0, 0]);
    const shard0 = JSON.parse(readFileSync(join(dir('shard-0'), 'manifest.json'), 'utf8'));
    expect(shard0.shard).toMatchObject({ index: 0, count: 3 });
    expect(shard0.counts.runs).toBe(12);
    // the shards' order of directories does not matter
    const r = await mainIn(['merge', dir('shard-2'), dir('shard-0'), dir('shard-1'), '--out', dir('merged')]);
    expect(r.stderr).toMatch(/wrote .*merged: 36 of 36 runs done/);
    expect(r.code).toBe(0);
    const got = tables(dir('merged'));
    const want = tables(dir('whole'));
    for (const t of Object.keys(want)) expect(got[t]?.equals(want[t]!), t).toBe(true);
    const m = JSON.parse(readFileSync(join(dir('merged'), 'manifest.json'), 'utf8'));
    expect(m.state).toBe('complete');
    expect(m.mergedFrom.map((x: { shard: { index: number } }) => x.shard.index)).toEqual([2, 0, 1]);
  }, TIMEOUT);

  it('detente merge of part of the shards exits 4 with the runs missing pending; sweep --resume of the merge completes it to the same bytes', async () => {
    await shards;
    const r = await mainIn(['merge', dir('shard-0'), dir('shard-1'), '--out', dir('partial')]);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/24 of 36 runs done, 12 not run/);
    const m = JSON.parse(readFileSync(join(dir('partial'), 'manifest.json'), 'utf8'));
    expect(m.state).toBe('partial');
    expect(m.counts.pending).toBe(12);
    const resumed = await mainIn(['sweep', TINY, '--out', dir('partial'), '--resume', '--workers', '2']);
    expect(resumed.stderr).toMatch(/24 done before/);
    expect(resumed.code).toBe(0);
    await whole;
    const got = tables(dir('partial'));
    const want = tables(dir('whole'));
    for (const t of Object.keys(want)) expect(got[t]?.equals(want[t]!), t).toBe(true);
  }, TIMEOUT);

  it('detente merge refuses shards of another experiment or version, a directory that is no sweep, and an --out it cannot use (exit 1)', async () => {
    await shards;
    const other = dir('other-version');
    cpSync(dir('shard-1'), other, { recursive: true });
    const m = JSON.parse(readFileSync(join(other, 'manifest.json'), 'utf8'));
    writeFileSync(join(other, 'manifest.json'), JSON.stringify({ ...m, detente: '9.9.9' }));
    const v = await mainIn(['merge', dir('shard-0'), other, '--out', dir('never')]);
    expect(v.code).toBe(1);
    expect(v.stderr).toMatch(/made by Détente 9\.9\.9.*two versions/);
    writeFileSync(join(other, 'manifest.json'), JSON.stringify({ ...m, experimentHash: 'f'.repeat(64) }));
    expect((await mainIn(['merge', dir('shard-0'), other, '--out', dir('never')])).stderr).toMatch(/another experiment than/);
    mkdirSync(dir('empty'));
    expect((await mainIn(['merge', dir('shard-0'), dir('empty'), '--out', dir('never')])).stderr).toMatch(/not a sweep's output directory/);
    expect((await mainIn(['merge', dir('shard-0'), dir('shard-1'), '--out', dir('shard-1')])).stderr).toMatch(/is one of the directories being merged/);
    expect((await mainIn(['merge', dir('shard-0'), '--out', dir('shard-2')])).stderr).toMatch(/already holds a sweep/);
    expect((await mainIn(['merge', dir('shard-0')])).code).toBe(2);
  }, TIMEOUT);

  it('detente merge refuses two directories whose rows for the same run differ', async () => {
    await shards;
    const a = dir('conflict');
    cpSync(dir('shard-0'), a, { recursive: true });
    const file = join(a, 'runs.csv');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[1] = lines[1].replace(/,[^,]*$/, ',0.5');
    writeFileSync(file, lines.join('\n'));
    const r = await mainIn(['merge', dir('shard-0'), a, '--out', dir('never2')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/point \d+ replicate \d+: .* hold different results for the same run/);
  }, TIMEOUT);
});
