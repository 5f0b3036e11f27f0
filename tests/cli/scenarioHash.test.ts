import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../sim/index';
import { canonicalJSON, scenarioHash } from '../../cli/scenarioHash';

const input = () => ({ format: 1, name: 'h', parties: [{ name: 'A', population: 10 }, { name: 'B', population: 10 }], network: { type: 'smallWorld', degree: 4 } });

describe('scenarioHash', () => {
  it('canonicalJSON(x) sorts keys at every level and keeps array order', () => {
    expect(canonicalJSON({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJSON({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it('scenarioHash(s) ignores key order and $schema but not values', () => {
    const a = parseScenario(input());
    const reordered = parseScenario({ network: { degree: 4, type: 'smallWorld' }, parties: input().parties, name: 'h', format: 1, $schema: './x.json' });
    expect(scenarioHash(reordered)).toBe(scenarioHash(a));
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioHash(parseScenario({ ...input(), seed: 2 }))).not.toBe(scenarioHash(a));
  });
});
