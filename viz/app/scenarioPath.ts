/** A place in a scenario, as validation issues name it: `['parties', 1, 'power']`. */
export type ScenarioPath = readonly (string | number)[];

/** The value at `path` in `obj`, or undefined when any step is missing. */
export function getPath(obj: unknown, path: ScenarioPath): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k as string], obj);
}

/** Writes `value` at `path` in `obj` (whose parents must exist); undefined deletes the key, so optional fields can be cleared. */
export function setPath(obj: Record<string, unknown>, path: ScenarioPath, value: unknown): void {
  let o = obj;
  for (const k of path.slice(0, -1)) o = o[k as string] as Record<string, unknown>;
  const last = path[path.length - 1] as string;
  if (value === undefined) delete o[last];
  else o[last] = value;
}
