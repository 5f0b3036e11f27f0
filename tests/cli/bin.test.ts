import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { staleness } from '../../cli/bundle.mjs';
import { replicateSeed } from '../../sim/index';
import { BIN, detente, parseCSV, ROOT, SCENARIO, SMALL } from './helpers/detente';

// These spawn the real bin, node cli/detente.mjs, as a user would: it runs the bundle
// (bundle/detente.mjs, rebuilt from the sources when they are newer; tests/cli/bundle.test.ts).
// They cover what only a real process shows (the bootstrap, exit codes, the two streams,
// determinism across processes, the bundled code itself) and tests/cli/commands/ covers the rest
// in process, from the sources.
const TIMEOUT = 60_000;
const TICKS = 6;
const small = (...more: string[]) => ['run', SCENARIO, '--ticks', String(TICKS), ...SMALL, ...more];
const tmp = mkdtempSync(join(tmpdir(), 'detente-bin-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

// started once, read by several tests
const ensemble = detente(small('--seed', '9', '--runs', '3'));

describe.concurrent('cli/detente.mjs', () => {
  it('detente run writes the header, then one row per run and tick with tick 0 first, and nothing on stderr', async () => {
    const out = await ensemble;
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const { header, rows } = parseCSV(out.stdout);
    const parties = ['Government', 'Rebels'];
    expect(header.slice(0, 21)).toEqual([
      'run', 'seed', 'tick', 'X', 'T', 'C', 'U', 'E', 'incidents', 'trackOne', 'settlements', 'collapses', 'B',
      ...parties.flatMap((p) => [`H_${p}`, `F_${p}`]), 'B_track2', 'B_track3', 'B_track4', 'B_track5',
    ]);
    expect(rows).toHaveLength(3 * (TICKS + 1));
    rows.forEach((r) => expect(r).toHaveLength(header.length));
    // run r carries seed replicateSeed(9, r): run 0 the base seed itself
    const expected = [0, 1, 2].flatMap((run) => Array.from({ length: TICKS + 1 }, (_, t) => [String(run), String(replicateSeed(9, run)), String(t)]));
    expect(rows.map((r) => r.slice(0, 3))).toEqual(expected);
    expect(replicateSeed(9, 0)).toBe(9);
    for (const r of rows) for (const cell of r) expect(Number.isFinite(Number(cell)), cell).toBe(true);
  }, TIMEOUT);

  it('detente run --out writes byte-identical output for the same seed to the file, leaving stdout empty', async () => {
    const file = join(tmp, 'run.csv');
    const out = await detente(small('--seed', '9', '--runs', '3', '--out', file));
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(file);
    expect(readFileSync(file, 'utf8')).toBe((await ensemble).stdout);
  }, TIMEOUT);

  it('detente validate exits 1 with one "path: message" line per problem on stderr', async () => {
    const out = await detente(['validate', 'tests/fixtures/cli/invalid-references.json']);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr.trim().split('\n').map((l) => l.split(':')[0])).toEqual(['actors.0.parties.1', 'events.0.party', 'network.degree']);
  }, TIMEOUT);

  it('detente exits 2 on usage errors, with the message on stderr', async () => {
    const outs = await Promise.all([detente([]), detente(['simulate']), detente(['run', SCENARIO, '--runs', 'ten'])]);
    for (const o of outs) {
      expect(o.code).toBe(2);
      expect(o.stdout).toBe('');
    }
    expect(outs[0].stderr).toMatch(/no command/);
    expect(outs[1].stderr).toMatch(/unknown command "simulate"/);
    expect(outs[2].stderr).toMatch(/--runs/);
  }, TIMEOUT);

  it('detente --version prints the package version and --help the commands, on stdout', async () => {
    const [v, h] = await Promise.all([detente(['--version']), detente(['--help'])]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(v).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/^\s+run\s/m);
    expect(h.stdout).toMatch(/^\s+validate\s/m);
  }, TIMEOUT);

  it('the bin runs the bundle built from the current sources, and its CSV of the default scenario matches the determinism fixture', async () => {
    const out = await detente(['run', SCENARIO, '--seed', '1', '--runs', '3']);
    expect(out.code).toBe(0);
    expect(staleness()).toBeUndefined();
    const want = readFileSync(join(ROOT, 'tests/fixtures/determinism/intrastate-conflict.csv.sha256'), 'utf8').trim();
    expect(createHash('sha256').update(out.stdout).digest('hex')).toBe(want);
  }, TIMEOUT);

  it('the sources through tsx (npm run detente:dev, cli/dev.mjs) give the same output as the bin', async () => {
    const dev = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, ['cli/dev.mjs', ...small('--seed', '9', '--runs', '3')], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: TIMEOUT }, (err, stdout) => (err ? reject(err) : resolve(stdout)));
    });
    expect(dev).toBe((await ensemble).stdout);
  }, TIMEOUT);

  it('detente claims finds the scenario library from the bundle', async () => {
    const out = await detente(['claims', '--only', 'C8', '--runs', '2', '--population', '200', '--json']);
    expect(out.code).toBe(0);
    expect(JSON.parse(out.stdout).results.map((r: { id: string }) => r.id)).toEqual(['C8']);
  }, TIMEOUT);
});

