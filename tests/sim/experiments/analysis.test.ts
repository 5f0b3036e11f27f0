import { describe, expect, it } from 'vitest';
import { AnalysisError } from '../../../sim/experiments/analysisError';
import { buildDesign } from '../../../sim/experiments/design';
import { validateExperiment, type ExperimentInput } from '../../../sim/experiments/experiment';
import { morrisIndices } from '../../../sim/experiments/morrisAnalysis';
import { prim } from '../../../sim/experiments/prim';
import { sobolIndices } from '../../../sim/experiments/sobolAnalysis';
import { createStream } from '../../../sim/rng';

const design = (input: ExperimentInput) => {
  const r = validateExperiment(input);
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return buildDesign(r.experiment);
};
const bootstrap = { resamples: 200, seed: 1 };

describe('prim', () => {
  const rng = createStream(9, 'test');
  const n = 4000;
  const x = Float64Array.from({ length: n }, () => rng());
  const y = Float64Array.from({ length: n }, () => rng());
  const kind = Array.from({ length: n }, () => ['a', 'b', 'c', 'd'][Math.floor(rng() * 4)]);

  it('prim finds two separate planted boxes, the second among the points outside the first (covering)', () => {
    const inA = (i: number) => x[i] > 0.1 && x[i] < 0.4 && y[i] > 0.1 && y[i] < 0.5;
    const inB = (i: number) => x[i] > 0.65 && x[i] < 0.9 && y[i] > 0.6 && y[i] < 0.9;
    const interest = Uint8Array.from({ length: n }, (_, i) => (inA(i) || inB(i) ? 1 : 0));
    const r = prim([{ name: 'x', values: x }, { name: 'y', values: y }], interest);
    expect(r.boxes.length).toBe(2);
    const [b1, b2] = r.boxes;
    expect(b1.density).toBe(1);
    expect(b2.density).toBe(1);
    expect(b1.coverage + b2.coverage).toBeGreaterThan(0.85);
    const [a, b] = [b1, b2].map((q) => q.limits as Record<string, [number, number]>).sort((p, q) => p.x[0] - q.x[0]);
    const near = (got: [number, number], want: [number, number]) => got.forEach((g, i) => expect(Math.abs(g - want[i])).toBeLessThan(0.05));
    near(a.x, [0.1, 0.4]);
    near(a.y, [0.1, 0.5]);
    near(b.x, [0.65, 0.9]);
    near(b.y, [0.6, 0.9]);
    // the trajectory holds the search for each box, and the third search that found nothing dense enough
    expect([...new Set(r.trajectory.map((s) => s.box))]).toEqual([0, 1, 2]);
  });

  it('prim restricts a string factor to a set of levels, in the given order, and leaves inert factors out of the limits', () => {
    const interest = Uint8Array.from({ length: n }, (_, i) => (kind[i] === 'a' || kind[i] === 'c' ? 1 : 0));
    const r = prim([{ name: 'x', values: x }, { name: 'kind', levels: kind, order: ['d', 'c', 'b', 'a'] }], interest);
    expect(r.boxes[0]).toMatchObject({ coverage: 1, density: 1, limits: { kind: ['c', 'a'] } });
    expect(r.boxes[0].limits.x).toBeUndefined();
  });

  it('prim reports no box when the cases of interest are spread evenly (no region is dense enough)', () => {
    const interest = Uint8Array.from({ length: n }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const r = prim([{ name: 'x', values: x }, { name: 'y', values: y }], interest);
    expect(r.boxes).toEqual([]);
    expect(r.trajectory[0]).toMatchObject({ box: 0, coverage: 1, mass: 1 });
  });

  it('prim refuses data without any case of interest', () => {
    expect(() => prim([{ name: 'x', values: x }], new Uint8Array(n))).toThrow(AnalysisError);
  });
});

describe('sobolIndices', () => {
  const d = design({ factors: [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: 0, max: 1 }], design: { type: 'sobol', samples: 64 }, seed: 1 });
  const y = Float64Array.from(d.points, (p) => 3 * (p.values[0] as number) + (p.values[1] as number));

  it('sobolIndices leaves out whole blocks with a missing point, and says how many it used', () => {
    const holed = y.slice();
    holed[5] = NaN; // block 1 (stride 4)
    holed[4 * 10 + 3] = NaN; // block 10's B row
    const r = sobolIndices({ layout: d.sobol!, factors: d.factors, y: holed, bootstrap });
    expect(r.blocks).toBe(62);
    expect(r.samples).toBe(64);
    expect(r.indices[0].S1).toBeGreaterThan(r.indices[1].S1);
  });

  it('sobolIndices refuses a constant metric and a second order its design lacks', () => {
    expect(() => sobolIndices({ layout: d.sobol!, factors: d.factors, y: new Float64Array(y.length).fill(2), bootstrap })).toThrow(/no variance/);
    expect(() => sobolIndices({ layout: d.sobol!, factors: d.factors, y, bootstrap, secondOrder: true })).toThrow(/secondOrder/);
  });
});

describe('morrisIndices', () => {
  it('morrisIndices skips steps that touch a point without a value, and counts the effects it used', () => {
    const d = design({ factors: [{ name: 'a', min: 0, max: 1 }, { name: 'b', min: 0, max: 1 }], design: { type: 'morris', trajectories: 5 }, seed: 4 });
    const y = Float64Array.from(d.points, (p) => 2 * (p.values[0] as number) - (p.values[1] as number));
    y[0] = NaN; // the first point of trajectory 0: only its first step is lost
    const r = morrisIndices({ layout: d.morris!, factors: d.factors, y, bootstrap });
    const first = d.morris!.trajectories[0].factors[0];
    expect(r[first].effects).toBe(4);
    expect(r[1 - first].effects).toBe(5);
    expect(r[0].mu).toBeCloseTo(2, 12);
    expect(r[1].mu).toBeCloseTo(-1, 12);
  });
});
