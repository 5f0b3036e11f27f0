import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../../sim/experiments/experiment';

const issues = (input: unknown, forSweep = false) => {
  const r = validateExperiment(input, { forSweep });
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};
const minimal = { factors: [{ name: 'x', min: 0, max: 1 }], design: { type: 'lhs', samples: 4 }, seed: 1 };

describe('validateExperiment', () => {
  it('validateExperiment accepts factors, design and seed alone for sample/analyze, and fills defaults', () => {
    const r = validateExperiment(minimal);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.experiment).toMatchObject({ format: 1, replicates: 1, metrics: [], factors: [{ scale: 'linear' }] });
  });

  it('validateExperiment(…, {forSweep}) requires the scenario, every factor\'s path and a metric', () => {
    expect(issues(minimal, true)).toEqual([
      'factors.0.path: is required by sweep (the scenario field this factor sets)',
      'scenario: is required by sweep (a path relative to the experiment file, or an inline scenario)',
      'metrics: sweep needs at least one metric',
    ]);
    expect(issues({ ...minimal, scenario: '../s.json', metrics: ['peakX', { column: 'B', stat: 'mean' }], factors: [{ name: 'x', path: 'params.synergy', min: 0, max: 1 }] }, true)).toEqual([]);
  });

  it('validateExperiment names the field of each factor rule broken', () => {
    expect(issues({ ...minimal, factors: [
      { name: 'a', min: 1, max: 1 },
      { name: 'b', min: 0, max: 10, scale: 'log' },
      { name: 'c', values: [1, 2], min: 0, max: 1 },
      { name: 'd' },
      { name: 'e', values: ['x', 'y', 'x'] },
      { name: 'a', max: 3 },
      { name: 'point', values: [1] },
    ] })).toEqual([
      'factors.0.max: must be greater than min (1); got 1',
      'factors.1.min: must be greater than 0 on a log scale; got 0',
      'factors.2: give either "values" or "min" and "max", not both',
      'factors.3: needs "values" (a list) or "min" and "max" (a range)',
      'factors.4.values.2: repeats values.0 ("x")',
      'factors.5.min: is required with "max"',
      'factors.5.name: "a" is also the name of factors.0',
      'factors.6.name: "point" is reserved (runs.csv starts with point, replicate, seed)',
    ]);
  });

  it('validateExperiment refuses a range wider than a double holds (min + u·(max − min) was Infinity at every point)', () => {
    expect(issues({ ...minimal, factors: [{ name: 'x', min: -1e308, max: 1e308 }] })).toEqual([
      'factors.0.max: the range from min (-1e+308) to max (1e+308) is wider than a double can hold; narrow it',
    ]);
    expect(issues({ ...minimal, factors: [{ name: 'x', min: -1e307, max: 1e307 }] })).toEqual([]);
  });

  it('validateExperiment refuses a design of more values (points × factors) than fit in about 1 GB, naming the design', () => {
    const factors = (k: number) => Array.from({ length: k }, (_, j) => ({ name: `f${j}`, min: 0, max: 1 }));
    expect(issues({ ...minimal, factors: factors(40), design: { type: 'lhs', samples: 1_000_000 } })).toEqual([
      'design: this design has 1,000,000 points of 40 factors, 40,000,000 values; the limit is 20,000,000 (about 1 GB of memory): use fewer points or factors',
    ]);
    expect(issues({ ...minimal, factors: factors(20), design: { type: 'lhs', samples: 1_000_000 } })).toEqual([]);
  });

  it('validateExperiment names schema problems by path: a bad design type, a Sobol\' N not a power of two, odd Morris levels, unknown fields', () => {
    expect(issues({ ...minimal, design: { type: 'fractional' } })[0]).toMatch(/^design.type: /);
    expect(issues({ ...minimal, design: { type: 'sobol', samples: 1000 } })).toEqual(['design.samples: must be a power of two (2, 4, 8, …, 1024, …): a Sobol\' sequence is balanced only over 2^m points']);
    expect(issues({ ...minimal, design: { type: 'morris', trajectories: 4, levels: 5 } })[0]).toMatch(/^design.levels: must be even/);
    expect(issues({ ...minimal, factors: [{ name: 'x', min: 0, max: 1, step: 2 }] })).toEqual(['factors.0: unknown field "step"']);
    expect(issues({ ...minimal, factors: [{ name: 'x,y', min: 0, max: 1 }] })[0]).toMatch(/^factors.0.name: must start with a letter/);
    expect(issues({ factors: minimal.factors, design: minimal.design })).toEqual(['seed: is required (expected number)']);
  });

  it('validateExperiment refuses designs past the size limits, naming the design', () => {
    const factors = Array.from({ length: 10 }, (_, j) => ({ name: `f${j}`, min: 0, max: 1 }));
    expect(issues({ ...minimal, factors, design: { type: 'grid', levels: 5 } })).toEqual(['design: this design has 9,765,625 points; the limit is 1,000,000']);
    const many = Array.from({ length: 101 }, (_, j) => ({ name: `f${j}`, min: 0, max: 1 }));
    expect(issues({ ...minimal, factors: many, design: { type: 'sobol', samples: 4 } })).toEqual(['factors: a sobol design takes at most 100 factors; got 101']);
    expect(issues({ ...minimal, design: { type: 'morris', trajectories: 10, optimized: true, pool: 5 } })).toEqual(['design.pool: must be at least trajectories (10); got 5']);
  });
});
