import { describe, expect, it } from 'vitest';
import { buildDesign, type Design } from '../../../sim/experiments/design';
import { validateExperiment, type ExperimentInput } from '../../../sim/experiments/experiment';
import { factorValue, gridValues } from '../../../sim/experiments/factorValue';
import { sobolPoints } from '../../../sim/experiments/sobolSequence';
import { saltelliRow } from '../../../sim/experiments/saltelli';
import { isIntegerField, pointOverrides } from '../../../sim/experiments/pointOverrides';

function design(input: Omit<ExperimentInput, 'seed'> & { seed?: number }): Design {
  const r = validateExperiment({ seed: 1, ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return buildDesign(r.experiment);
}

const rows = (p: Float64Array, d: number) => Array.from({ length: p.length / d }, (_, i) => Array.from(p.subarray(i * d, i * d + d)));

describe('sobolPoints', () => {
  it('sobolPoints({dimensions: 2, from: 0, count: 8}) gives the published first points (scipy.stats.qmc.Sobol, unscrambled)', () => {
    expect(rows(sobolPoints({ dimensions: 2, from: 0, count: 8 }), 2)).toEqual([
      [0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75], [0.375, 0.375], [0.875, 0.875], [0.625, 0.125], [0.125, 0.625],
    ]);
  });

  it('sobolPoints starts anywhere: points 8 and 9 are (0.1875, 0.3125) and (0.6875, 0.8125) as in sobol_seq with skip', () => {
    expect(rows(sobolPoints({ dimensions: 2, from: 8, count: 2 }), 2)).toEqual([[0.1875, 0.3125], [0.6875, 0.8125]]);
    const all = sobolPoints({ dimensions: 5, from: 0, count: 100 });
    expect(sobolPoints({ dimensions: 5, from: 37, count: 20 })).toEqual(all.subarray(37 * 5, 57 * 5));
  });

  it('sobolPoints: dimension 3 (Joe–Kuo s = 2, a = 1, m = 1, 3) runs 0, ½, ¼, ¾, ⅝, ⅛, ⅞, ⅜', () => {
    const p = sobolPoints({ dimensions: 3, from: 0, count: 8 });
    expect(rows(p, 3).map((r) => r[2])).toEqual([0, 0.5, 0.25, 0.75, 0.625, 0.125, 0.875, 0.375]);
  });

  it('sobolPoints: in every one of the 200 dimensions, points [2^m, 2^(m+1)) hit each of the 2^m strata once', () => {
    const m = 10;
    const n = 2 ** m;
    const p = sobolPoints({ dimensions: 200, from: n, count: n });
    for (let j = 0; j < 200; j++) {
      const seen = new Uint8Array(n);
      for (let i = 0; i < n; i++) seen[Math.floor(p[i * 200 + j] * n)]++;
      expect(seen.every((c) => c === 1), `dimension ${j + 1}`).toBe(true);
    }
  });

  it('sobolPoints refuses more dimensions than its direction numbers hold', () => {
    expect(() => sobolPoints({ dimensions: 201, from: 0, count: 1 })).toThrow(/1 to 200 dimensions/);
  });
});

describe('factorValue', () => {
  const cat = { name: 'c', values: ['a', 'b', 'c'], scale: 'linear' as const };
  it('factorValue(categorical, u) takes the level at floor(u × count), u = 1 the last', () => {
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999, 1].map((u) => factorValue(cat, u))).toEqual(['a', 'a', 'b', 'b', 'c', 'c', 'c']);
  });

  it('factorValue(log range, u) is even in log space, with exact ends', () => {
    const f = { name: 'l', min: 0.01, max: 100, scale: 'log' as const };
    expect(factorValue(f, 0)).toBe(0.01);
    expect(factorValue(f, 1)).toBe(100);
    expect(factorValue(f, 0.5) as number).toBeCloseTo(1, 12);
    expect(factorValue(f, 0.25) as number).toBeCloseTo(0.1, 12);
  });

  it('gridValues cuts a range into levels points, both ends included', () => {
    expect(gridValues({ name: 'x', min: -1, max: 3, scale: 'linear' }, 5)).toEqual([-1, 0, 1, 2, 3]);
    expect(gridValues({ name: 'x', min: 1, max: 1000, scale: 'log' }, 4).map((v) => Number((v as number).toPrecision(12)))).toEqual([1, 10, 100, 1000]);
  });
});

