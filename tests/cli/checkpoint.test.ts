import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSavedRun, VERSION, type SavedRun } from '../../sim/index';
import { pack, unpack } from '../../sim/pack';
import { BIN, detente, ROOT, SCENARIO } from './helpers/detente';

// Real processes, really killed: a checkpointed run is started, SIGKILLed once its checkpoint
// shows it part-way, and resumed; the output must equal, byte for byte, a run never interrupted.
const TIMEOUT = 180_000;
const tmp = mkdtempSync(join(tmpdir(), 'detente-checkpoint-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const base = (...more: string[]) => ['run', SCENARIO, '--set', 'parties.0.population=300', '--set', 'parties.1.population=300', ...more];

/** The saved run in a checkpoint file, or undefined while there is none (it is written whole and renamed into place). */
function peek(file: string): SavedRun | undefined {
  if (!existsSync(file)) return undefined;
  return readSavedRun(readFileSync(file));
}

/** Starts the bin and SIGKILLs it as soon as its checkpoint satisfies `when`; resolves to the checkpoint it was killed after. */
function runAndKill(args: readonly string[], checkpoint: string, when: (s: SavedRun) => boolean): Promise<SavedRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (d) => (stderr += d));
    let seen: SavedRun | undefined;
    const poll = setInterval(() => {
      const s = peek(checkpoint);
      if (s && when(s)) {
        seen = s;
        child.kill('SIGKILL');
        clearInterval(poll);
      }
    }, 10);
    child.on('close', (_code, signal) => {
      clearInterval(poll);
      if (signal === 'SIGKILL' && seen) resolve(seen);
      else reject(new Error(`the run ended before it was killed (signal ${signal}): ${stderr}`));
    });
  });
}

describe('detente run --checkpoint, killed and resumed', () => {
  it('a single long run SIGKILLed part-way resumes with --resume-from to the same bytes as a run never interrupted', async () => {
    const args = base('--ticks', '20000', '--seed', '5');
    const ref = join(tmp, 'one-ref.csv');
    const out = join(tmp, 'one.csv');
    const ckpt = join(tmp, 'one.ckpt');
    const [whole, killedAt] = await Promise.all([
      detente([...args, '--out', ref]),
      runAndKill([...args, '--out', out, '--checkpoint', ckpt, '--every', '10'], ckpt, (s) => (s.state?.tick ?? 0) >= 100),
    ]);
    expect(whole.code).toBe(0);
    // killed in the middle of the run: its state saved, nothing of it in the output yet
    expect(killedAt.run).toBe(0);
    expect(killedAt.state!.tick).toBeGreaterThanOrEqual(100);
    expect(killedAt.state!.tick).toBeLessThan(20000);
    expect(existsSync(out)).toBe(false);
    const resumed = await detente([...args, '--out', out, '--resume-from', ckpt]);
    expect(resumed.stderr).toMatch(/wrote .*one\.csv/);
    expect(resumed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(ref, 'utf8'));
    // the finished run leaves neither its checkpoint nor its partial output behind
    expect(existsSync(ckpt)).toBe(false);
    expect(existsSync(join(tmp, '.one.csv.partial'))).toBe(false);
  }, TIMEOUT);

  it('an ensemble SIGKILLed after some runs resumes to the same bytes, in CSV and in JSON with summaries', async () => {
    for (const format of [['--format', 'csv'], ['--format', 'json', '--summary']]) {
      const args = base('--ticks', '240', '--runs', '8', ...format);
      const name = format[1];
      const ref = join(tmp, `ens-ref.${name}`);
      const out = join(tmp, `ens.${name}`);
      const ckpt = join(tmp, `ens-${name}.ckpt`);
      const [whole, killedAt] = await Promise.all([
        detente([...args, '--out', ref]),
        runAndKill([...args, '--out', out, '--checkpoint', ckpt], ckpt, (s) => s.run >= 3 && (s.state?.tick ?? 0) > 0),
      ]);
      expect(whole.code).toBe(0);
      expect(killedAt.run).toBeGreaterThanOrEqual(3);
      expect(killedAt.run).toBeLessThan(8);
      const shell = killedAt.shell as { output: number; summaries: unknown[] };
      expect(shell.output).toBeGreaterThan(0);
      const resumed = await detente([...args, '--out', out, '--resume-from', ckpt]);
      expect(resumed.code).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(ref, 'utf8'));
      // --summary prints the ensemble's statistics of all runs, those before the kill included
      if (name === 'json') expect(resumed.stderr).toBe(whole.stderr.replace('ens-ref.json', 'ens.json'));
    }
  }, 2 * TIMEOUT);
});

