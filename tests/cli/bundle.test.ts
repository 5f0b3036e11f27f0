import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildBundle, ensureBundle, ENTRIES, staleness } from '../../cli/bundle.mjs';
import { fromRoot } from './helpers/detente';

// Each test builds in a project of its own under a temporary folder, so nothing here touches the
// checkout's bundle/ while other tests run the bin.
const TIMEOUT = 60_000;
const tmp = mkdtempSync(join(tmpdir(), 'detente-bundle-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A small project: an entry that prints a greeting imported from a second file. */
function project(name: string, greeting: string): string {
  const root = join(tmp, name) + '/';
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'src/hello.ts'), "import { greeting } from './greeting';\nconst who: string = 'bundle';\nconsole.log(`${greeting}, ${who}`);\n");
  writeFileSync(join(root, 'src/greeting.ts'), `export const greeting = ${JSON.stringify(greeting)};\n`);
  return root;
}

/**
 * Marks a file as edited now, then waits a little: a build starting in the same millisecond as an
 * edit counts as older than it (a spare rebuild rather than a missed one).
 */
async function touch(file: string): Promise<void> {
  const now = new Date();
  utimesSync(file, now, now);
  await new Promise((r) => setTimeout(r, 10));
}

function node(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, timeout: 60_000 }, (err, stdout, stderr) => resolve({ code: err ? Number(err.code) : 0, stdout, stderr }));
  });
}

describe('cli/bundle.mjs', () => {
  it('buildBundle writes one self-contained file per entry and lists the project files it came from', async () => {
    const root = project('build', 'hello');
    const o = { root, outDir: `${root}out/`, entries: { hello: 'src/hello.ts' } };
    const { files, inputs } = await buildBundle(o);
    expect(files).toEqual([`${root}out/hello.mjs`]);
    expect(inputs).toEqual(expect.arrayContaining(['src/hello.ts', 'src/greeting.ts']));
    expect(readFileSync(files[0], 'utf8')).not.toMatch(/from ['"]\.\/greeting/);
    expect((await node([files[0]], tmp)).stdout).toBe('hello, bundle\n');
  }, TIMEOUT);

  it('staleness says why a bundle is out of date: not built, an input changed after the build, other entries', async () => {
    const root = project('stale', 'hello');
    const o = { root, outDir: `${root}out/`, entries: { hello: 'src/hello.ts' } };
    expect(staleness(o)).toBe('not built yet');
    await buildBundle(o);
    expect(staleness(o)).toBeUndefined();
    await touch(`${root}src/greeting.ts`);
    expect(staleness(o)).toBe('src/greeting.ts changed');
    await buildBundle(o);
    expect(staleness(o)).toBeUndefined();
    expect(staleness({ ...o, entries: { ...o.entries, other: 'src/greeting.ts' } })).toBe('its entry points changed');
    rmSync(`${root}out/hello.mjs`);
    expect(staleness(o)).toBe('bundle/hello.mjs is missing');
  }, TIMEOUT);

  it('ensureBundle rebuilds a stale bundle, so the output runs the edited source', async () => {
    const root = project('ensure', 'hello');
    const o = { root, outDir: `${root}out/`, entries: { hello: 'src/hello.ts' } };
    const file = await ensureBundle('hello', o);
    expect((await node([file], tmp)).stdout).toBe('hello, bundle\n');
    writeFileSync(`${root}src/greeting.ts`, 'export const greeting = "bonjour";\n');
    await touch(`${root}src/greeting.ts`);
    expect(await ensureBundle('hello', o)).toBe(file);
    expect((await node([file], tmp)).stdout).toBe('bonjour, bundle\n');
  }, TIMEOUT);

  it('the bin (cli/detente.mjs) builds its bundle on first use and rebuilds it after an edit', async () => {
    // a copy of the bin and the bundler with a stand-in for cli/main.ts, using the checkout's packages
    const root = join(tmp, 'bin') + '/';
    mkdirSync(`${root}cli/sweep`, { recursive: true });
    for (const f of ['cli/detente.mjs', 'cli/bundle.mjs']) copyFileSync(fromRoot(f), `${root}${f}`);
    symlinkSync(fromRoot('node_modules'), `${root}node_modules`);
    expect(Object.values(ENTRIES)).toEqual(['cli/main.ts', 'cli/sweep/sweepWorker.ts']);
    writeFileSync(`${root}cli/sweep/sweepWorker.ts`, 'export {};\n');
    writeFileSync(`${root}cli/main.ts`, "console.log('first', process.argv.slice(2).join(' '));\n");
    expect(await node(['cli/detente.mjs', 'a', 'b'], root)).toEqual({ code: 0, stdout: 'first a b\n', stderr: '' });
    writeFileSync(`${root}cli/main.ts`, "console.log('second');\n");
    await touch(`${root}cli/main.ts`);
    expect(await node(['cli/detente.mjs'], root)).toEqual({ code: 0, stdout: 'second\n', stderr: '' });
  }, TIMEOUT);

  it('the bundled sweep runs its worker threads from the bundled sweepWorker.mjs: a copy of bundle/ alone, away from the checkout, gives the sources\' runs.csv', async () => {
    // the bin brings bundle/ up to date (the tests' setup did too); copy its two files where no node_modules can be found
    const away = join(tmp, 'away', 'bundle');
    mkdirSync(away, { recursive: true });
    for (const f of Object.keys(ENTRIES)) copyFileSync(fromRoot(`bundle/${f}.mjs`), join(away, `${f}.mjs`));
    const experiment = join(tmp, 'away', 'experiment.json');
    writeFileSync(experiment, JSON.stringify({
      format: 1, name: 'bundled sweep', scenario: fromRoot('scenarios/intrastate-conflict.json'), seed: 3, replicates: 2, ticks: 24,
      factors: [{ name: 'population', path: 'parties.0.population', min: 100, max: 200 }], design: { type: 'grid', levels: 2 },
      metrics: ['peakX', 'finalX'],
    }));
    const bundled = await node([join(away, 'detente.mjs'), 'sweep', experiment, '--out', join(tmp, 'away', 'bundled'), '--workers', '2'], tmp);
    expect(bundled.stderr).toMatch(/4 of 4 runs done/);
    expect(bundled.code).toBe(0);
    const sources = await node([fromRoot('cli/dev.mjs'), 'sweep', experiment, '--out', join(tmp, 'away', 'sources'), '--workers', '1'], tmp);
    expect(sources.code).toBe(0);
    const runs = (dir: string) => readFileSync(join(tmp, 'away', dir, 'runs.csv'), 'utf8');
    expect(runs('bundled')).toBe(runs('sources'));
    expect(runs('bundled').split('\n')).toHaveLength(6);
  }, TIMEOUT);
});
