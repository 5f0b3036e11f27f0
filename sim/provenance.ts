import { canonicalJSON } from './canonicalJSON';
import type { ScenarioData } from './scenario/schema';
import { sha256 } from './sha256';
import { VERSION } from './version';

/**
 * SHA-256 (hex) of the canonical JSON of a validated scenario, defaults filled in. `$schema` only
 * points editors at the schema, so it is left out: moving a file does not change its hash. The
 * same in Node and the browser.
 */
export function scenarioHash(scenario: ScenarioData): string {
  const { $schema: _ignored, ...rest } = scenario;
  return sha256(canonicalJSON(rest));
}

/** Where a result comes from: Détente's version, the scenario (its hash and name) and the run seeds. */
export interface Provenance {
  detente: string;
  scenarioHash: string;
  scenario: string;
  seeds: number[];
}

/** The provenance that heads a JSON result (the CLI's `--format json`, the page's JSON export), in that key order. */
export function provenance(scenario: ScenarioData, seeds: readonly number[]): Provenance {
  return { detente: VERSION, scenarioHash: scenarioHash(scenario), scenario: scenario.name, seeds: [...seeds] };
}
