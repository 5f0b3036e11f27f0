import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateExperiment, type ExperimentData, type ExperimentInput } from '../../../sim/experiments/experiment';
import { pointScenario } from '../../../sim/experiments/pointScenario';
import { loadScenario } from '../../../cli/loadScenario';

const FILE = new URL('../../fixtures/sweep/small-conflict.json', import.meta.url);
const base = JSON.parse(readFileSync(FILE, 'utf8'));

function experiment(o: Partial<ExperimentInput> = {}): ExperimentData {
  const r = validateExperiment({
    scenario: 'small-conflict.json', seed: 11, ticks: 30, design: { type: 'grid', levels: 2 }, metrics: ['peakX'],
    factors: [
      { name: 'cap', path: 'actors.1.capacity', min: 0, max: 0.4 },
      { name: 'entry', path: 'actors.1.entry', values: ['lull', 'peak'] },
      { name: 'pop', path: 'parties.0.population', min: 40, max: 81 },
    ],
    ...o,
  }, { forSweep: true });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.experiment;
}

describe('pointScenario', () => {
  it('pointScenario(base, experiment, values) is the scenario detente run --seed --ticks --set gives', async () => {
    const e = experiment();
    const got = pointScenario(base, e, [0.25, 'peak', 52.5]);
    if (!got.ok) throw new Error(JSON.stringify(got.issues));
    const viaRun = await loadScenario(FILE.pathname, { set: ['actors.1.capacity=0.25', 'actors.1.entry=peak', 'parties.0.population=53'], seed: 11, ticks: 30 });
    expect(got.scenario).toEqual(viaRun);
    expect(got.scenario.parties[0].population).toBe(53); // a whole-number field: 52.5 rounded
    expect(got.scenario.actors[1].capacity).toBe(0.25); // not rounded
    expect([got.scenario.seed, got.scenario.ticks]).toEqual([11, 30]);
    expect(base.parties[0].population).toBe(60); // the base is not changed
  });

  it('pointScenario names the field of an invalid point', () => {
    const e = experiment();
    const bad = pointScenario(base, e, [3, 'peak', 60]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues.map((i) => i.path)).toEqual(['actors.1.capacity']);
    const beyond = pointScenario(base, experiment({ factors: [{ name: 'cap', path: 'actors.9.capacity', min: 0, max: 1 }] }), [0.5]);
    expect(beyond.ok).toBe(false);
    if (!beyond.ok) expect(beyond.issues[0]).toEqual({ path: 'actors.9', message: expect.stringMatching(/no element 9: actors has 4 elements/) });
  });

  it('pointScenario refuses metrics and series on columns the point\'s runs do not have', () => {
    const e = experiment({ metrics: [{ column: 'H_North', stat: 'mean' }], series: { columns: ['X', 'nope'], every: 2 } });
    const r = pointScenario(base, e, [0.1, 'lull', 50]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['metrics.0.column', 'series.columns.1']);
  });
});
