import { z } from 'zod';
import { Actor, Dyad, Event, Kernel, Network, Params, Party, Scenario } from '../sim/scenario/schema';
import { fieldDoc } from '../sim/scenario/doc';
import { CALIBRATION_RECORD, CHANGED_DEFAULTS } from './calibrationRecord';

/*
 * The parameter tables of docs/ODD.md, generated from the scenario schema so that meanings, units,
 * defaults and sources are written once (in sim/scenario/schema.ts) and never typed by hand.
 * Tables sit between `<!-- params:start NAME -->` and `<!-- params:end NAME -->`; the calibrated
 * parameters between `<!-- calibration:start -->` and `<!-- calibration:end -->`.
 */

type Schema = z.ZodType;
interface Def { type: string; [k: string]: unknown }
const defOf = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** One table of docs/ODD.md: the fields of one part of the scenario format. */
export interface ParamBlock {
  name: string;
  /** JSON path prefix shown to readers, e.g. "parties[k]". */
  path: string;
  /** The object schemas whose fields the table lists (several for a union, in order). */
  objects: Array<{ variant?: string; shape: Record<string, Schema> }>;
}

const shapeOf = (o: z.ZodObject) => o.shape as unknown as Record<string, Schema>;
const variants = (u: Schema, tag: string) =>
  (defOf(u).options as z.ZodObject[]).map((o) => {
    const t = shapeOf(o)[tag];
    const values = t ? (defOf(t).values as unknown[] | undefined) : undefined;
    return { variant: values ? String(values[0]) : undefined, shape: shapeOf(o) };
  });

/** The tables, in the order docs/ODD.md shows them. */
export const PARAM_BLOCKS: readonly ParamBlock[] = [
  { name: 'scenario', path: '', objects: [{ shape: shapeOf(Scenario) }] },
  { name: 'party', path: 'parties[k]', objects: [{ shape: shapeOf(Party) }] },
  { name: 'network', path: 'network', objects: variants(Network, 'type') },
  { name: 'dyad', path: 'dyad', objects: [{ shape: shapeOf(Dyad) }] },
  { name: 'actor', path: 'actors[j]', objects: [{ shape: shapeOf(Actor) }] },
  { name: 'event', path: 'events[k]', objects: variants(Event, 'after').map((v, k) => ({ ...v, variant: ['timed', 'after settlement', 'shock'][k] })) },
  { name: 'kernel', path: 'kernel', objects: [{ shape: shapeOf(Kernel) }] },
  { name: 'params', path: 'params', objects: [{ shape: shapeOf(Params) }] },
];

/** Text safe inside a Markdown table cell: pipes escaped, HTML-like brackets and emphasis characters neutralised. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\*/g, '\\*').replace(/\n/g, ' ');
}

function code(text: string): string {
  return '`' + text.replace(/`/g, "'") + '`';
}

function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    return entries.length ? `{ ${entries.map(([k, v]) => `${k}: ${show(v)}`).join(', ')} }` : '{}';
  }
  return String(value);
}

/** The default of a field as the schema fills it in, or how it is filled when absent. */
function defaultOf(s: Schema): string {
  const d = defOf(s);
  if (d.type === 'default' || d.type === 'prefault') return code(show(d.defaultValue));
  if (d.type === 'optional') return 'none (optional)';
  if (d.type === 'literal') return `required: ${(d.values as unknown[]).map((v) => code(show(v))).join(' or ')}`;
  return 'required';
}

interface JsonSchema {
  type?: string; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number;
  enum?: unknown[]; const?: unknown; prefixItems?: JsonSchema[]; items?: JsonSchema | false; minItems?: number; maxItems?: number;
  minLength?: number; maxLength?: number; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; additionalProperties?: JsonSchema;
}

const BIG = 2 ** 53 - 1;

