import type { z } from 'zod';
import { Scenario } from '../scenario/schema';
import type { Override } from '../scenario/overrides';
import type { FactorData } from './experiment';

type Def = { type: string; innerType?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; items?: z.ZodType[]; options?: z.ZodType[]; valueType?: z.ZodType; in?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas a path segment can lead to from `s` (several through a union such as the network's kinds). */
function child(s: z.ZodType, seg: string): z.ZodType[] {
  const d = defOf(s);
  switch (d.type) {
    case 'default': case 'prefault': case 'optional': case 'nullable': case 'readonly': case 'catch':
      return child(d.innerType as z.ZodType, seg);
    case 'pipe':
      return child(d.in as z.ZodType, seg);
    case 'object':
      // own fields only: `in` also finds "constructor" and "__proto__" on every object
      return d.shape && Object.hasOwn(d.shape, seg) ? [d.shape[seg]] : [];
    case 'array':
      return /^\d+$/.test(seg) ? [d.element as z.ZodType] : [];
    case 'tuple':
      return /^\d+$/.test(seg) && d.items && Number(seg) < d.items.length ? [d.items[Number(seg)]] : [];
    case 'union':
      return (d.options ?? []).flatMap((o) => child(o, seg));
    case 'record':
      return [d.valueType as z.ZodType];
    default:
      return [];
  }
}

function isInt(s: z.ZodType): boolean {
  const d = defOf(s);
  if (['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch'].includes(d.type)) return isInt(d.innerType as z.ZodType);
  return d.type === 'number' && (s as unknown as { isInt?: boolean }).isInt === true;
}

/** Whether the scenario field at this path (`--set` segments) holds whole numbers only, so a factor on it is rounded. */
export function isIntegerField(path: readonly string[]): boolean {
  let here: z.ZodType[] = [Scenario];
  for (const seg of path) here = here.flatMap((s) => child(s, seg));
  return here.length > 0 && here.every(isInt);
}

/**
 * The overrides that put a design point into a scenario: each factor's value at its path, rounded
 * to the nearest whole number on an integer field (a population, a tick, a degree). Apply them
 * with `applyOverrides` to the base scenario as read, then validate the result like a file.
 * Every factor must have a path (`validateExperiment(…, { forSweep: true })`).
 */
export function pointOverrides(factors: readonly FactorData[], values: ReadonlyArray<number | string>): Override[] {
  return factors.map((f, j) => {
    const path = (f.path as string).split('.');
    const v = values[j];
    return { path, value: typeof v === 'number' && isIntegerField(path) ? Math.round(v) : v };
  });
}
