import { createHash } from 'node:crypto';
import type { ScenarioData } from '../sim/index';

/** JSON with object keys sorted at every level, so equal scenarios give equal text. */
export function canonicalJSON(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map((v) => canonicalJSON(v ?? null)).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    const keys = Object.keys(x).filter((k) => (x as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON((x as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(x);
}

/**
 * SHA-256 (hex) of the canonical JSON of a validated scenario, defaults filled in. `$schema` only
 * points editors at the schema, so it is left out: moving a file does not change its hash.
 */
export function scenarioHash(scenario: ScenarioData): string {
  const { $schema: _ignored, ...rest } = scenario;
  return createHash('sha256').update(canonicalJSON(rest)).digest('hex');
}
