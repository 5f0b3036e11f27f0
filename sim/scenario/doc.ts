import { z } from 'zod';

/** Documentation attached to every scenario field: what it means, its unit, where its default comes from. */
export interface FieldDoc {
  /** One sentence: what the field means in the model. */
  meaning: string;
  /** Unit, e.g. "per year", "ticks", "share [0,1]", "dimensionless". */
  unit: string;
  /** A citation, or the word "assumption" (with a reason where one helps). */
  source: string;
  /** Shown in the web app's parameter panel when true. */
  key?: boolean;
}

/**
 * Attaches a FieldDoc to a zod schema as metadata, so the JSON Schema, the docs and the web app's
 * parameter panel are all generated from the one definition.
 */
export function doc<T extends z.ZodType>(schema: T, d: FieldDoc): T {
  return schema.meta({ description: `${d.meaning} Unit: ${d.unit}. Source: ${d.source}.`, ...d }) as T;
}

/** Reads back the FieldDoc of a schema, if it has one. */
export function fieldDoc(schema: z.ZodType): FieldDoc | undefined {
  const m = schema.meta() as Partial<FieldDoc> | undefined;
  if (m && typeof m.meaning === 'string' && typeof m.unit === 'string' && typeof m.source === 'string') {
    return m as FieldDoc;
  }
  return undefined;
}
