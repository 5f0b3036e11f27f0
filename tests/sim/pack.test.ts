import { describe, expect, it } from 'vitest';
import { pack, PackError, unpack } from '../../sim/pack';

describe('pack() and unpack()', () => {
  it('unpack(pack(x)) gives back plain data with typed arrays of every kind, views included, as copies', () => {
    const buffer = new Float32Array([9, 1.5, -2, 9]);
    const x = {
      a: 1, b: 'text\nwith a newline', c: [true, null, { d: new Float64Array([Math.PI, -0, 1e300]) }],
      e: new Int32Array([-1, 2 ** 31 - 1]), f: new Uint8Array([1, 2, 3]), g: buffer.subarray(1, 3), h: new Float64Array(0),
    };
    const y = unpack(pack(x)) as typeof x;
    expect(y).toEqual(x);
    expect(y.g).toBeInstanceOf(Float32Array);
    expect(Array.from(y.g)).toEqual([1.5, -2]);
    expect(Object.is((y.c[2] as { d: Float64Array }).d[1], -0)).toBe(true);
    y.e[0] = 5;
    expect(x.e[0]).toBe(-1);
    // from a Node Buffer (as files are read), whose slices share one memory pool
    const z = unpack(Buffer.concat([Buffer.from('pad'), pack(x)]).subarray(3)) as typeof x;
    expect(z).toEqual(x);
    expect(z.g.buffer.byteLength).toBe(8);
  });

  it('unpack() keeps a "__proto__" key as a plain field and refuses what pack did not make', () => {
    const y = unpack(new TextEncoder().encode('{"__proto__":{"polluted":1}}\n')) as Record<string, unknown>;
    expect(Object.hasOwn(y, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    for (const bad of ['no newline', '{"a":\n', '{"x":{"$typed":"Float64Array","at":0,"n":99}}\n', '{"x":{"$typed":"Function","at":0,"n":0}}\n', '{"x":{"$typed":"Uint8Array","at":-8,"n":1}}\n']) {
      expect(() => unpack(new TextEncoder().encode(bad)), bad).toThrow(PackError);
    }
    expect(() => unpack(Uint8Array.from([0xff, 0xfe, 0x0a]))).toThrow(PackError);
  });
});