/** A short description of the values a field accepts, read from its JSON Schema. */
function allowed(j: JsonSchema): string {
  if (j.enum) return j.enum.map((v) => show(v)).join(' \\| ');
  if (j.const !== undefined) return show(j.const);
  if (j.anyOf || j.oneOf) return (j.anyOf ?? j.oneOf ?? []).map(allowed).join(' or ');
  switch (j.type) {
    case 'number':
    case 'integer': {
      const lo = j.exclusiveMinimum !== undefined ? `> ${j.exclusiveMinimum}` : j.minimum !== undefined && j.minimum > -BIG ? `≥ ${j.minimum}` : '';
      const hi = j.exclusiveMaximum !== undefined ? `< ${j.exclusiveMaximum}` : j.maximum !== undefined && j.maximum < BIG ? `≤ ${j.maximum}` : '';
      const kind = j.type === 'integer' ? 'integer' : 'number';
      if (j.minimum !== undefined && j.maximum !== undefined && j.maximum < BIG && j.exclusiveMinimum === undefined) {
        return `${kind} in [${j.minimum}, ${j.maximum}]`;
      }
      return [kind, lo, hi].filter(Boolean).join(' ').replace(/ (≤|<)/, ', $1');
    }
    case 'boolean':
      return 'true or false';
    case 'string':
      return j.maxLength !== undefined ? `text, ${j.minLength ?? 0}–${j.maxLength} characters` : 'text';
    case 'array':
      if (j.prefixItems) return `[${j.prefixItems.map(allowed).join(', ')}]`;
      return `list${j.maxItems !== undefined ? ` of at most ${j.maxItems}` : ''}${j.items ? ` of ${allowed(j.items)}` : ''}`;
    case 'object':
      return j.additionalProperties ? `names → ${allowed(j.additionalProperties)}` : 'object (see its table)';
    default:
      return 'see meaning';
  }
}