describe('detente run --checkpoint refuses what cannot continue', () => {
  const args = base('--ticks', '24', '--runs', '2');
  const ckpt = join(tmp, 'r.ckpt');
  const out = join(tmp, 'r.csv');
  const made = (async () => {
    // a checkpoint of this command, killed after its first few ticks
    const r = await runAndKill([...args, '--ticks', '100000', '--out', out, '--checkpoint', ckpt, '--every', '5'], ckpt, (s) => (s.state?.tick ?? 0) >= 5).catch((e) => e as Error);
    if (r instanceof Error) throw r;
    return readFileSync(ckpt);
  })();

  it('--checkpoint, --resume-from and --every without --out (or --every alone), the output as checkpoint, and --event-log with a checkpoint are usage errors', async () => {
    const outs = await Promise.all([
      detente([...args, '--checkpoint', ckpt]), detente([...args, '--resume-from', ckpt]), detente([...args, '--out', out, '--every', '3']),
      detente([...args, '--out', out, '--checkpoint', out]), detente([...args, '--out', out, '--checkpoint', join(tmp, 'e.ckpt'), '--event-log', join(tmp, 'events.csv')]),
    ]);
    expect(outs.map((o) => o.code)).toEqual([2, 2, 2, 2, 2]);
    expect(outs[4].stderr).toMatch(/--event-log cannot be combined with --checkpoint/);
    expect(outs[0].stderr).toMatch(/--checkpoint needs --out FILE/);
    expect(outs[1].stderr).toMatch(/--resume-from needs --out FILE/);
    expect(outs[2].stderr).toMatch(/--every needs --checkpoint/);
    expect(outs[3].stderr).toMatch(/--checkpoint .* is the --out file/);
  }, TIMEOUT);

  it('--resume-from refuses a checkpoint of another scenario, another command, another version, or not a checkpoint, naming why', async () => {
    const bytes = await made;
    const other = unpack(bytes) as SavedRun;
    other.detente = '0.0.1';
    const oldVersion = join(tmp, 'old.ckpt');
    writeFileSync(oldVersion, pack(other));
    const csv = join(tmp, 'not.ckpt');
    writeFileSync(csv, 'run,seed,tick\n0,1,0\n');
    const [seed, runs, version, notOne] = await Promise.all([
      detente([...args, '--ticks', '100000', '--seed', '99', '--out', out, '--resume-from', ckpt]),
      detente([...args, '--ticks', '100000', '--runs', '3', '--out', out, '--resume-from', ckpt]),
      detente([...args, '--ticks', '100000', '--out', out, '--resume-from', oldVersion]),
      detente([...args, '--ticks', '100000', '--out', out, '--resume-from', csv]),
    ]);
    expect(seed.code).toBe(1);
    expect(seed.stderr).toMatch(/^--resume-from .*r\.ckpt: saved from another scenario \(SHA-256 [0-9a-f]{12}…; this one is [0-9a-f]{12}…/);
    expect(runs.code).toBe(1);
    expect(runs.stderr).toMatch(/it is of another command: --runs was 2, now 3/);
    expect(version.code).toBe(1);
    expect(version.stderr).toContain(`saved by Détente 0.0.1; this is Détente ${VERSION}`);
    expect(notOne.code).toBe(1);
    expect(notOne.stderr).toMatch(/not a saved Détente run/);
    // nothing was written: the output stays absent, the partial output as the checkpoint left it
    expect(existsSync(out)).toBe(false);
  }, TIMEOUT);
});
