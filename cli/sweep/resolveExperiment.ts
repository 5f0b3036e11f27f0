import { sweepSource, textCellIssues, type SweepSource } from '../../sim/experiments/sweepSource';
import { validateScenario } from '../../sim/index';
import { InputError } from '../command';
import { loadExperiment } from '../loadExperiment';
import { readJSON } from '../loadScenario';

/** An experiment ready to sweep (see sim/experiments/sweepSource.ts). */
export type ResolvedExperiment = SweepSource;

/**
 * Reads an experiment file for `sweep`: validates it (with what a sweep needs), reads its scenario
 * (a path relative to the experiment file, or inline) and validates that too. Every problem is a
 * line of an InputError naming the file and the field.
 */
export async function resolveExperiment(file: string): Promise<ResolvedExperiment> {
  const { experiment: e, scenarioFile } = await loadExperiment(file, { forSweep: true });
  const broken = textCellIssues(e);
  if (broken.length) throw new InputError(broken.map((i) => `${file}: ${i.path}: ${i.message}`));
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
  return sweepSource(e, base, s.scenario);
}
