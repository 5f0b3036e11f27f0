import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, mainIn, ROOT } from '../helpers/detente';
import { tables, tempDir, TINY, TINY_RUNS } from '../helpers/sweep';

/*
 * A sweep stopped part-way — killed outright, or interrupted with Ctrl-C — keeps every run that
 * finished, and --resume completes it to exactly the tables of the sweep run without a stop.
 */

const TIMEOUT = 180_000;
const tmp = tempDir('interrupt');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const whole = mainIn(['sweep', TINY, '--out', join(tmp, 'whole'), '--workers', '2']);

const rowsIn = (file: string) => (existsSync(file) ? readFileSync(file, 'utf8').split('\n').length - 2 : -1);

/** Starts the bin's sweep into `out`, sends `signal` once `rows` runs are in runs.csv, and resolves to its exit. */
function sweepUntil(out: string, rows: number, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; rowsAtSignal: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'sweep', TINY, '--out', out, '--workers', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    let rowsAtSignal = -1;
    const poll = setInterval(() => {
      const n = rowsIn(join(out, 'runs.csv'));
      if (rowsAtSignal < 0 && n >= rows) {
        rowsAtSignal = n;
        child.kill(signal);
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, stderr, rowsAtSignal });
    });
  });
}

describe('a stopped sweep', () => {
  it('a sweep killed with SIGKILL mid-way, resumed with --resume, equals the sweep run without a stop', async () => {
    const out = join(tmp, 'killed');
    const killed = await sweepUntil(out, 3, 'SIGKILL');
    expect(killed.signal).toBe('SIGKILL');
    // it was killed part-way: some runs kept, not all, and no Parquet (written only at completion)
    const kept = rowsIn(join(out, 'runs.csv'));
    expect(kept).toBeGreaterThanOrEqual(3);
    expect(kept).toBeLessThan(TINY_RUNS);
    expect(existsSync(join(out, 'runs.parquet'))).toBe(false);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')).state).toBe('running');
    const resumed = await mainIn(['sweep', TINY, '--out', out, '--resume', '--workers', '2']);
    expect(resumed.stderr).toContain(`${kept} done before`);
    expect(resumed.code).toBe(0);
    expect((await whole).code).toBe(0);
    const got = tables(out);
    const want = tables(join(tmp, 'whole'));
    for (const t of Object.keys(want)) expect(got[t]?.equals(want[t]!), t).toBe(true);
  }, TIMEOUT);

  it('a sweep interrupted with SIGINT (Ctrl-C) exits 130, keeps what finished, and --resume completes it', async () => {
    const out = join(tmp, 'interrupted');
    const stopped = await sweepUntil(out, 2, 'SIGINT');
    expect(stopped.stderr).toMatch(/interrupted: \d+ of 36 runs done, kept in .*; run again with --resume/);
    expect(stopped.code).toBe(130);
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.state).toBe('stopped');
    expect(m.counts.done).toBe(rowsIn(join(out, 'runs.csv')));
    expect(m.counts.done).toBeLessThan(TINY_RUNS);
    expect(m.counts.pending).toBe(TINY_RUNS - m.counts.done);
    const resumed = await mainIn(['sweep', TINY, '--out', out, '--resume', '--workers', '2']);
    expect(resumed.code).toBe(0);
    await whole;
    const got = tables(out);
    const want = tables(join(tmp, 'whole'));
    for (const t of Object.keys(want)) expect(got[t]?.equals(want[t]!), t).toBe(true);
  }, TIMEOUT);
});
