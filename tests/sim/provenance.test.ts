import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { canonicalJSON, parseScenario, provenance, replicateSeed, scenarioHash, VERSION } from '../../sim/index';

const input = () => ({ format: 1, name: 'h', parties: [{ name: 'A', population: 10 }, { name: 'B', population: 10 }], network: { type: 'smallWorld', degree: 4 } });

describe('canonicalJSON()', () => {
  it('canonicalJSON(x) sorts keys at every level and keeps array order', () => {
    expect(canonicalJSON({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"e":2,"f":1}]},"b":1}');
    expect(canonicalJSON({ a: 1, b: undefined })).toBe('{"a":1}');
  });
});

describe('scenarioHash()', () => {
  it('scenarioHash(s) ignores key order and $schema but not values', () => {
    const a = parseScenario(input());
    const reordered = parseScenario({ network: { degree: 4, type: 'smallWorld' }, parties: input().parties, name: 'h', format: 1, $schema: './x.json' });
    expect(scenarioHash(reordered)).toBe(scenarioHash(a));
    expect(scenarioHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(scenarioHash(parseScenario({ ...input(), seed: 2 }))).not.toBe(scenarioHash(a));
  });

  it('scenarioHash(s) is the SHA-256 node:crypto gives of the canonical JSON, as the command line computed it before, for every library scenario', () => {
    const dir = new URL('../../scenarios/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'));
    expect(files.length).toBeGreaterThanOrEqual(12);
    for (const f of files) {
      const s = parseScenario(JSON.parse(readFileSync(new URL(f, dir), 'utf8')));
      const { $schema: _ignored, ...rest } = s;
      expect(scenarioHash(s), f).toBe(createHash('sha256').update(canonicalJSON(rest)).digest('hex'));
    }
  });
});

describe('provenance()', () => {
  it('provenance(s, seeds) gives the version, the scenario\'s hash and name, and the seeds, in that order', () => {
    const s = parseScenario(input());
    const seeds = [0, 1, 2].map((r) => replicateSeed(s.seed, r));
    const p = provenance(s, seeds);
    expect(Object.keys(p)).toEqual(['detente', 'scenarioHash', 'scenario', 'seeds']);
    expect(p).toEqual({ detente: VERSION, scenarioHash: scenarioHash(s), scenario: 'h', seeds });
  });
});

describe('scenarioHash() and startYear', () => {
  it('scenarioHash(s) leaves out an absent startYear, so scenarios written before the field keep their hash', () => {
    const s = parseScenario(input());
    expect('startYear' in s).toBe(false);
    expect(canonicalJSON(s)).not.toContain('startYear');
    expect(scenarioHash(parseScenario({ ...input(), startYear: 1960 }))).not.toBe(scenarioHash(s));
  });
});
