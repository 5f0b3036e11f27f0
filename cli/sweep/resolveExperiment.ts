import type { ExperimentData } from '../../sim/experiments/experiment';
import { canonicalJSON, scenarioHash, sha256, validateScenario, type ScenarioData } from '../../sim/index';
import { InputError } from '../command';
import { loadExperiment } from '../loadExperiment';
import { readJSON } from '../loadScenario';

/** An experiment ready to sweep: validated, its base scenario read and validated, and hashed. */
export interface ResolvedExperiment {
  /**
   * The experiment with defaults filled and its scenario inline, as read from its file (so it is
   * itself a valid experiment file that needs no other file).
   */
  experiment: ExperimentData;
  /** The base scenario as read: each point's values are set on it, as `--set` sets them on a file. */
  base: unknown;
  /** The base scenario validated (defaults filled). */
  baseScenario: ScenarioData;
  /** SHA-256 of the base scenario's canonical JSON, as `detente run --format json` reports it. */
  scenarioHash: string;
  /**
   * SHA-256 of the experiment's canonical JSON with the validated base scenario inline: it changes
   * when anything that could change the results does (a factor, the design, a default of the base
   * scenario), and not when a file is moved or reformatted.
   */
  experimentHash: string;
}

const withoutSchema = <T extends object>(x: T): Omit<T, '$schema'> => {
  const { $schema: _ignored, ...rest } = x as T & { $schema?: unknown };
  return rest;
};

/** The hash of a resolved experiment (see ResolvedExperiment.experimentHash). */
export function experimentHash(experiment: ExperimentData, baseScenario: ScenarioData): string {
  const content = { ...withoutSchema(experiment), scenario: withoutSchema(baseScenario) };
  return sha256(canonicalJSON(content));
}

/**
 * Reads an experiment file for `sweep`: validates it (with what a sweep needs), reads its scenario
 * (a path relative to the experiment file, or inline) and validates that too. Every problem is a
 * line of an InputError naming the file and the field.
 */
export async function resolveExperiment(file: string): Promise<ResolvedExperiment> {
  const { experiment: e, scenarioFile } = await loadExperiment(file, { forSweep: true });
  // a sweep's tables are read back line by line (to resume, to merge): a value spanning lines would split its row
  const broken = e.factors.flatMap((f, j) => (f.values ?? []).flatMap((v, i) => (typeof v === 'string' && /[\u0000-\u001f\u007f]/.test(v) ? [`${file}: factors.${j}.values.${i}: must not contain line breaks or other control characters (it becomes a cell of runs.csv)`] : [])));
  if (broken.length) throw new InputError(broken);
  let base: unknown;
  let where: string;
  if (scenarioFile !== undefined) {
    where = scenarioFile;
    base = await readJSON(where);
  } else {
    where = `${file} (its inline scenario)`;
    base = e.scenario;
  }
  const s = validateScenario(base);
  if (!s.ok) throw new InputError([`${where}: the experiment's base scenario is invalid:`, ...s.issues.map((i) => `${where}: ${i.path || '(scenario)'}: ${i.message}`)]);
  return {
    experiment: { ...e, scenario: base as Record<string, unknown> },
    base,
    baseScenario: s.scenario,
    scenarioHash: scenarioHash(s.scenario),
    experimentHash: experimentHash(e, s.scenario),
  };
}