describe('buildDesign', () => {
  it('buildDesign(grid) is the full factorial, first factor slowest, endpoints included', () => {
    const d = design({ factors: [{ name: 'a', min: 0, max: 1 }, { name: 'b', values: ['x', 'y'] }, { name: 'c', values: [10, 20, 30] }], design: { type: 'grid', levels: 3 } });
    expect(d.points.length).toBe(3 * 2 * 3);
    expect(d.points[0]).toEqual({ point: 0, values: [0, 'x', 10] });
    expect(d.points[1].values).toEqual([0, 'x', 20]);
    expect(d.points[17]).toEqual({ point: 17, values: [1, 'y', 30] });
    expect(new Set(d.points.map((p) => p.values[0]))).toEqual(new Set([0, 0.5, 1]));
  });

  it('buildDesign(lhs) puts exactly one point in each of the samples strata of every factor', () => {
    const n = 97;
    const d = design({ factors: [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: 10, max: 20 }, { name: 'c', min: -5, max: 5 }], design: { type: 'lhs', samples: n } });
    expect(d.points.length).toBe(n);
    const ranges = [[0, 1], [10, 20], [-5, 5]];
    ranges.forEach(([lo, hi], j) => {
      const strata = d.points.map((p) => Math.floor(((p.values[j] as number) - lo) / (hi - lo) * n)).sort((x, y) => x - y);
      expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
    });
  });

  it('buildDesign is deterministic from the seed: the same seed gives the same lhs and morris designs, another seed others', () => {
    const base = { factors: [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: 0, max: 1 }] };
    for (const dz of [{ type: 'lhs' as const, samples: 20 }, { type: 'morris' as const, trajectories: 5 }]) {
      expect(design({ ...base, design: dz }).points).toEqual(design({ ...base, design: dz }).points);
      expect(design({ ...base, design: dz, seed: 2 }).points).not.toEqual(design({ ...base, design: dz }).points);
    }
  });

  it('buildDesign(sobol) has N × (k + 2) points, N × (2k + 2) with secondOrder, for every k and N (SALib #414/#447)', () => {
    for (const k of [1, 2, 3, 8, 20]) {
      for (const samples of [2, 16, 64]) {
        const factors = Array.from({ length: k }, (_, j) => ({ name: `x${j}`, min: 0, max: 1 }));
        expect(design({ factors, design: { type: 'sobol', samples } }).points.length).toBe(samples * (k + 2));
        const second = design({ factors, design: { type: 'sobol', samples, secondOrder: true } });
        expect(second.points.length).toBe(samples * (2 * k + 2));
        expect(second.sobol).toEqual({ samples, secondOrder: true, stride: 2 * k + 2, first: Math.max(16, samples) });
      }
    }
  });

  it('buildDesign(sobol) lays out blocks A, AB_j, BA_j, B with AB_j = A but column j from B, BA_j = B but column j from A', () => {
    const k = 3;
    const d = design({ factors: Array.from({ length: k }, (_, j) => ({ name: `x${j}`, min: 0, max: 1 })), design: { type: 'sobol', samples: 32, secondOrder: true } });
    const stride = 2 * k + 2;
    const base = sobolPoints({ dimensions: 2 * k, from: 32, count: 32 });
    for (let i = 0; i < 32; i++) {
      const at = (r: number) => d.points[i * stride + r].values;
      const A = Array.from(base.subarray(i * 2 * k, i * 2 * k + k));
      const B = Array.from(base.subarray(i * 2 * k + k, i * 2 * k + 2 * k));
      expect(at(saltelliRow.A())).toEqual(A);
      expect(at(saltelliRow.B(stride))).toEqual(B);
      for (let j = 0; j < k; j++) {
        expect(at(saltelliRow.AB(j))).toEqual(A.map((a, c) => (c === j ? B[c] : a)));
        expect(at(saltelliRow.BA(j, k))).toEqual(B.map((b, c) => (c === j ? A[c] : b)));
      }
    }
  });

  it('buildDesign(morris) gives r trajectories of k + 1 points, each step moving one factor by ±Δ on the p-level grid', () => {
    const k = 4;
    const d = design({ factors: Array.from({ length: k }, (_, j) => ({ name: `x${j}`, min: 0, max: 1 })), design: { type: 'morris', trajectories: 10, levels: 6 } });
    const delta = 6 / 10;
    expect(d.points.length).toBe(10 * (k + 1));
    expect(d.morris?.delta).toBe(delta);
    for (const t of d.morris!.trajectories) {
      expect(t.points.length).toBe(k + 1);
      expect([...t.factors].sort()).toEqual([0, 1, 2, 3]);
      for (let s = 0; s < k; s++) {
        const a = d.points[t.points[s]].values as number[];
        const b = d.points[t.points[s + 1]].values as number[];
        a.forEach((v, j) => {
          expect(Math.round(v * 5), 'on the grid').toBeCloseTo(v * 5, 9);
          expect(b[j] - v).toBeCloseTo(j === t.factors[s] ? t.steps[s] : 0, 12);
        });
        expect(Math.abs(t.steps[s])).toBeCloseTo(delta, 12);
      }
    }
  });

  it('buildDesign(morris, optimized) keeps the most spread trajectories of the pool: their spread beats an unoptimized design\'s', () => {
    const factors = Array.from({ length: 5 }, (_, j) => ({ name: `x${j}`, min: 0, max: 1 }));
    const spread = (d: Design) => {
      const ts = d.morris!.trajectories.map((t) => t.points.map((p) => d.points[p].values as number[]));
      let sum = 0;
      for (let a = 0; a < ts.length; a++) for (let b = a + 1; b < ts.length; b++) {
        let dist = 0;
        for (const x of ts[a]) for (const y of ts[b]) dist += Math.hypot(...x.map((v, j) => v - y[j]));
        sum += dist * dist;
      }
      return sum;
    };
    const plain = design({ factors, design: { type: 'morris', trajectories: 6 } });
    const best = design({ factors, design: { type: 'morris', trajectories: 6, optimized: true, pool: 60 } });
    expect(best.points.length).toBe(6 * 6);
    expect(spread(best)).toBeGreaterThan(spread(plain));
  });
});

