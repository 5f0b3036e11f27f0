import { JOE_KUO_DIMENSIONS, joeKuo } from './joeKuo';

/** Bits of each coordinate: points repeat after 2^32, far beyond any design here. */
const BITS = 32;

/**
 * Direction numbers v_1…v_32 of one dimension, as 32-bit fractions (v_i = m_i / 2^i), from the
 * primitive polynomial's recurrence (Bratley & Fox 1988; Joe & Kuo 2008).
 */
function directions(dim: number): Uint32Array {
  const v = new Uint32Array(BITS + 1);
  if (dim === 0) {
    for (let i = 1; i <= BITS; i++) v[i] = 2 ** (BITS - i);
    return v;
  }
  const { s, a, m } = joeKuo[dim - 1];
  for (let i = 1; i <= Math.min(s, BITS); i++) v[i] = m[i - 1] * 2 ** (BITS - i);
  for (let i = s + 1; i <= BITS; i++) {
    let x = v[i - s] ^ (v[i - s] >>> s);
    for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[i - k];
    v[i] = x;
  }
  return v;
}

/** Options of `sobolPoints`. */
export interface SobolPointsOptions {
  dimensions: number;
  /** Index of the first point (0 is the origin). */
  from: number;
  count: number;
}

/**
 * Points `from`…`from + count − 1` of the unscrambled Sobol' sequence in [0, 1)^dimensions, in
 * Gray-code order (Antonov & Saleev 1979), the order scipy.stats.qmc.Sobol and SALib use: row-major,
 * `count × dimensions`. At most JOE_KUO_DIMENSIONS dimensions.
 */
export function sobolPoints(o: SobolPointsOptions): Float64Array {
  const { dimensions: d, from, count } = o;
  if (!(Number.isInteger(d) && d >= 1 && d <= JOE_KUO_DIMENSIONS)) throw new RangeError(`a Sobol' sequence here has 1 to ${JOE_KUO_DIMENSIONS} dimensions; got ${d}`);
  if (!(Number.isInteger(from) && from >= 0 && Number.isInteger(count) && count >= 0 && from + count <= 2 ** BITS)) throw new RangeError(`points ${from}…${from + count - 1} are outside the sequence's 2^${BITS}`);
  const out = new Float64Array(count * d);
  const v = Array.from({ length: d }, (_, j) => directions(j));
  const x = new Uint32Array(d);
  // the point at index n is the XOR of the direction numbers at the set bits of n's Gray code
  const gray = (from ^ Math.floor(from / 2)) >>> 0;
  for (let bit = 1; bit <= BITS; bit++) {
    if (Math.floor(gray / 2 ** (bit - 1)) % 2) for (let j = 0; j < d; j++) x[j] ^= v[j][bit];
  }
  for (let i = 0; i < count; i++) {
    for (let j = 0; j < d; j++) out[i * d + j] = x[j] / 2 ** BITS;
    // next point: flip the direction number at the lowest zero bit of the current index
    let n = from + i;
    let c = 1;
    while (n % 2 === 1) {
      n = Math.floor(n / 2);
      c++;
    }
    if (c <= BITS) for (let j = 0; j < d; j++) x[j] ^= v[j][c];
  }
  return out;
}
