import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../../cli/loadScenario';
import { buildDesign } from '../../../sim/experiments/design';
import { validateExperiment } from '../../../sim/experiments/experiment';
import { runMetrics } from '../../../sim/experiments/metrics';
import { replicateSeed, run } from '../../../sim/index';
import { fromRoot, mainIn } from '../helpers/detente';
import { dataLines, tables, tempDir, TINY, TINY_RUNS } from '../helpers/sweep';

const tmp = tempDir('sweep');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const experiment = JSON.parse(readFileSync(TINY, 'utf8'));
const WHOLE = join(tmp, 'whole');
// one sweep, read by several tests
const whole = mainIn(['sweep', TINY, '--out', WHOLE, '--workers', '2']);
const TIMEOUT = 120_000;

/** A copy of the tiny experiment and its scenario in a folder of its own, to change. */
function copyExperiment(name: string, change: (e: Record<string, unknown>, s: Record<string, unknown>) => void = () => {}): string {
  const dir = join(tmp, name);
  cpSync(fromRoot('tests/fixtures/sweep'), dir, { recursive: true });
  const e = structuredClone(experiment);
  const s = JSON.parse(readFileSync(join(dir, 'small-conflict.json'), 'utf8'));
  change(e, s);
  writeFileSync(join(dir, 'tiny.json'), JSON.stringify(e));
  writeFileSync(join(dir, 'small-conflict.json'), JSON.stringify(s));
  return join(dir, 'tiny.json');
}