function jsonSchemaOf(s: Schema): JsonSchema {
  return z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** The Markdown table of one block: field, meaning, unit, default, allowed values, source. */
export function blockTable(block: ParamBlock): string {
  const rows: string[] = [
    '| Field | Meaning | Unit | Default | Allowed | Source |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  // union variants share fields (a network's type, an event's party and factor): one row each,
  // listing every variant's default and allowed values
  const merged = new Map<string, { label: string; doc: ReturnType<typeof fieldDoc>; defaults: string[]; allowed: string[] }>();
  for (const { variant, shape } of block.objects) {
    for (const [key, s] of Object.entries(shape)) {
      const name = (block.path ? `${block.path}.` : '') + key;
      const row = merged.get(key) ?? {
        label: code(name) + (variant && block.objects.length > 1 && !sharedByAll(block, key) ? ` (${variant})` : ''),
        doc: fieldDoc(s), defaults: [], allowed: [],
      };
      const d = defaultOf(s);
      const a = allowed(jsonSchemaOf(s));
      if (!row.defaults.includes(d)) row.defaults.push(d);
      if (!row.allowed.includes(a)) row.allowed.push(a);
      merged.set(key, row);
    }
  }
  for (const { label, doc, defaults, allowed: values } of merged.values()) {
    const defaultText = defaults.length > 1 && defaults.every((d) => d.startsWith('required: '))
      ? `required: ${defaults.map((d) => d.slice('required: '.length)).join(' or ')}`
      : defaults.join(' or ');
    rows.push(`| ${label} | ${cell(doc?.meaning ?? 'UNDOCUMENTED')}${doc?.key ? ' (key parameter)' : ''} | ${cell(doc?.unit ?? '')} | ${defaultText} | ${values.join(' or ')} | ${cell(doc?.source ?? '')} |`);
  }
  return rows.join('\n');
}

function sharedByAll(block: ParamBlock, key: string): boolean {
  return block.objects.every((o) => key in o.shape);
}

/** The schema field of a `params` key, or undefined. */
const paramField = (key: string): Schema | undefined => shapeOf(Params)[key];

/** The calibrated parameters (source starting with "calibrated"): value before, now, procedure, target and its source. */
export function calibrationTable(): string {
  const rows = [
    '| Parameter | Before | Now | Procedure | Target | Source of the target |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const { path, objects } of PARAM_BLOCKS) {
    for (const { shape } of objects) {
      for (const [key, s] of Object.entries(shape)) {
        const doc = fieldDoc(s);
        if (!doc || !/^calibrated/i.test(doc.source)) continue;
        const t = CALIBRATION_RECORD[key];
        rows.push(`| ${code((path ? `${path}.` : '') + key)} | ${cell(t?.before ?? 'MISSING')} | ${defaultOf(s)} | ${cell(t?.procedure ?? 'MISSING PROCEDURE')} | ${cell(t?.target ?? 'MISSING TARGET')} | ${cell(t?.source ?? doc.source)} |`);
      }
    }
  }
  return rows.join('\n');
}

/** Defaults changed from MODEL.md or from their values before the claims were added, without a calibration target: before, now, why. */
export function changedDefaultsTable(): string {
  const rows = ['| Parameter | Before | Now | Why |', '| --- | --- | --- | --- |'];
  for (const [key, c] of Object.entries(CHANGED_DEFAULTS)) {
    const s = paramField(key);
    rows.push(`| ${code(c.path ?? `params.${key}`)} | ${cell(c.before)} | ${c.now ?? (s ? defaultOf(s) : 'MISSING FIELD')} | ${cell(c.why)} |`);
  }
  return rows.join('\n');
}

/** Names of calibrated fields with no record, records naming no calibrated field, and changed defaults naming no field. */
export function calibrationProblems(): string[] {
  const calibrated = new Set<string>();
  for (const { objects } of PARAM_BLOCKS) {
    for (const { shape } of objects) {
      for (const [key, s] of Object.entries(shape)) if (/^calibrated/i.test(fieldDoc(s)?.source ?? '')) calibrated.add(key);
    }
  }
  return [
    ...[...calibrated].filter((k) => !(k in CALIBRATION_RECORD)).map((k) => `${k} is calibrated but has no target`),
    ...Object.keys(CALIBRATION_RECORD).filter((k) => !calibrated.has(k)).map((k) => `${k} has a target but its source does not say "calibrated"`),
    ...Object.entries(CHANGED_DEFAULTS).filter(([k, c]) => !c.path && !paramField(k)).map(([k]) => `${k} is listed as a changed default but is no parameter`),
  ];
}

/**
 * Every field of the scenario format (JSON path with [] for list items) that has no FieldDoc,
 * found by walking the whole schema: objects, unions, lists, tuples, defaults and optionals.
 */
export function undocumentedFields(root: Schema = Scenario): string[] {
  const out: string[] = [];
  const walk = (s: Schema, path: string) => {
    const d = defOf(s);
    switch (d.type) {
      case 'object':
        for (const [key, f] of Object.entries(shapeOf(s as z.ZodObject))) {
          const p = path ? `${path}.${key}` : key;
          if (!fieldDoc(f)) out.push(p);
          walk(f, p);
        }
        break;
      case 'union':
        for (const o of d.options as Schema[]) walk(o, path);
        break;
      case 'default':
      case 'prefault':
      case 'optional':
      case 'nullable':
        walk(d.innerType as Schema, path);
        break;
      case 'array':
        walk(d.element as Schema, `${path}[]`);
        break;
      case 'tuple':
        (d.items as Schema[]).forEach((item, k) => walk(item, `${path}[${k}]`));
        break;
      default:
        break;
    }
  };
  walk(root, '');
  return [...new Set(out)];
}

const START = (name: string) => `<!-- params:start ${name} -->`;
const END = (name: string) => `<!-- params:end ${name} -->`;
const CAL_START = '<!-- calibration:start -->';
const CAL_END = '<!-- calibration:end -->';
const CHANGED_START = '<!-- changed-defaults:start -->';
const CHANGED_END = '<!-- changed-defaults:end -->';

function replaceBetween(text: string, start: string, end: string, body: string): string {
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < 0 || b < a) throw new Error(`docs/ODD.md needs the markers ${start} … ${end}`);
  if (text.indexOf(start, a + 1) >= 0) throw new Error(`docs/ODD.md has ${start} twice`);
  return text.slice(0, a + start.length) + '\n' + body + '\n' + text.slice(b);
}

/** docs/ODD.md's text with every generated table (each params block, the calibration record and the changed defaults) regenerated. */
export function paramTables(text: string): string {
  let out = text;
  for (const block of PARAM_BLOCKS) out = replaceBetween(out, START(block.name), END(block.name), blockTable(block));
  out = replaceBetween(out, CAL_START, CAL_END, calibrationTable());
  return replaceBetween(out, CHANGED_START, CHANGED_END, changedDefaultsTable());
}
