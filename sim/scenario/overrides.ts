/*
 * `--set path=value` overrides of a scenario as read from its file, before validation. Paths are
 * dot-separated with 0-based array indices, the same form validation issues use, so an error
 * about `parties.1.power` can be fixed with `--set parties.1.power=…`.
 */

/** One override: the path's segments and the value to put there. */
export interface Override {
  path: string[];
  value: unknown;
}

/** Thrown for an override that cannot be parsed or applied; `path` names the field at fault. */
export class OverrideError extends Error {
  constructor(readonly path: string, message: string) {
    super(`${path || '(override)'}: ${message}`);
    this.name = 'OverrideError';
  }
}

const INDEX = /^(0|[1-9][0-9]*)$/;
// Segments that would reach an object's prototype rather than a field of the scenario.
const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/**
 * Parses `path=value`. The value is read as JSON when it parses as JSON (`2`, `true`, `"text"`,
 * `[3, 6]`), and as a plain string otherwise (`1/(1+d)^2`, `Rebels`).
 */
export function parseOverride(text: string): Override {
  const eq = text.indexOf('=');
  if (eq < 0) throw new OverrideError(text, 'an override is path=value (for example parties.1.power=2); there is no "="');
  const raw = text.slice(0, eq).trim();
  if (!raw) throw new OverrideError('', `the path before "=" is empty in "${text}"`);
  const path = raw.split('.');
  path.forEach((seg, k) => {
    if (!seg) throw new OverrideError(raw, `empty segment at position ${k + 1} of the path`);
    if (FORBIDDEN.has(seg)) throw new OverrideError(raw, `"${seg}" is not a scenario field`);
  });
  const source = text.slice(eq + 1);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch {
    value = source;
  }
  return { path, value };
}

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return 'an array';
  return typeof x === 'object' ? 'an object' : `a ${typeof x}`;
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** A one-level copy of an array or object (anything else as is), so a write below it leaves the input alone. */
function shallowCopy(x: unknown): unknown {
  if (Array.isArray(x)) return x.slice();
  return isRecord(x) ? { ...x } : x;
}

/**
 * Sets `o.value` at `o.path` inside `target` (mutated; each array or object along the path is
 * replaced by a shallow copy first, so the caller's input is never written to). Missing objects along the way are created,
 * since a file may leave out whole sections (`kernel`, `params`) that have defaults; an index
 * beyond an array's end, an index into something that is not an array, or a path through a
 * number, string, boolean or null is an OverrideError naming the path.
 */
function setAt(target: Record<string, unknown>, o: Override): void {
  let node: unknown = target;
  for (let k = 0; k < o.path.length; k++) {
    const seg = o.path[k];
    const here = o.path.slice(0, k + 1).join('.');
    const parent = o.path.slice(0, k).join('.') || '(scenario)';
    const last = k === o.path.length - 1;
    if (Array.isArray(node)) {
      if (!INDEX.test(seg)) throw new OverrideError(here, `${parent} is an array; use a 0-based index, not "${seg}"`);
      const i = Number(seg);
      if (i >= node.length) {
        throw new OverrideError(here, `no element ${i}: ${parent} has ${node.length} element${node.length === 1 ? '' : 's'}${node.length ? ` (indices 0…${node.length - 1})` : ''}`);
      }
      if (last) node[i] = o.value;
      else node = node[i] = shallowCopy(node[i]);
    } else if (isRecord(node)) {
      if (last) {
        node[seg] = o.value;
      } else {
        if (!Object.hasOwn(node, seg) || node[seg] === undefined) {
          const next = o.path[k + 1];
          if (INDEX.test(next)) throw new OverrideError(`${here}.${next}`, `no element ${next}: ${here} is missing from the scenario`);
          node[seg] = {};
        }
        node = node[seg] = shallowCopy(node[seg]);
      }
    } else {
      throw new OverrideError(o.path.join('.'), `${parent} is ${describe(node)}, not an object or array, so it has no field "${seg}"`);
    }
  }
}

/**
 * Applies overrides in order to a copy of a scenario as parsed from JSON (the input is not
 * changed). The result still has to be validated, exactly like a file. Only the objects along each
 * path are copied: a deep clone of the whole input overflowed the stack on a hostile, deeply nested file.
 */
export function applyOverrides(input: unknown, overrides: readonly Override[]): unknown {
  if (!overrides.length) return input;
  if (!isRecord(input)) throw new OverrideError('', `the scenario is ${describe(input)}, not an object, so overrides cannot apply`);
  const copy = { ...input };
  for (const o of overrides) setAt(copy, o);
  return copy;
}
