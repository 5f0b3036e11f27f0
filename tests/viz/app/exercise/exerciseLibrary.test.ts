import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../../sim/scenario/validate';
import { armScenarios, exerciseLibrary, readExercise } from '../../../../viz/app/exercise/exerciseLibrary';

const dir = new URL('../../../../scenarios/exercises/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const one = JSON.parse(readFileSync(new URL(files[0], dir), 'utf8'));

describe('exerciseLibrary', () => {
  it('holds every file of scenarios/exercises/, each valid, with arms that pass the model\'s full validation', () => {
    expect(exerciseLibrary.map((e) => `${e.id}.json`)).toEqual(files.sort());
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const e of exerciseLibrary) {
      expect(e.ok ? [] : e.problems, e.id).toEqual([]);
      if (!e.ok) continue;
      for (const s of armScenarios(e.exercise)) {
        const v = validateScenario(s);
        expect(v.ok ? [] : v.issues, `${e.id}: ${s.name}`).toEqual([]);
        expect(s.seed).toBe(e.exercise.seed);
      }
    }
  });

  it('armScenarios(exercise) applies each arm\'s changes to its library scenario', () => {
    const e = exerciseLibrary.find((x) => x.id === '3-leaving-early');
    expect(e?.ok).toBe(true);
    if (!e?.ok) return;
    const [early, stays] = armScenarios(e.exercise);
    expect(early.actors[1].leaveAt).toBe(36);
    expect(stays.actors[1].leaveAt).toBe(252);
  });

  it('readExercise(id, json) says what is wrong with a broken exercise instead of failing: bad fields, unknown scenarios, bad changes', () => {
    const bad = readExercise('x', { ...one, measure: 'happiness', arms: [] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toEqual(['arms: needs at least 1 entry', 'measure: must be one of "finalX", "peakX", "areaX", "settlements", "collapses"']);
    const unknown = readExercise('y', { ...one, arms: [one.arms[0], { name: 'B', scenario: 'no-such-scenario' }] });
    expect(unknown.ok ? [] : unknown.problems).toEqual(['arm "B": there is no library scenario "no-such-scenario" (scenarios/no-such-scenario.json)']);
    const change = readExercise('z', { ...one, arms: [one.arms[0], { name: 'B', scenario: 'track-one-only', set: { 'parties.0.power': -1 } }] });
    expect(change.ok ? [] : change.problems).toEqual(['arm "B": Government: military and political power (π): must be more than 0']);
    const oneArmChoice = readExercise('w', { ...one, arms: [one.arms[0]] });
    expect(oneArmChoice.ok ? [] : oneArmChoice.problems).toEqual(['arms: a choice compares two arms: give exactly two']);
  });
});
