import { dirname, resolve } from 'node:path';
import { formatIssues, validateExperiment, type ExperimentData } from '../sim/experiments/experiment';
import { InputError } from './command';
import { readJSON } from './loadScenario';

/** A validated experiment and the folder its file is in (a scenario path is relative to it). */
export interface LoadedExperiment {
  experiment: ExperimentData;
  file: string;
  dir: string;
  /** The scenario's file, resolved against `dir`, when `scenario` is a path. */
  scenarioFile?: string;
}

/**
 * Reads and validates an experiment file; every problem becomes one `path: message` line of an
 * InputError (exit 1). With `forSweep`, also what a sweep needs (scenario, factor paths, metrics).
 */
export async function loadExperiment(file: string, o: { forSweep?: boolean } = {}): Promise<LoadedExperiment> {
  const input = await readJSON(file);
  const r = validateExperiment(input, o);
  if (!r.ok) throw new InputError(formatIssues(r.issues).map((l) => `${file}: ${l}`));
  const dir = dirname(resolve(file));
  const scenario = r.experiment.scenario;
  return { experiment: r.experiment, file, dir, ...(typeof scenario === 'string' && { scenarioFile: resolve(dir, scenario) }) };
}
