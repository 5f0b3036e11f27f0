import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/index';

const doc = readFileSync(new URL('../../docs/scenarios.md', import.meta.url), 'utf8');
const load = (name: string) => parseScenario(JSON.parse(readFileSync(new URL(`../../scenarios/${name}.json`, import.meta.url), 'utf8')));

describe('docs/scenarios.md', () => {
  it('gives the Richardson equilibrium the formula gives for the shared conflict\'s parameters', () => {
    const [a, b] = load('intrastate-conflict').parties;
    const det = a.fatigue * b.fatigue - a.reactivity * b.reactivity;
    const want = [(b.fatigue * a.grievance + a.reactivity * b.grievance) / det, (a.fatigue * b.grievance + b.reactivity * a.grievance) / det];
    const m = /Richardson equilibrium of hostility[^]*?is about (\d\.\d+) \(government\) and (\d\.\d+) \(rebels\)/.exec(doc);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeCloseTo(want[0], 2);
    expect(Number(m![2])).toBeCloseTo(want[1], 2);
  });

  it('describes all-five-tracks at the library\'s default synergy, which the scenario file keeps', () => {
    expect(load('all-five-tracks').params.synergy).toBe(parseScenario({ format: 1, name: 'x', parties: [{ name: 'A' }, { name: 'B' }] }).params.synergy);
    expect(doc).toMatch(/default synergy σ = 0\.5/);
  });
});
