/*
 * The order in which a sweep takes its runs. Replicate-major: every point's replicate 0, then
 * every point's replicate 1, and so on, so that a sweep stopped part-way has whole replicates of
 * the design rather than all replicates of a few points. Within a replicate the points come in a
 * golden-ratio order: the Kronecker sequence x_k = frac(k · (φ − 1)) (k = 0, 1, 2, …) picks cell
 * ⌊x_k · n⌋ of the point indices, skipping cells already taken. Its first m points are never far
 * from evenly spaced over the indices (no gap much wider than 2.6 n/m: the three-gap theorem),
 * and every N-th of them, which `--shard I/N` takes, spreads over all of them too: unlike a
 * bit-reversal order, a power-of-two shard count does not give each shard one block of
 * neighbouring points (a grid's neighbouring points share their slowest factors, and so their
 * cost). Sharding, resumption and the web app use this same order.
 */

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * The points of a design in run order: a permutation of the point indices 0…n−1. The sequence is
 * built by repeated addition, exact in IEEE arithmetic, so every engine gives the same order.
 */
export function pointOrder(n: number): Uint32Array {
  if (!Number.isSafeInteger(n) || n < 0 || n > 2 ** 32) throw new RangeError(`points must be a whole number from 0 to 2^32, got ${n}`);
  const out = new Uint32Array(n);
  const taken = new Uint8Array(n);
  // every cell is reached: the sequence is dense, and its gaps fall below 1/n within about 2.6 n steps
  for (let k = 0, x = 0; k < n; x = x + GOLDEN >= 1 ? x + GOLDEN - 1 : x + GOLDEN) {
    const p = Math.min(n - 1, Math.floor(x * n));
    if (!taken[p]) {
      taken[p] = 1;
      out[k++] = p;
    }
  }
  return out;
}

/** One run of a sweep: the index of its point in the design and its replicate. */
export interface RunRef {
  point: number;
  replicate: number;
}

/** A shard of a sweep: every `count`-th run of the order, starting at run `index` (0-based). */
export interface Shard {
  index: number;
  count: number;
}

/**
 * The runs of a sweep of `points` points × `replicates` replicates in run order, or of one shard
 * of it: run k of the whole order is replicate ⌊k / points⌋ of point `pointOrder(points)[k mod points]`.
 */
export function* runOrder(points: number, replicates: number, shard: Shard = { index: 0, count: 1 }): Generator<RunRef> {
  if (!(shard.count >= 1) || !(shard.index >= 0) || shard.index >= shard.count) throw new RangeError(`shard ${shard.index}/${shard.count}: the index must be from 0 to count − 1`);
  const order = pointOrder(points);
  const total = points * replicates;
  for (let k = shard.index; k < total; k += shard.count) {
    yield { point: order[k % points], replicate: Math.floor(k / points) };
  }
}