describe('detente sweep', () => {
  it('detente sweep writes one row per point and replicate, in (point, replicate) order, each equal to detente run of that point', async () => {
    const out = await whole;
    expect(out.stderr).toMatch(/12 points × 3 replicates = 36 runs; 2 workers/);
    expect(out.code).toBe(0);
    const lines = dataLines(join(WHOLE, 'runs.csv'));
    expect(readFileSync(join(WHOLE, 'runs.csv'), 'utf8').split('\n')[0]).toBe('point,replicate,seed,t2capacity,t2entry,population,peakX,areaX,deescalated,timeToDeescalation,finalX,settlements,collapses,relapse10y,mean_B,max_H_Rebels');
    expect(lines).toHaveLength(TINY_RUNS);
    const cells = lines.map((l) => l.split(','));
    expect(cells.map((c) => `${c[0]}/${c[1]}`)).toEqual(Array.from({ length: TINY_RUNS }, (_, k) => `${Math.floor(k / 3)}/${k % 3}`));
    // common random numbers: replicate r has the seed run r of detente run --seed 7 uses, at every point
    for (const c of cells) expect(Number(c[2])).toBe(replicateSeed(7, Number(c[1])));
    // each row is what detente run gives for the point's --set overrides
    const v = validateExperiment(experiment, { forSweep: true });
    if (!v.ok) throw new Error('invalid fixture');
    const design = buildDesign(v.experiment);
    for (const k of [0, 7, 20, 35]) {
      const c = cells[k];
      const p = design.points[Number(c[0])];
      expect(c.slice(3, 6)).toEqual(p.values.map(String));
      const s = await loadScenario(fromRoot('tests/fixtures/sweep/small-conflict.json'), {
        set: [`actors.1.capacity=${p.values[0]}`, `actors.1.entry=${p.values[1]}`, `parties.0.population=${Math.round(p.values[2] as number)}`], seed: 7, ticks: 60,
      });
      const res = run(s, { run: Number(c[1]) });
      const m = runMetrics(s, { columns: res.columns, signings: res.state.signings }, v.experiment.metrics);
      expect(c.slice(6)).toEqual(m.map((x) => (x === null ? '' : String(x))));
    }
  }, TIMEOUT);

  it('detente sweep keeps series every 25 ticks with tick 0 and the last, in long format, and empty failures', async () => {
    await whole;
    const series = dataLines(join(WHOLE, 'series.csv'));
    expect(readFileSync(join(WHOLE, 'series.csv'), 'utf8').split('\n')[0]).toBe('point,replicate,seed,tick,column,value');
    expect(series).toHaveLength(TINY_RUNS * 4 * 2);
    expect(series.slice(0, 8).map((l) => l.split(',').slice(3, 5).join(' '))).toEqual(['0 X', '0 B', '25 X', '25 B', '50 X', '50 B', '60 X', '60 B']);
    // a series value is the run's own: X at the last tick is the row's finalX
    const finalX = dataLines(join(WHOLE, 'runs.csv'))[0].split(',')[10];
    expect(series[6].split(',')[5]).toBe(finalX);
    expect(readFileSync(join(WHOLE, 'failures.csv'), 'utf8')).toBe('point,replicate,seed,message\n');
  }, TIMEOUT);

  it('detente sweep writes the manifest: version, hashes, the design, seeds and every run done', async () => {
    await whole;
    const m = JSON.parse(readFileSync(join(WHOLE, 'manifest.json'), 'utf8'));
    const pkg = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8'));
    expect(m.detente).toBe(pkg.version);
    expect(m.experimentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(m.design.factors).toEqual(['t2capacity', 't2entry', 'population']);
    expect(m.design.points).toHaveLength(12);
    expect(m.seeds).toEqual([0, 1, 2].map((r) => replicateSeed(7, r)));
    expect(m.shard).toBe(null);
    expect(m.state).toBe('complete');
    expect(m.counts).toEqual({ runs: 36, done: 36, failed: 0, pending: 0 });
    expect(m.runs.every((r: { status: string }) => r.status === 'done')).toBe(true);
    // the manifest's experiment holds its scenario inline: a sweep of it alone is the same sweep
    expect(typeof m.experiment.scenario).toBe('object');
  }, TIMEOUT);

  it('detente sweep writes runs.parquet and series.parquet with the CSV\'s values', async () => {
    await whole;
    const read = async (f: string) => (await parquetReadObjects({ file: new Uint8Array(readFileSync(join(WHOLE, f))).buffer })) as Array<Record<string, unknown>>;
    const runs = await read('runs.parquet');
    const csv = dataLines(join(WHOLE, 'runs.csv')).map((l) => l.split(','));
    const header = readFileSync(join(WHOLE, 'runs.csv'), 'utf8').split('\n')[0].split(',');
    expect(runs).toHaveLength(csv.length);
    runs.forEach((r, i) => header.forEach((h, j) => {
      const cell = csv[i][j];
      const v = r[h];
      expect(cell === '' ? v === null : typeof v === 'string' ? v === cell : Number(v) === Number(cell), `${h} row ${i}`).toBe(true);
    }));
    expect((await read('series.parquet')).length).toBe(TINY_RUNS * 8);
  }, TIMEOUT);

  it('detente sweep refuses an --out that holds a sweep (exit 1), and --resume of a complete sweep rewrites the same bytes', async () => {
    await whole;
    const before = tables(WHOLE);
    const again = await mainIn(['sweep', TINY, '--out', WHOLE, '--workers', '1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already holds a sweep; add --resume/);
    // a file a process left when it died between writing a table and renaming it into place
    writeFileSync(join(WHOLE, 'runs.csv.99999.tmp'), 'half a tab');
    const resumed = await mainIn(['sweep', TINY, '--out', WHOLE, '--resume']);
    expect(resumed.stderr).toMatch(/36 done before; nothing left to run/);
    expect(resumed.code).toBe(0);
    expect(tables(WHOLE)).toEqual(before);
    expect(existsSync(join(WHOLE, 'runs.csv.99999.tmp'))).toBe(false);
  }, TIMEOUT);

  it('detente sweep --resume refuses a changed experiment, a changed base scenario, another version, another shard', async () => {
    await whole;
    const dir = join(tmp, 'copy');
    cpSync(WHOLE, dir, { recursive: true });
    const changedScenario = copyExperiment('changed-scenario', (_e, s) => (s.params = { synergy: 0.4 }));
    const a = await mainIn(['sweep', changedScenario, '--out', dir, '--resume']);
    expect(a.code).toBe(1);
    expect(a.stderr).toMatch(/cannot resume: its experiment differs from .*the experiment or its base scenario changed/);
    const changedExperiment = copyExperiment('changed-experiment', (e) => (e.replicates = 4));
    expect((await mainIn(['sweep', changedExperiment, '--out', dir, '--resume'])).code).toBe(1);
    // the same content in another file, reformatted: the same experiment
    const moved = copyExperiment('moved');
    const same = await mainIn(['sweep', moved, '--out', dir, '--resume']);
    expect(same.code).toBe(0);
    // and the manifest's own experiment, its scenario inline, is the same experiment too
    const inline = join(tmp, 'inline.json');
    writeFileSync(inline, JSON.stringify(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).experiment));
    expect((await mainIn(['sweep', inline, '--out', dir, '--resume'])).code).toBe(0);
    const shard = await mainIn(['sweep', TINY, '--out', dir, '--resume', '--shard', '1/2']);
    expect(shard.stderr).toMatch(/cannot resume: it holds shard 0\/1, not 1\/2/);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ ...m, detente: '0.0.1' }));
    const old = await mainIn(['sweep', TINY, '--out', dir, '--resume']);
    expect(old.code).toBe(1);
    expect(old.stderr).toMatch(/made by Détente 0\.0\.1/);
  }, TIMEOUT);

  it('detente sweep refuses a design with invalid points, naming point and field, before running anything', async () => {
    const file = copyExperiment('invalid', (e) => ((e.factors as Array<Record<string, unknown>>)[0].max = 1.6));
    const out = join(tmp, 'invalid-out');
    const r = await mainIn(['sweep', file, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/6 of 12 design points give an invalid scenario; nothing was run/);
    expect(r.stderr).toMatch(/point 6 \(t2capacity=1\.6, t2entry="lull", population=40\.4\): actors\.1\.capacity: /);
    expect(existsSync(out)).toBe(false);
  }, TIMEOUT);

  it('detente sweep --skip-invalid runs the valid points, records the others\' runs as failures, and exits 4', async () => {
    const file = copyExperiment('skip', (e) => ((e.factors as Array<Record<string, unknown>>)[0].max = 1.6));
    const out = join(tmp, 'skip-out');
    const r = await mainIn(['sweep', file, '--out', out, '--skip-invalid', '--workers', '2']);
    expect(r.code).toBe(4);
    const failures = dataLines(join(out, 'failures.csv'));
    expect(failures).toHaveLength(18);
    expect(failures[0]).toMatch(/^6,0,7,invalid point: actors\.1\.capacity: /);
    expect(dataLines(join(out, 'runs.csv')).map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: 18 }, (_, k) => Math.floor(k / 3)));
    const m = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(m.counts).toEqual({ runs: 36, done: 18, failed: 18, pending: 0 });
    expect(existsSync(join(out, 'runs.parquet'))).toBe(true);
  }, TIMEOUT);

  it('detente sweep usage errors exit 2', async () => {
    expect((await mainIn(['sweep', TINY])).stderr).toMatch(/--out DIR is required/);
    for (const args of [['--workers', '0'], ['--shard', '4/4'], ['--shards', '4'], ['--shard', 'auto']]) {
      const r = await mainIn(['sweep', TINY, '--out', join(tmp, 'never'), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
    expect(existsSync(join(tmp, 'never'))).toBe(false);
  });
});
