import { Scenario, type ScenarioData } from '../../sim/scenario/schema';
import type { ValidationIssue } from '../../sim/scenario/validate';

/** A scenario with its defaults filled in, as the page edits it (plain JSON, so paths can write into it). */
export type EditableScenario = ScenarioData & Record<string, unknown>;

/**
 * Fills defaults and checks the structure on the main thread (zod only); the worker's full
 * validation (names, kernel, memory) follows before anything runs.
 */
export function fillScenario(json: unknown): { ok: true; scenario: EditableScenario } | { ok: false; issues: ValidationIssue[] } {
  const r = Scenario.safeParse(json);
  return r.success
    ? { ok: true, scenario: structuredClone(r.data) as EditableScenario }
    : { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) };
}
