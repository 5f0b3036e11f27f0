import type { Stream } from '../rng';
import { randomPermutation } from './randomPermutation';

/** Options of `latinHypercube`. */
export interface LatinHypercubeOptions {
  count: number;
  dimensions: number;
  rng: Stream;
}

/**
 * A Latin hypercube in [0, 1)^dimensions: each coordinate's range is cut into `count` equal strata
 * and every stratum holds exactly one point, at a uniform place within it; strata are paired
 * across dimensions by independent random permutations (Fisher–Yates). Row-major, count × dimensions.
 */
export function latinHypercube(o: LatinHypercubeOptions): Float64Array {
  const { count: n, dimensions: d, rng } = o;
  const out = new Float64Array(n * d);
  const perm = new Uint32Array(n);
  for (let j = 0; j < d; j++) {
    randomPermutation(perm, rng);
    for (let i = 0; i < n; i++) out[i * d + j] = (perm[i] + rng()) / n;
  }
  return out;
}
