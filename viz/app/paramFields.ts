import { z } from 'zod';
import { fieldDoc, type FieldDoc } from '../../sim/scenario/doc';
import { Actor, Dyad, Kernel, Params, Party, Scenario } from '../../sim/scenario/schema';

/** An input generated from the schema: where it writes, its documentation and its kind. */
export interface ParamField {
  /** Path in the scenario, as validation issues name it (e.g. ['parties', 1, 'power']). */
  path: (string | number)[];
  key: string;
  doc: FieldDoc;
  kind: 'number' | 'choice' | 'boolean' | 'text';
  min?: number;
  max?: number;
  integer?: boolean;
  options?: string[];
}

/** camelCase → "camel case", for labels; the field name is the label so it matches the file and the docs. */
export function fieldLabel(key: string): string {
  return key.replace(/([a-z])([A-Z0-9])/g, '$1 $2').toLowerCase();
}

function innermost(s: z.ZodType): z.ZodType {
  let cur = s as z.ZodType & { def: { type: string; innerType?: z.ZodType } };
  while ((cur.def.type === 'default' || cur.def.type === 'optional' || cur.def.type === 'prefault') && cur.def.innerType) {
    cur = cur.def.innerType as typeof cur;
  }
  return cur;
}

/** Describes one schema field as an input, or undefined when it has no FieldDoc or no simple input. */
export function describeField(schema: z.ZodType, path: (string | number)[], key: string): ParamField | undefined {
  const doc = fieldDoc(schema);
  if (!doc) return undefined;
  const inner = innermost(schema) as z.ZodType & { def: { type: string } };
  switch (inner.def.type) {
    case 'number': {
      const n = inner as unknown as z.ZodNumber;
      const finite = (v: number | null) => (v !== null && Math.abs(v) < 1e15 ? v : undefined);
      return { path, key, doc, kind: 'number', min: finite(n.minValue), max: finite(n.maxValue), integer: n.isInt };
    }
    case 'enum':
      return { path, key, doc, kind: 'choice', options: (inner as unknown as z.ZodEnum).options.map(String) };
    case 'boolean':
      return { path, key, doc, kind: 'boolean' };
    case 'string':
      return { path, key, doc, kind: 'text' };
    default:
      return undefined;
  }
}

function fieldsOf(shape: Record<string, z.ZodType>, prefix: (string | number)[], onlyKey: boolean, skip: readonly string[] = []): ParamField[] {
  return Object.entries(shape).flatMap(([key, s]) => {
    if (skip.includes(key)) return [];
    const f = describeField(s, [...prefix, key], key);
    return f && (!onlyKey || f.doc.key) ? [f] : [];
  });
}

/** A titled group of inputs. */
export interface FieldGroup {
  title: string;
  fields: ParamField[];
}

/**
 * The key parameters (FieldDoc `key: true`) of a scenario, grouped: run, each party, the dyad,
 * the rules, the proximity kernel. With `all`, every documented simple field. Seed and actors have
 * their own controls.
 */
export function paramGroups(partyNames: readonly string[], all = false): FieldGroup[] {
  return [
    { title: 'Run', fields: fieldsOf(Scenario.shape as unknown as Record<string, z.ZodType>, [], !all, ['seed', 'name', 'description', 'format', '$schema']) },
    ...partyNames.map((name, k) => ({ title: `Party: ${name}`, fields: fieldsOf(Party.shape, ['parties', k], !all, ['name']) })),
    { title: 'Relations at the start', fields: fieldsOf(Dyad.shape, ['dyad'], !all) },
    { title: 'Rules', fields: fieldsOf(Params.shape, ['params'], !all) },
    { title: 'Proximity kernel', fields: fieldsOf(Kernel.shape, ['kernel'], !all) },
  ].filter((g) => g.fields.length);
}

/** The actor fields the track-mix panel edits, from the Actor schema. */
export const TRACK_MIX_FIELDS = ['capacity', 'entry', 'commitment', 'leaveAt'] as const;

/** Input descriptions of the track-mix fields for actors of a track. */
export function actorFields(): ParamField[] {
  return TRACK_MIX_FIELDS.map((k) => describeField(Actor.shape[k], [k], k)).filter((f): f is ParamField => !!f);
}
