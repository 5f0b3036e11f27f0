import { applyOverrides } from '../../../sim/scenario/overrides';
import { fillScenario, type EditableScenario } from '../fillScenario';
import { plainIssue, plainMessage } from '../plainIssue';
import { scenarioLibrary } from '../scenarioLibrary';
import { Exercise, type ExerciseData } from './exerciseSchema';

/** An exercise file of scenarios/exercises/: its id (file name without .json) and the exercise, or why it cannot be used. */
export type ExerciseEntry = { id: string; ok: true; exercise: ExerciseData } | { id: string; ok: false; problems: string[] };

const files = import.meta.glob('../../../scenarios/exercises/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

/**
 * The scenarios of an exercise's arms: each library scenario with the arm's changes and the
 * exercise's seed, validated (zod) and with defaults filled in. Throws an Error naming the arm
 * and what is wrong.
 */
export function armScenarios(e: ExerciseData): EditableScenario[] {
  return e.arms.map((arm) => {
    const entry = scenarioLibrary.find((s) => s.id === arm.scenario);
    if (!entry) throw new Error(`arm "${arm.name}": there is no library scenario "${arm.scenario}" (scenarios/${arm.scenario}.json)`);
    const changed = applyOverrides(entry.json, [...Object.entries(arm.set).map(([path, value]) => ({ path: path.split('.'), value })), { path: ['seed'], value: e.seed }]);
    const r = fillScenario(changed);
    if (!r.ok) throw new Error(`arm "${arm.name}": ${r.issues.map((i) => plainIssue(i, changed as object)).join('; ')}`);
    return r.scenario;
  });
}

/** Reads and checks one exercise file's JSON. */
export function readExercise(id: string, json: unknown): ExerciseEntry {
  const r = Exercise.safeParse(json);
  if (!r.success) return { id, ok: false, problems: r.error.issues.map((i) => `${i.path.join('.') || 'exercise'}: ${plainMessage(i.message)}`) };
  try {
    armScenarios(r.data);
  } catch (e) {
    return { id, ok: false, problems: [(e as Error).message] };
  }
  return { id, ok: true, exercise: r.data };
}

/** Every exercise in scenarios/exercises/, by file name. */
export const exerciseLibrary: ExerciseEntry[] = Object.entries(files)
  .map(([path, json]) => readExercise(path.replace(/^.*\//, '').replace(/\.json$/, ''), json))
  .sort((a, b) => a.id.localeCompare(b.id));