describe('pointOverrides', () => {
  it('isIntegerField knows whole-number scenario fields through defaults, arrays, tuples and unions', () => {
    expect(isIntegerField(['parties', '0', 'population'])).toBe(true);
    expect(isIntegerField(['actors', '1', 'start'])).toBe(true);
    expect(isIntegerField(['network', 'degree'])).toBe(true);
    expect(isIntegerField(['params', 'stageWindowTrack2', '1'])).toBe(true);
    expect(isIntegerField(['parties', '0', 'power'])).toBe(false);
    expect(isIntegerField(['actors', '1', 'entry'])).toBe(false);
    expect(isIntegerField(['no', 'such'])).toBe(false);
  });

  it('isIntegerField and pointOverrides take a path through a property every object has (constructor, __proto__) as no field, instead of throwing', () => {
    for (const path of [['constructor'], ['__proto__', 'x'], ['params', 'toString'], ['constructor', 'prototype', 'x'], ['parties', '0', 'hasOwnProperty']]) {
      expect(isIntegerField(path), path.join('.')).toBe(false);
    }
    expect(pointOverrides([{ name: 'c', path: 'constructor.prototype.x', min: 0, max: 1, scale: 'linear' }], [0.5])).toEqual([{ path: ['constructor', 'prototype', 'x'], value: 0.5 }]);
  });

  it('pointOverrides rounds a value on an integer field to the nearest whole number and leaves others as they are', () => {
    const factors = [
      { name: 'n', path: 'parties.0.population', min: 100, max: 300, scale: 'linear' as const },
      { name: 'p', path: 'parties.0.power', min: 0.5, max: 2, scale: 'linear' as const },
      { name: 'e', path: 'actors.0.entry', values: ['lull', 'peak'], scale: 'linear' as const },
    ];
    expect(pointOverrides(factors, [150.6, 1.25, 'lull'])).toEqual([
      { path: ['parties', '0', 'population'], value: 151 },
      { path: ['parties', '0', 'power'], value: 1.25 },
      { path: ['actors', '0', 'entry'], value: 'lull' },
    ]);
  });
});
