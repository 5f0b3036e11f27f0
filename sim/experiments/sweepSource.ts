import { scenarioHash } from '../provenance';
import type { ScenarioData } from '../scenario/schema';
import type { ValidationIssue } from '../scenario/issues';
import type { ExperimentData } from './experiment';
import { experimentHash } from './experimentHash';

/** An experiment ready to sweep: validated, with its base scenario as read and validated, and hashed. */
export interface SweepSource {
  /**
   * The experiment with defaults filled and its scenario inline, as read (so it is itself a valid
   * experiment file that needs no other file).
   */
  experiment: ExperimentData;
  /** The base scenario as read: each point's values are set on it, as `--set` sets them on a file. */
  base: unknown;
  /** The base scenario validated (defaults filled). */
  baseScenario: ScenarioData;
  /** SHA-256 of the base scenario's canonical JSON, as `detente run --format json` reports it. */
  scenarioHash: string;
  /** See `experimentHash`. */
  experimentHash: string;
}

/**
 * Text values of factors that a sweep's tables could not hold: they are read back line by line (to
 * resume, to merge), so a value spanning lines would split its row.
 */
export function textCellIssues(e: ExperimentData): ValidationIssue[] {
  return e.factors.flatMap((f, j) => (f.values ?? []).flatMap((v, i) => (typeof v === 'string' && /[\u0000-\u001f\u007f]/.test(v)
    ? [{ path: `factors.${j}.values.${i}`, message: 'must not contain line breaks or other control characters (it becomes a cell of runs.csv)' }]
    : [])));
}

/** The sweep of experiment `e` (valid for sweep) on `base`, the scenario as read, which validated as `baseScenario`. */
export function sweepSource(e: ExperimentData, base: unknown, baseScenario: ScenarioData): SweepSource {
  return {
    experiment: { ...e, scenario: base as Record<string, unknown> },
    base,
    baseScenario,
    scenarioHash: scenarioHash(baseScenario),
    experimentHash: experimentHash(e, baseScenario),
  };
}
