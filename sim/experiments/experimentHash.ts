import { canonicalJSON } from '../canonicalJSON';
import type { ScenarioData } from '../scenario/schema';
import { sha256 } from '../sha256';
import type { ExperimentData } from './experiment';

const withoutSchema = <T extends object>(x: T): Omit<T, '$schema'> => {
  const { $schema: _ignored, ...rest } = x as T & { $schema?: unknown };
  return rest;
};

/**
 * SHA-256 of an experiment's canonical JSON with its validated base scenario inline: it changes
 * when anything that could change the results does (a factor, the design, a default of the base
 * scenario), and not when a file is moved or reformatted. The same in Node and the browser.
 */
export function experimentHash(experiment: ExperimentData, baseScenario: ScenarioData): string {
  const content = { ...withoutSchema(experiment), scenario: withoutSchema(baseScenario) };
  return sha256(canonicalJSON(content));
}
