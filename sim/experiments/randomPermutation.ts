import type { Stream } from '../rng';

/** Fills `out` with a uniformly random permutation of 0…out.length − 1 (Fisher–Yates, one draw per position). */
export function randomPermutation(out: Uint32Array, rng: Stream): Uint32Array {
  for (let i = 0; i < out.length; i++) out[i] = i;
  for (let i = out.length - 1; i > 0; i--) {
    const r = Math.floor(rng() * (i + 1));
    const t = out[i];
    out[i] = out[r];
    out[r] = t;
  }
  return out;
}
