import { columnNames } from '../observe/observedColumns';
import { applyOverrides, OverrideError, type Override } from '../scenario/overrides';
import type { ScenarioData } from '../scenario/schema';
import { validateScenario, type ValidationIssue } from '../scenario/validate';
import type { ExperimentData } from './experiment';
import { outputIssues } from './metrics';
import { pointOverrides } from './pointOverrides';

/** What a sweep needs of an experiment to build a point's scenario. */
export type PointExperiment = Pick<ExperimentData, 'factors' | 'seed' | 'ticks' | 'metrics' | 'series'>;

/** A point's scenario, or every problem with it (paths in the scenario, or the experiment's metrics). */
export type PointScenario = { ok: true; scenario: ScenarioData } | { ok: false; issues: ValidationIssue[] };

/**
 * The scenario of one design point: the base scenario as read from its file (`base`), with the
 * experiment's seed and ticks, then each factor's value set at its path (rounded on whole-number
 * fields) exactly as `detente run --seed S --ticks T --set path=value…` would, and validated like
 * a file. The experiment's metrics and series must name columns the scenario's runs have.
 */
export function pointScenario(base: unknown, e: PointExperiment, values: ReadonlyArray<number | string>): PointScenario {
  const overrides: Override[] = [
    { path: ['seed'], value: e.seed },
    ...(e.ticks !== undefined ? [{ path: ['ticks'], value: e.ticks }] : []),
    ...pointOverrides(e.factors, values),
  ];
  let input: unknown;
  try {
    input = applyOverrides(base, overrides);
  } catch (err) {
    if (err instanceof OverrideError) return { ok: false, issues: [{ path: err.path, message: err.message.slice(`${err.path || '(override)'}: `.length) }] };
    throw err;
  }
  const r = validateScenario(input);
  if (!r.ok) return r;
  const issues = outputIssues(columnNames(r.scenario.parties.map((p) => p.name)), e.metrics, e.series);
  return issues.length ? { ok: false, issues } : r;
}
