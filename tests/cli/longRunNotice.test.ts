import { spawn } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { longRunNotice, NOTICE_SECONDS } from '../../cli/longRunNotice';
import { BIN, fromRoot, mainIn, ROOT, SCENARIO } from './helpers/detente';
import { tempDir } from './helpers/sweep';

const TIMEOUT = 60_000;
const tmp = tempDir('notice');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Spawns the bin, waits for a line on stderr matching `line`, then stops it (SIGINT, as Ctrl-C): what stderr and stdout held by then. */
function untilLine(args: readonly string[], line: RegExp): Promise<{ stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let stdout = '';
    let seen: { stderr: string; stdout: string } | undefined;
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!seen && line.test(stderr)) {
        seen = { stderr, stdout };
        child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', () => (seen ? resolve(seen) : reject(new Error(`ended without the line; stderr: ${stderr}`))));
  });
}

describe('longRunNotice()', () => {
  it('announces only what is estimated past NOTICE_SECONDS', () => {
    const r = { label: 'detente run', agentUpdates: 2.1e10, on: 'on one core', resume: 'Ctrl-C stops it' };
    expect(longRunNotice({ ...r, seconds: NOTICE_SECONDS })).toBeUndefined();
    expect(longRunNotice({ ...r, seconds: 25 * 60 })).toBe('detente run: this will take about 25 minutes on one core (2.1e10 agent-updates); Ctrl-C stops it\n');
    expect(longRunNotice({ ...r, agentUpdates: 0, seconds: 7200 })).toBe('detente run: this will take about 2 hours on one core; Ctrl-C stops it\n');
  });
});

describe('detente run and detente sweep say before a long run how long it will take', () => {
  it('detente run of a million default runs says about how many hours on stderr, before any output', async () => {
    const got = await untilLine(['run', SCENARIO, '--runs', '1000000', '--summary'], /this will take/);
    // 4,000 agents × 360 ticks × 10^6 runs
    expect(got.stderr).toMatch(/^detente run: this will take about [\d.]+ hours on one core \(1\.4e12 agent-updates\); Ctrl-C stops it, --checkpoint lets it resume\n/);
    expect(got.stdout).not.toMatch(/this will take/);
  }, TIMEOUT);

  it('detente run of the default scenario says nothing of time', async () => {
    const got = await mainIn(['run', fromRoot(SCENARIO), '--seed', '1']);
    expect(got.code).toBe(0);
    expect(got.stderr).toBe('');
    expect(got.stdout).not.toMatch(/this will take/);
  }, TIMEOUT);

  it('detente sweep of 200,000 default runs says how long on its workers', async () => {
    const file = join(tmp, 'huge.json');
    writeFileSync(file, JSON.stringify({
      format: 1, name: 'huge', scenario: fromRoot(SCENARIO), replicates: 100_000, seed: 1,
      factors: [{ name: 't2capacity', path: 'actors.1.capacity', min: 0, max: 0.4 }], design: { type: 'grid', levels: 2 },
      metrics: ['peakX'],
    }));
    const got = await untilLine(['sweep', file, '--out', join(tmp, 'out'), '--workers', '2'], /this will take/);
    expect(got.stderr).toMatch(/\ndetente sweep \(huge\): this will take about [\d.]+ (minutes|hours) on [12] workers? \(2\.9e11 agent-updates\); Ctrl-C stops it, --resume goes on from the runs done\n/);
  }, TIMEOUT);
});
