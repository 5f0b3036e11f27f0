/**
 * Plain data with typed arrays as bytes, the same in Node and the browser: a line of JSON (each
 * typed array replaced by `{"$typed": kind, "at": offset, "n": length}`), then the arrays' bytes,
 * each at a multiple of 8. Typed arrays stay binary, so a state with millions of ties is not
 * turned into text, and the JSON line holds only the small parts.
 */

const KINDS = {
  Float64Array, Float32Array, Int32Array, Uint32Array, Int16Array, Uint16Array, Int8Array, Uint8Array,
} as const;
type Kind = keyof typeof KINDS;
type Typed = InstanceType<(typeof KINDS)[Kind]>;

/** Arrays are stored in the byte order of little-endian machines (every browser and Node platform in use). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Bytes that are not a pack, or a damaged one. */
export class PackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PackError';
  }
}

function kindOf(x: unknown): Kind | undefined {
  if (!ArrayBuffer.isView(x) || x instanceof DataView) return undefined;
  const name = x.constructor.name;
  return name in KINDS ? (name as Kind) : undefined;
}

/** Packs `value` (plain objects, arrays, numbers, strings, booleans, null and the typed arrays of KINDS) into bytes. */
export function pack(value: unknown): Uint8Array {
  if (!LITTLE_ENDIAN) throw new PackError('saving needs a little-endian machine');
  const arrays: Typed[] = [];
  let size = 0;
  const head = JSON.stringify(value, function (this: unknown, key: string, v: unknown) {
    // the replacer sees typed arrays before JSON.stringify turns them into objects of indices
    const x = (this as Record<string, unknown>)[key];
    const kind = kindOf(x);
    if (!kind) return v;
    const t = x as Typed;
    const at = size;
    arrays.push(t);
    size += Math.ceil(t.byteLength / 8) * 8;
    return { $typed: kind, at, n: t.length };
  });
  const text = new TextEncoder().encode(`${head}\n`);
  const start = Math.ceil(text.length / 8) * 8;
  const out = new Uint8Array(start + size);
  out.set(text);
  out.fill(0x20, text.length, start);
  let at = start;
  for (const t of arrays) {
    out.set(new Uint8Array(t.buffer, t.byteOffset, t.byteLength), at);
    at += Math.ceil(t.byteLength / 8) * 8;
  }
  return out;
}

/** Unpacks bytes made by `pack`: each typed array is a copy. Throws a PackError for anything else. */
export function unpack(bytes: Uint8Array): unknown {
  if (!LITTLE_ENDIAN) throw new PackError('reading needs a little-endian machine');
  const newline = bytes.indexOf(0x0a);
  if (newline < 0) throw new PackError('no header line');
  let head: unknown;
  try {
    head = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, newline)));
  } catch {
    throw new PackError('the header is not JSON');
  }
  const start = Math.ceil((newline + 1) / 8) * 8;
  const revive = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(revive);
    if (v === null || typeof v !== 'object') return v;
    const o = v as Record<string, unknown>;
    if (typeof o.$typed === 'string') {
      const Ctor = Object.hasOwn(KINDS, o.$typed) ? KINDS[o.$typed as Kind] : undefined;
      const at = o.at;
      const n = o.n;
      if (!Ctor || !Number.isSafeInteger(at) || !Number.isSafeInteger(n) || (at as number) < 0 || (n as number) < 0 || (at as number) % 8 !== 0) throw new PackError('a damaged array entry');
      const from = start + (at as number);
      const to = from + (n as number) * Ctor.BYTES_PER_ELEMENT;
      if (to > bytes.length) throw new PackError('the file is cut short');
      // copied into an array of its own (a Node Buffer's slice would be a view of a shared pool)
      const out = new Ctor(n as number);
      new Uint8Array(out.buffer).set(bytes.subarray(from, to));
      return out;
    }
    const out: Record<string, unknown> = {};
    // own keys only, and never through a setter: a "__proto__" key stays a plain key
    for (const k of Object.keys(o)) Object.defineProperty(out, k, { value: revive(o[k]), enumerable: true, writable: true, configurable: true });
    return out;
  };
  return revive(head);
}
