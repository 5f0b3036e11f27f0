import { describe, expect, it } from 'vitest';
import { Actor, Dyad, Kernel, Params, Party, Scenario } from '../../../sim/scenario/schema';
import { fieldDoc } from '../../../sim/scenario/doc';
import { fieldDoc as fieldDocFromIndex } from '../../../sim/index';
import type { z } from 'zod';

/** The FieldDoc of a field, looking through the default/optional wrappers zod puts around it. */
function docOf(schema: z.ZodType): ReturnType<typeof fieldDoc> {
  let s: z.ZodType | undefined = schema;
  for (let depth = 0; s && depth < 5; depth++) {
    const d = fieldDoc(s);
    if (d) return d;
    s = (s as unknown as { unwrap?: () => z.ZodType }).unwrap?.();
  }
  return undefined;
}

describe('Scenario schema documentation', () => {
  const blocks: Array<[string, { shape: Record<string, z.ZodType> }]> = [
    ['parties.*', Party], ['actors.*', Actor], ['dyad', Dyad], ['kernel', Kernel], ['params', Params],
  ];
  for (const [block, schema] of blocks) {
    it(`every field of ${block} documents its meaning, unit and source`, () => {
      for (const [key, field] of Object.entries(schema.shape)) {
        const d = docOf(field);
        expect(d, `${block}.${key}`).toBeDefined();
        expect(d!.meaning.length, `${block}.${key}`).toBeGreaterThan(10);
        expect(d!.unit.length, `${block}.${key}`).toBeGreaterThan(0);
        expect(d!.source.length, `${block}.${key}`).toBeGreaterThan(0);
      }
    });
  }

  it('every defaulted top-level field documents itself', () => {
    for (const key of ['format', 'name', 'mode', 'ticksPerYear', 'ticks', 'seed']) {
      expect(docOf((Scenario.shape as Record<string, z.ZodType>)[key]), key).toBeDefined();
    }
  });

  it('fieldDoc() is exported from the public API', () => {
    expect(fieldDocFromIndex).toBe(fieldDoc);
  });
});
