import { quantileSorted } from 'd3-array';
import { createStream, type Stream } from '../rng';

/** How confidence intervals are resampled: the count and the seed, reported with every result. */
export interface BootstrapOptions {
  resamples: number;
  seed: number;
}

/** The seeded stream bootstrap resampling draws from (its own name, so it never shares draws with a design). */
export function bootstrapStream(o: BootstrapOptions): Stream {
  return createStream(o.seed, 'analysis:bootstrap');
}

/** Draws n indices in 0…n − 1 with replacement. */
export function resampleIndices(n: number, rng: Stream, out: Uint32Array = new Uint32Array(n)): Uint32Array {
  for (let i = 0; i < n; i++) out[i] = Math.floor(rng() * n);
  return out;
}

/** The percentile 95 % interval [2.5 %, 97.5 %] of bootstrap estimates (non-finite ones, from degenerate resamples, left out). */
export function percentileInterval(estimates: ArrayLike<number>): [number, number] | null {
  const finite = Array.from(estimates).filter(Number.isFinite).sort((a, b) => a - b);
  if (!finite.length) return null;
  return [quantileSorted(finite, 0.025) as number, quantileSorted(finite, 0.975) as number];
}
