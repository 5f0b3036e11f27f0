import { describe, expect, it } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { validateExperiment } from '../../../../sim/experiments/experiment';
import { buildDesign } from '../../../../sim/experiments/design';
import { fillScenario, type EditableScenario } from '../../../../viz/app/fillScenario';
import { defaultSettings, EXPLORE_METRICS, exploreExperiment, readSettings, settingsIssues } from '../../../../viz/app/explore/exploreSettings';
import { defaultRange, factorFields } from '../../../../viz/app/explore/factorFields';

const r = fillScenario(base);
if (!r.ok) throw new Error('invalid default scenario');
const scenario: EditableScenario = r.scenario;
const fields = factorFields(scenario);

describe('factorFields', () => {
  it('factorFields(scenario) offers the documented numbers and choices of every group, and each track actor\'s settings', () => {
    const paths = fields.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['params.synergy', 'parties.0.reactivity', 'parties.1.population', 'ticks', 'actors.1.capacity', 'actors.1.entry']));
    expect(fields.find((f) => f.path === 'actors.1.entry')).toMatchObject({ kind: 'choice', options: expect.arrayContaining(['lull', 'peak', 'immediate']) });
    expect(fields.find((f) => f.path === 'parties.1.population')).toMatchObject({ kind: 'number', integer: true });
    // no text or boolean fields, no seed
    expect(paths).not.toContain('seed');
    expect(fields.every((f) => f.kind === 'number' || f.kind === 'choice')).toBe(true);
  });

  it('defaultRange(field, value) is half to one and a half times the value, within the field\'s bounds, whole on whole-number fields', () => {
    for (const f of fields.filter((x) => x.kind === 'number')) {
      const value = f.path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], scenario);
      const [lo, hi] = defaultRange(f, value);
      expect(hi, f.path).toBeGreaterThan(lo);
      if (f.min !== undefined) expect(lo, f.path).toBeGreaterThanOrEqual(f.min);
      if (f.max !== undefined) expect(hi, f.path).toBeLessThanOrEqual(f.max);
      if (f.integer) expect(Number.isInteger(lo) && Number.isInteger(hi), f.path).toBe(true);
    }
    expect(defaultRange(fields.find((f) => f.path === 'params.synergy')!, 0.5)).toEqual([0.25, 0.75]);
  });
});

describe('exploreSettings', () => {
  it('defaultSettings(mode, …) sets one, two or four factors that can run', () => {
    for (const [mode, n] of [['one', 1], ['two', 2], ['morris', 4]] as const) {
      const s = defaultSettings(mode, fields, scenario);
      expect(s.factors).toHaveLength(n);
      expect(settingsIssues(s, fields), mode).toEqual([]);
    }
  });

  it('settingsIssues(settings, fields) names each problem in words', () => {
    const s = defaultSettings('two', fields, scenario);
    expect(settingsIssues({ ...s, factors: [s.factors[0], s.factors[0]] }, fields)).toEqual([expect.stringMatching(/chosen twice$/)]);
    expect(settingsIssues({ ...s, factors: [{ ...s.factors[0], max: s.factors[0].min }, s.factors[1]] }, fields)).toEqual([expect.stringMatching(/highest value must be above the lowest$/)]);
    expect(settingsIssues({ ...s, factors: [{ path: 'params.synergy', min: -1, max: 1 }, s.factors[1]] }, fields)).toEqual([expect.stringMatching(/range must stay within 0 to/)]);
    expect(settingsIssues({ ...s, levels: 1, replicates: 0.5 }, fields)).toEqual([expect.stringMatching(/^points per factor/), expect.stringMatching(/^runs per point/)]);
    expect(settingsIssues({ ...s, factors: [s.factors[0]] }, fields)).toEqual(['this view varies 2 factors; 1 are set']);
    expect(settingsIssues({ ...s, factors: [{ path: 'nowhere', min: 0, max: 1 }, s.factors[1]] }, fields)).toEqual([expect.stringMatching(/"nowhere" is not a field/)]);
  });

  it('exploreExperiment(settings, scenario) is an experiment detente sweep takes: the grid or Morris design, the four outcomes, the scenario inline, its seed', () => {
    for (const mode of ['one', 'two', 'morris'] as const) {
      const s = defaultSettings(mode, fields, scenario);
      const input = exploreExperiment(s, scenario, fields);
      const v = validateExperiment(JSON.parse(JSON.stringify(input)), { forSweep: true });
      expect(v.ok, mode).toBe(true);
      if (!v.ok) continue;
      expect(v.experiment.metrics).toEqual([...EXPLORE_METRICS]);
      expect(v.experiment.seed).toBe(scenario.seed);
      expect(v.experiment.scenario).toEqual(JSON.parse(JSON.stringify(scenario)));
      const design = buildDesign(v.experiment);
      expect(design.points.length).toBe(mode === 'morris' ? s.trajectories * (s.factors.length + 1) : s.levels ** s.factors.length);
    }
    // a choice field runs every option
    const choice = exploreExperiment({ ...defaultSettings('one', fields, scenario), factors: [{ path: 'actors.1.entry' }] }, scenario, fields);
    expect(choice.factors[0]).toEqual({ name: 'actors.1.entry', path: 'actors.1.entry', values: fields.find((f) => f.path === 'actors.1.entry')!.options });
  });

  it('readSettings(x) takes a link\'s settings by their shape and drops anything else', () => {
    const s = defaultSettings('two', fields, scenario);
    expect(readSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
    expect(readSettings({ mode: 'three', factors: [] })).toBeUndefined();
    expect(readSettings(null)).toBeUndefined();
    expect(readSettings({ mode: 'one', factors: [{ path: 7 }, { path: 'params.synergy', min: 'x', max: 1, extra: true }], levels: 'many' })).toEqual({ mode: 'one', factors: [{ path: 'params.synergy', max: 1 }], levels: 5, replicates: 10, trajectories: 10 });
  });
});
