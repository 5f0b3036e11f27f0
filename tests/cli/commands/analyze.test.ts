import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mainIn, ROOT } from '../helpers/detente';

/*
 * The analyses checked end to end, as a user runs them: `detente sample` writes the design, the
 * test evaluates a function with known indices at every point, writes the results as CSV, and
 * `detente analyze` reads them back. Tolerances are tighter than SALib's regression tests (atol 0.05).
 */

const dir = mkdtempSync(join(tmpdir(), 'detente-analyze-'));
let files = 0;
const file = (name: string, text: string) => {
  const path = join(dir, `${files++}-${name}`);
  writeFileSync(path, text);
  return path;
};

/** `detente sample` of an experiment; returns the experiment's path and the design as rows of cells. */
async function sample(experiment: object): Promise<{ path: string; header: string[]; rows: string[][] }> {
  const path = file('experiment.json', JSON.stringify(experiment));
  const out = join(dir, `${files++}-design.csv`);
  const r = await mainIn(['sample', path, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  const [head, ...rows] = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
  return { path, header: head, rows };
}

/** Writes `point,<metric>` data for the design's rows, `f` evaluated on each row's factor cells. */
function data(rows: string[][], f: (cells: string[]) => number, metric = 'y'): string {
  return file('data.csv', `point,${metric}\n${rows.map((r) => `${r[0]},${f(r.slice(1))}`).join('\n')}\n`);
}

async function analyzeJSON(args: string[]): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await mainIn(['analyze', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

const PI = Math.PI;

// Each Sobol' test builds and analyses a design of 40 000 to 80 000 points: about 3 s alone, more on a busy machine.
describe('detente analyze --method sobol (through detente sample)', { timeout: 60_000 }, () => {
  it('recovers the Ishigami function\'s indices (a = 7, b = 0.1, N = 8192): S1 0.3139, 0.4424, 0; ST 0.5576, 0.4424, 0.2437; S2(x1, x3) 0.2437', async () => {
    const s = await sample({ factors: ['x1', 'x2', 'x3'].map((name) => ({ name, min: -PI, max: PI })), design: { type: 'sobol', samples: 8192, secondOrder: true }, seed: 7 });
    expect(s.header).toEqual(['point', 'x1', 'x2', 'x3']);
    expect(s.rows.length).toBe(8192 * (2 * 3 + 2));
    const ishigami = (c: string[]) => {
      const [x1, x2, x3] = c.map(Number);
      return Math.sin(x1) + 7 * Math.sin(x2) ** 2 + 0.1 * x3 ** 4 * Math.sin(x1);
    };
    const out = await analyzeJSON([s.path, '--data', data(s.rows, ishigami), '--method', 'sobol', '--metric', 'y', '--second-order']);
    expect(Object.keys(out)).toEqual(['method', 'metric', 'n', 'replicates', 'blocks', 'bootstrap', 'indices']);
    expect(out.bootstrap).toEqual({ resamples: 1000, seed: 7 });
    const S1 = [0.3139, 0.4424, 0];
    const ST = [0.5576, 0.4424, 0.2437];
    out.indices.forEach((ix: { S1: number; ST: number; S1_ci: number[]; ST_ci: number[] }, j: number) => {
      expect(Math.abs(ix.S1 - S1[j]), `S1 of x${j + 1}`).toBeLessThan(0.02);
      expect(Math.abs(ix.ST - ST[j]), `ST of x${j + 1}`).toBeLessThan(0.01);
      expect(ix.S1_ci[0]).toBeLessThanOrEqual(S1[j]);
      expect(ix.S1_ci[1]).toBeGreaterThanOrEqual(S1[j]);
      expect(ix.ST_ci[0]).toBeLessThanOrEqual(ST[j]);
      expect(ix.ST_ci[1]).toBeGreaterThanOrEqual(ST[j]);
    });
    expect(Math.abs(out.indices[0].S2.x3 - 0.2437)).toBeLessThan(0.02);
    expect(out.indices[2].S2.x1).toBe(out.indices[0].S2.x3);
    expect(Math.abs(out.indices[0].S2.x2)).toBeLessThan(0.02);
    expect(Math.abs(out.indices[1].S2.x3)).toBeLessThan(0.02);
  });

  it('recovers Sobol\'s g-function\'s first-order indices (a = 0, 1, 4.5, 9, 99 ×4; N = 8192): 0.7162, 0.1790, 0.0237, 0.0072, 0.00007', async () => {
    const a = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const s = await sample({ factors: a.map((_, j) => ({ name: `x${j + 1}`, min: 0, max: 1 })), design: { type: 'sobol', samples: 8192 }, seed: 3 });
    expect(s.rows.length).toBe(8192 * (8 + 2));
    const g = (c: string[]) => c.reduce((p, x, j) => p * (Math.abs(4 * Number(x) - 2) + a[j]) / (1 + a[j]), 1);
    const out = await analyzeJSON([s.path, '--data', data(s.rows, g), '--method', 'sobol', '--metric', 'y']);
    const S1 = [0.7162, 0.1790, 0.0237, 0.0072, 0.00007, 0.00007, 0.00007, 0.00007];
    out.indices.forEach((ix: { S1: number; S2?: unknown }, j: number) => {
      expect(Math.abs(ix.S1 - S1[j]), `S1 of x${j + 1}`).toBeLessThan(0.02);
      expect(ix.S2).toBeUndefined();
    });
  });

  it('averages replicates over those where the metric is defined, and reports the counts', async () => {
    const s = await sample({ factors: [{ name: 'u', min: 0, max: 1 }, { name: 'v', min: 0, max: 1 }], design: { type: 'sobol', samples: 256 }, seed: 1 });
    const f = (c: string[]) => 2 * Number(c[0]) + Number(c[1]) ** 2;
    // each point: the value ± 1 in two replicates, and a third replicate with nothing
    const rows = s.rows.flatMap((r) => [`${r[0]},${f(r.slice(1)) + 1}`, `${r[0]},`, `${r[0]},${f(r.slice(1)) - 1}`]);
    const noisy = file('replicates.csv', `point,y\n${rows.join('\n')}\n`);
    const exact = await analyzeJSON([s.path, '--data', data(s.rows, f), '--method', 'sobol', '--metric', 'y']);
    const averaged = await analyzeJSON([s.path, '--data', noisy, '--method', 'sobol', '--metric', 'y']);
    expect(averaged.replicates).toEqual({ rows: 3 * s.rows.length, points: s.rows.length, missing: 0, min: 2, max: 2 });
    averaged.indices.forEach((ix: { S1: number; ST: number }, j: number) => {
      expect(ix.S1).toBeCloseTo(exact.indices[j].S1, 12);
      expect(ix.ST).toBeCloseTo(exact.indices[j].ST, 12);
    });
  });
});

describe('detente analyze --method morris (through detente sample)', () => {
  it('gives the exact elementary effects of y = 3a − 0.2b + c·d + 5·[mode = on] (b in [10, 20], e inert)', async () => {
    const experiment = {
      factors: [
        { name: 'a', min: 0, max: 1 }, { name: 'b', min: 10, max: 20 }, { name: 'c', min: 0, max: 1 },
        { name: 'd', min: 0, max: 1 }, { name: 'mode', values: ['off', 'on'] }, { name: 'e', min: -5, max: 5 },
      ],
      design: { type: 'morris', trajectories: 30, levels: 4 },
      seed: 11,
    };
    const s = await sample(experiment);
    const k = 6;
    expect(s.rows.length).toBe(30 * (k + 1));
    const f = (c: string[]) => 3 * Number(c[0]) - 0.2 * Number(c[1]) + Number(c[2]) * Number(c[3]) + (c[4] === 'on' ? 5 : 0);
    const out = await analyzeJSON([s.path, '--data', data(s.rows, f), '--method', 'morris', '--metric', 'y']);
    expect(Object.keys(out)).toEqual(['method', 'metric', 'n', 'replicates', 'bootstrap', 'indices']);
    const by = Object.fromEntries(out.indices.map((i: { factor: string }) => [i.factor, i]));
    expect(Object.keys(by)).toEqual(['a', 'b', 'c', 'd', 'mode', 'e']);
    const exact = (name: string, mu: number) => {
      expect(by[name].mu, name).toBeCloseTo(mu, 9);
      expect(by[name].muStar, name).toBeCloseTo(Math.abs(mu), 9);
      expect(by[name].sigma, name).toBeCloseTo(0, 9);
      expect(by[name].muStar_ci[0], name).toBeCloseTo(Math.abs(mu), 9);
      expect(by[name].muStar_ci[1], name).toBeCloseTo(Math.abs(mu), 9);
      expect(by[name].effects).toBe(30);
    };
    exact('a', 3);
    exact('b', -2); // −0.2 per unit × a range of 10
    exact('e', 0);
    // mode: every ±Δ step (Δ = 2/3) crosses from off to on, so each effect is 5 / (2/3)
    exact('mode', 7.5);
    // c's effect is d where c moves, and d's is c where d moves: read those from the design itself
    const trajectories = Array.from({ length: 30 }, (_, t) => s.rows.slice(t * (k + 1), (t + 1) * (k + 1)).map((r) => r.slice(1)));
    const effectsOf = (moving: number, other: number) => trajectories.map((rows) => {
      const step = rows.findIndex((r, i) => i > 0 && r[moving] !== rows[i - 1][moving]);
      return Number(rows[step][other]);
    });
    for (const [name, moving, other] of [['c', 2, 3], ['d', 3, 2]] as const) {
      const ee = effectsOf(moving, other);
      const mean = ee.reduce((x, y) => x + y, 0) / ee.length;
      const sd = Math.sqrt(ee.reduce((x, y) => x + (y - mean) ** 2, 0) / (ee.length - 1));
      expect(by[name].mu, name).toBeCloseTo(mean, 9);
      expect(by[name].muStar, name).toBeCloseTo(mean, 9);
      expect(by[name].sigma, name).toBeCloseTo(sd, 9);
      expect(by[name].sigma, name).toBeGreaterThan(0.1);
    }
  });
});

describe('detente analyze --method prim (through detente sample)', () => {
  it('finds a planted box: x in [0.2, 0.6], y ≥ 0.5, kind in {a, b}, z irrelevant', async () => {
    const s = await sample({
      factors: [{ name: 'x', min: 0, max: 1 }, { name: 'y', min: 0, max: 1 }, { name: 'z', min: 0, max: 1 }, { name: 'kind', values: ['a', 'b', 'c'] }],
      design: { type: 'lhs', samples: 3000 }, seed: 5,
    });
    const planted = (c: string[]) => (Number(c[0]) >= 0.2 && Number(c[0]) <= 0.6 && Number(c[1]) >= 0.5 && c[3] !== 'c' ? 1 : 0);
    const out = await analyzeJSON([s.path, '--data', data(s.rows, planted, 'holds'), '--method', 'prim', '--metric', 'holds']);
    expect(Object.keys(out)).toEqual(['method', 'metric', 'n', 'replicates', 'threshold', 'below', 'trajectory', 'boxes']);
    expect(out.trajectory[0]).toMatchObject({ box: 0, phase: 'peel', coverage: 1, mass: 1, restricted: 0 });
    const box = out.boxes[0];
    expect(box.coverage).toBeGreaterThan(0.9);
    expect(box.density).toBeGreaterThan(0.95);
    expect(Object.keys(box.limits).sort()).toEqual(['kind', 'x', 'y']);
    expect(box.limits.kind).toEqual(['a', 'b']);
    expect(Math.abs(box.limits.x[0] - 0.2)).toBeLessThan(0.03);
    expect(Math.abs(box.limits.x[1] - 0.6)).toBeLessThan(0.03);
    expect(Math.abs(box.limits.y[0] - 0.5)).toBeLessThan(0.03);
    // --below reverses: the cases of interest are then the points outside the planted box
    const below = await analyzeJSON([s.path, '--data', data(s.rows, planted, 'holds'), '--method', 'prim', '--metric', 'holds', '--below', '--threshold', '0']);
    expect(below.below).toBe(true);
    expect(below.boxes[0].density).toBeGreaterThan(0.95);
  });
});

describe('detente analyze: bad input and usage', () => {
  const experiment = { factors: [{ name: 'u', min: 0, max: 1 }, { name: 'kind', values: ['p', 'q'] }], design: { type: 'morris', trajectories: 4 }, seed: 2 };

  it('exits 1 for an unknown metric, naming the data\'s columns', async () => {
    const s = await sample(experiment);
    const r = await mainIn(['analyze', s.path, '--data', data(s.rows, () => 1), '--method', 'morris', '--metric', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/unknown metric "nope": the data's columns are point, y/);
  });

  it('exits 1 for data without a point column, and for points outside the design, saying which rows', async () => {
    const s = await sample(experiment);
    const noPoint = await mainIn(['analyze', s.path, '--data', file('np.csv', 'run,y\n0,1\n'), '--method', 'morris', '--metric', 'y']);
    expect(noPoint.code).toBe(1);
    expect(noPoint.stderr).toMatch(/no "point" column/);
    const outside = await mainIn(['analyze', s.path, '--data', file('out.csv', 'point,y\n0,1\n12,1\nx,2\n'), '--method', 'morris', '--metric', 'y']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/row 2: point 12 is not a point of the design \(it has 12, numbered 0…11\)/);
    expect(outside.stderr).toMatch(/row 3: point x is not a point/);
  });

  it('exits 1 when factor columns in the data disagree with the design (another seed), naming row, point and factor', async () => {
    const s = await sample(experiment);
    const other = await sample({ ...experiment, seed: 3 });
    const text = `point,u,kind,y\n${other.rows.map((r) => `${r.join(',')},1`).join('\n')}\n`;
    const r = await mainIn(['analyze', s.path, '--data', file('other.csv', text), '--method', 'morris', '--metric', 'y']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/do not match the design/);
    expect(r.stderr).toMatch(/row \d+ \(point \d+\): (u|kind) is .* in the data but .* in the design/);
    // the design's own values, rounded to whole numbers where a sweep rounds them, are accepted
    const same = `point,u,kind,y\n${s.rows.map((r) => `${r.join(',')},${r[1]}`).join('\n')}\n`;
    expect((await mainIn(['analyze', s.path, '--data', file('same.csv', same), '--method', 'morris', '--metric', 'y'])).code).toBe(0);
  });

  it('exits 1 for a metric cell that is not a number, and for a method the design cannot serve', async () => {
    const s = await sample(experiment);
    const text = await mainIn(['analyze', s.path, '--data', file('t.csv', 'point,y\n0,abc\n'), '--method', 'morris', '--metric', 'y']);
    expect(text.code).toBe(1);
    expect(text.stderr).toMatch(/row 1: y is "abc", not a number/);
    const wrong = await mainIn(['analyze', s.path, '--data', data(s.rows, () => 1), '--method', 'sobol', '--metric', 'y']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/--method sobol needs a sobol design; this experiment's design is morris/);
  });

  it('exits 2 for usage errors: no --data, no or an unknown --method, flags of another method', async () => {
    const s = await sample(experiment);
    const d = data(s.rows, () => 1);
    for (const [args, message] of [
      [['--method', 'morris', '--metric', 'y'], /--data FILE is required/],
      [['--data', d, '--metric', 'y'], /--method is required/],
      [['--data', d, '--method', 'fast', '--metric', 'y'], /--method must be morris, sobol, prim; got "fast"/],
      [['--data', d, '--method', 'morris'], /--metric NAME is required/],
      [['--data', d, '--method', 'morris', '--metric', 'y', '--second-order'], /--second-order applies to --method sobol only/],
      [['--data', d, '--method', 'morris', '--metric', 'y', '--threshold', '1'], /--threshold applies to --method prim only/],
      [['--data', d, '--method', 'prim', '--metric', 'y', '--threshold', 'high'], /--threshold must be a number/],
    ] as const) {
      const r = await mainIn(['analyze', s.path, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('is deterministic: the same data give byte-identical output, the bootstrap being seeded by the experiment', async () => {
    const s = await sample(experiment);
    const d = data(s.rows, (c) => Number(c[0]) ** 2 + (c[1] === 'q' ? 1 : 0));
    const a = await mainIn(['analyze', s.path, '--data', d, '--method', 'morris', '--metric', 'y']);
    const b = await mainIn(['analyze', s.path, '--data', d, '--method', 'morris', '--metric', 'y']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/mu\* \(the mean absolute elementary effect\)/);
  });
});

describe('detente sample', () => {
  it('writes point and one column per factor to stdout, and exits 1 naming the field of an invalid experiment', async () => {
    const path = file('e.json', JSON.stringify({ factors: [{ name: 'n', values: [1, 2, 3] }, { name: 's', values: ['a b', 'c,d'] }], design: { type: 'grid' }, seed: 1 }));
    const r = await mainIn(['sample', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('point,n,s\n0,1,a b\n1,1,"c,d"\n2,2,a b\n3,2,"c,d"\n4,3,a b\n5,3,"c,d"\n');
    const bad = await mainIn(['sample', file('bad.json', JSON.stringify({ factors: [{ name: 'n', min: 5, max: 1 }], design: { type: 'lhs', samples: 3 }, seed: 1 }))]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/factors\.0\.max: must be greater than min \(5\); got 1/);
    expect((await mainIn(['sample'])).code).toBe(2);
  });

  it('writes a large design in pieces of bounded size, the same bytes as whole, and refuses --out naming the experiment file', async () => {
    const experiment = { factors: [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: -5, max: 5 }, { name: 'c', values: ['x', 'y'] }], design: { type: 'lhs', samples: 20_000 }, seed: 3 };
    const path = file('large.json', JSON.stringify(experiment));
    const pieces: number[] = [];
    const r = await mainIn(['sample', path], (chunk) => pieces.push(chunk.length));
    expect(r.code).toBe(0);
    const { validateExperiment, buildDesign, designCSV } = await import('../../../sim/experiments/index');
    const v = validateExperiment(experiment);
    expect(v.ok).toBe(true);
    if (v.ok) expect(r.stdout).toBe(designCSV(buildDesign(v.experiment)));
    expect(pieces.length).toBeGreaterThan(4);
    // 4096 points of three short cells
    expect(Math.max(...pieces)).toBeLessThan(4096 * 60);
    const self = await mainIn(['sample', path, '--out', path]);
    expect(self.code).toBe(2);
    expect(self.stderr).toMatch(/--out .* is the experiment file itself/);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(experiment);
  });
});

describe('detente analyze reads Parquet', () => {
  it('gives the same output for runs.parquet (int64 points, nulls, booleans) as for the same table in CSV', async () => {
    const fixture = (name: string) => join(ROOT, 'tests/fixtures/analyze', name);
    for (const metric of ['y', 'ok']) {
      const args = ['analyze', fixture('morris-small.json'), '--method', 'morris', '--metric', metric, '--json'];
      const parquet = await mainIn([...args, '--data', fixture('morris-small-runs.parquet')]);
      const csv = await mainIn([...args, '--data', fixture('morris-small-runs.csv')]);
      expect(parquet.code, parquet.stderr).toBe(0);
      expect(parquet.stdout).toBe(csv.stdout);
      expect(JSON.parse(parquet.stdout).replicates).toEqual(metric === 'y' ? { rows: 24, points: 12, missing: 0, min: 1, max: 2 } : { rows: 24, points: 12, missing: 0, min: 2, max: 2 });
    }
  });
});
