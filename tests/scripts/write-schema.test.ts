import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXPERIMENT_SCHEMA_FILE, experimentSchemaText, SCHEMA_FILE, scenarioSchemaText } from '../../scripts/write-schema';

type Node = Record<string, unknown>;

describe('scenarioSchemaText', () => {
  it('scenarioSchemaText() equals the committed scenarios/scenario.schema.json (run `npm run schema` after changing the zod schema)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(scenarioSchemaText());
  });

  it('scenarioSchemaText() keeps every parameter\'s meaning, unit and source and its default', () => {
    const schema = JSON.parse(scenarioSchemaText()) as Node;
    const params = ((schema.properties as Record<string, Node>).params.properties) as Record<string, Node>;
    expect(Object.keys(params).length).toBeGreaterThan(20);
    for (const [name, p] of Object.entries(params)) {
      expect(typeof p.meaning, name).toBe('string');
      expect(typeof p.unit, name).toBe('string');
      expect(typeof p.source, name).toBe('string');
      expect(p.default, name).toBeDefined();
    }
  });

  it('scenarioSchemaText() describes the input side: only format, name and parties are required', () => {
    const schema = JSON.parse(scenarioSchemaText()) as Node;
    expect([...(schema.required as string[])].sort()).toEqual(['format', 'name', 'parties']);
    expect(schema.additionalProperties).toBe(false);
  });
});

/** Every property of every object in a JSON Schema, with its path. */
function properties(node: unknown, path = ''): Array<[string, Node]> {
  if (Array.isArray(node)) return node.flatMap((n, i) => properties(n, `${path}[${i}]`));
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Node;
  const own = n.properties ? Object.entries(n.properties as Record<string, Node>).map(([k, v]): [string, Node] => [`${path}.${k}`, v]) : [];
  return [...own, ...Object.entries(n).flatMap(([k, v]) => properties(v, `${path}/${k}`))];
}

describe('experimentSchemaText', () => {
  it('experimentSchemaText() equals the committed scenarios/experiments/experiment.schema.json (run `npm run schema` after changing the zod schema)', () => {
    expect(readFileSync(EXPERIMENT_SCHEMA_FILE, 'utf8')).toBe(experimentSchemaText());
  });

  it('experimentSchemaText() documents every field of an experiment file (meaning, unit, source)', () => {
    const all = properties(JSON.parse(experimentSchemaText()));
    expect(all.length).toBeGreaterThan(25);
    for (const [path, p] of all) {
      expect(typeof p.meaning, path).toBe('string');
      expect(typeof p.unit, path).toBe('string');
      expect(typeof p.source, path).toBe('string');
    }
  });

  it('experimentSchemaText() requires only factors, design and seed (scenario, paths and metrics are required by sweep alone)', () => {
    const schema = JSON.parse(experimentSchemaText()) as Node;
    expect([...(schema.required as string[])].sort()).toEqual(['design', 'factors', 'seed']);
  });
});
