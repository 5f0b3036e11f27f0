import { z } from 'zod';
import { Actor, Dyad, Params, Party } from '../../sim/scenario/schema';

/** A numeric field's allowed range, read from the zod schema (so a new field is covered as soon as it exists). */
export interface Bounds {
  lo: number;
  hi: number;
  integer: boolean;
}

type JsonNumber = { type?: string; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number };

/** Largest value tried for a field the schema leaves unbounded above. */
const UNBOUNDED = 1e300;

function boundsOf(j: JsonNumber): Bounds {
  const integer = j.type === 'integer';
  const lo = j.minimum ?? (j.exclusiveMinimum !== undefined ? (integer ? j.exclusiveMinimum + 1 : j.exclusiveMinimum === 0 ? Number.MIN_VALUE : j.exclusiveMinimum * (1 + Number.EPSILON)) : -UNBOUNDED);
  const hi = j.maximum ?? (integer ? Number.MAX_SAFE_INTEGER : UNBOUNDED);
  return { lo, hi, integer };
}

/** The numeric (number and integer) fields of a zod object, with their bounds; tuples and enums are left to the caller. */
export function numericBounds(schema: z.ZodObject): Record<string, Bounds> {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties: Record<string, JsonNumber> };
  const out: Record<string, Bounds> = {};
  for (const [name, field] of Object.entries(json.properties)) {
    if (field.type === 'number' || field.type === 'integer') out[name] = boundsOf(field);
  }
  return out;
}

export const PARAM_BOUNDS = numericBounds(Params);
export const PARTY_BOUNDS = numericBounds(Party);
export const ACTOR_BOUNDS = numericBounds(Actor);
export const DYAD_BOUNDS = numericBounds(Dyad);