describe('cli/detente.mjs and the JavaScript heap', () => {
  it('detente validate refuses an edge list too long for Node\'s heap by its length, naming network.edges, and accepts it with a larger heap', async () => {
    const raw = JSON.parse(readFileSync(join(ROOT, SCENARIO), 'utf8'));
    raw.parties[0].population = 1000;
    raw.parties[1].population = 1000;
    let x = 1;
    const agent = () => (x = (x * 1103515245 + 12345) % 2147483648) % 2000;
    raw.network = { type: 'edges', edges: Array.from({ length: 1e6 }, () => [agent(), agent(), 1]) };
    const file = join(tmp, 'edges.json');
    writeFileSync(file, JSON.stringify(raw));
    const withHeap = (mb: number) => new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'validate', file], { cwd: ROOT, env: { ...process.env, NODE_OPTIONS: `--max-old-space-size=${mb}` }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr!.on('data', (d) => (stderr += d));
      child.on('close', (code) => resolve({ code, stderr }));
    });
    // 10^6 ties need about 280 MB of heap: refused with 160 MB (checking the list would exhaust it), accepted with 1 GB
    const [small, large] = await Promise.all([withHeap(160), withHeap(1024)]);
    expect(small.code).toBe(1);
    expect(small.stderr).toMatch(/^network\.edges: an edge list of 1,000,000 ties needs about 0\.3 GiB of JavaScript heap .*at most [\d,]+ ties fit.*--max-old-space-size/);
    expect(large).toEqual({ code: 0, stderr: expect.stringMatching(/valid/) });
  }, 2 * TIMEOUT);
});

/** Spawns the bin with the given stdout (a file descriptor or a pipe) and collects stderr and the exit code. */
function spawnBin(args: readonly string[], stdout: number | 'pipe'): { child: ChildProcess; done: Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> } {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', stdout, 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
  return { child, done };
}

describe('cli/detente.mjs never loses output', () => {
  it('detente run | head: a closed pipe ends the run quietly with exit code 0', async () => {
    const { child, done } = spawnBin(small('--runs', '200'), 'pipe');
    await new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
    child.stdout!.destroy();
    const out = await done;
    expect(out).toEqual({ code: 0, signal: null, stderr: '' });
  }, TIMEOUT);

  it('detente run > /dev/full exits 1 with "detente run: cannot write stdout: no space left on device"', async () => {
    const fd = openSync('/dev/full', 'w');
    try {
      const out = await spawnBin(small(), fd).done;
      expect(out).toEqual({ code: 1, signal: null, stderr: 'detente run: cannot write stdout: no space left on device\n' });
    } finally {
      closeSync(fd);
    }
  }, TIMEOUT);

  it('detente run --out FILE killed with SIGKILL mid-run leaves the existing FILE as it was; the next run replaces it and clears the leftover', async () => {
    const file = join(tmp, 'killed.csv');
    writeFileSync(file, 'previous results\n');
    const temporaries = () => readdirSync(tmp).filter((f) => f.startsWith('.killed.csv.'));
    const { child, done } = spawnBin(['run', SCENARIO, '--runs', '500', '--out', file], 'pipe');
    // wait until the temporary file holds the header and at least one run's rows
    for (let waited = 0; !(temporaries().length && statSync(join(tmp, temporaries()[0])).size > 10_000); waited += 50) {
      if (waited > TIMEOUT / 2) throw new Error('the run never started writing');
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    expect(readFileSync(file, 'utf8')).toBe('previous results\n');
    expect(temporaries()).toHaveLength(1);
    const again = await detente(small('--out', file));
    expect(again.code).toBe(0);
    expect(parseCSV(readFileSync(file, 'utf8')).rows).toHaveLength(TICKS + 1);
    expect(temporaries()).toEqual([]);
  }, TIMEOUT);
});
