/** JSON with object keys sorted at every level, so equal values give equal text. */
export function canonicalJSON(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map((v) => canonicalJSON(v ?? null)).join(',')}]`;
  if (x !== null && typeof x === 'object') {
    const keys = Object.keys(x).filter((k) => (x as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJSON((x as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(x);
}
