import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validateExperiment } from '../../sim/experiments/experiment';
import { buildDesign } from '../../sim/experiments/design';
import { pointOverrides } from '../../sim/experiments/pointOverrides';
import { applyOverrides, validateScenario } from '../../sim/index';

const dir = fileURLToPath(new URL('../../scenarios/experiments/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'experiment.schema.json');

/** The value at a dot path of the validated scenario, or undefined when the path leads nowhere. */
function at(root: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, seg) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[seg] : undefined), root);
}

describe('scenarios/experiments', () => {
  it('holds the example experiments: a grid, a morris, a sobol and an lhs design', () => {
    const types = files.map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).design.type).sort();
    expect(types).toEqual(['grid', 'lhs', 'morris', 'sobol']);
  });

  for (const f of files) {
    it(`${f} is a valid experiment for sweep, every factor's path is a field of its scenario, and its design's points validate`, () => {
      const r = validateExperiment(JSON.parse(readFileSync(join(dir, f), 'utf8')), { forSweep: true });
      expect(r.ok ? [] : r.issues).toEqual([]);
      if (!r.ok) return;
      const e = r.experiment;
      expect(typeof e.scenario).toBe('string');
      const raw = JSON.parse(readFileSync(join(dirname(join(dir, f)), e.scenario as string), 'utf8'));
      const base = validateScenario(raw);
      expect(base.ok).toBe(true);
      if (!base.ok) return;
      for (const factor of e.factors) expect(at(base.scenario, factor.path as string), `${factor.name}: ${factor.path}`).toBeDefined();
      const design = buildDesign(e);
      const step = Math.max(1, Math.floor(design.points.length / 40));
      for (const p of design.points.filter((_, i) => i % step === 0 || i === design.points.length - 1)) {
        const s = validateScenario(applyOverrides(raw, pointOverrides(e.factors, p.values)));
        expect(s.ok ? [] : s.issues, `point ${p.point}`).toEqual([]);
      }
    });
  }
});
