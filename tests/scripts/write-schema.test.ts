import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE, scenarioSchemaText } from '../../scripts/write-schema';

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
