import alea from 'seedrandom/lib/alea.js';
import { normalQuantile } from './normalTable';
import { cos, exp, log, pow } from './portableMath';

/** The saved state of one alea stream: four numbers, structured-cloneable. */
export interface StreamState { c: number; s0: number; s1: number; s2: number }

/** A seeded uniform generator on [0, 1) whose state can be saved and restored. */
export interface Stream {
  (): number;
  int32(): number;
  state(): StreamState;
}

/**
 * The named streams of MODEL.md §2, each derived from the scenario seed. The `actors` stream is
 * split further, one pair per actor (`actors:j` for its lifecycle, `actors:j:cohort` for Track Four
 * cohorts; see context.ts), so that adding or changing one actor never shifts another's draws.
 */
export const STREAM_NAMES = ['network', 'agents', 'violence', 'trackOne', 'drift'] as const;
export type StreamName = (typeof STREAM_NAMES)[number];

/**
 * Creates the stream `name` of run seed `seed` (seedrandom's alea), or restores it from a saved state.
 * Streams are independent by name, so adding an actor never shifts the draws of violence.
 */
export function createStream(seed: number, name: string, state?: StreamState): Stream {
  return alea(`detente:${seed}:${name}`, { state: state ?? true }) as unknown as Stream;
}

/** Seed of replicate `run` of an ensemble with base seed `base`: run 0 is the base seed itself. */
export function replicateSeed(base: number, run: number): number {
  if (run === 0) return base >>> 0;
  // murmur3's finaliser over (base, run): well mixed, and the same in every JavaScript engine
  let h = (base ^ Math.imul(run, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * mulberry32 (Tommy Ettinger, public domain), a 32-bit generator cheap enough to inline in a hot
 * loop: its state advances by this constant, and each state is hashed into the output. The
 * population pass reseeds one from the `agents` stream every step.
 */
export const MULBERRY32_STEP = 0x6d2b79f5;

/** mulberry32's output for a state: a 32-bit hash as a signed integer (`>>> 0` for unsigned). */
export function mulberry32Hash(s: number): number {
  let z = Math.imul(s ^ (s >>> 15), 1 | s);
  z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
  return z ^ (z >>> 14);
}

/** A standard normal deviate by Box–Muller (two uniforms, no cached spare, so state stays simple). */
export function normal(rng: Stream): number {
  const u = 1 - rng(); // (0, 1]
  const v = rng();
  return Math.sqrt(-2 * log(u)) * cos(2 * Math.PI * v);
}

/** Above this mean e^−mean nears underflow, so the CDF sum cannot start; the normal approximation takes over. */
const POISSON_NORMAL_FROM = 700;

/**
 * The Poisson(mean) count whose CDF first reaches u: one uniform per draw, so paired runs stay
 * aligned. Beyond a mean of 700 (possible with few ticks a year and a high incident rate) it is
 * the normal approximation's quantile with continuity correction, accurate to a count or two there.
 */
export function poissonFromUniform(u: number, mean: number): number {
  if (!(mean > 0)) return 0;
  if (mean > POISSON_NORMAL_FROM) {
    const z = normalQuantile(Math.min(1 - 2 ** -53, Math.max(2 ** -1074, u)));
    return Math.max(0, Math.floor(mean + Math.sqrt(mean) * z + 0.5));
  }
  let k = 0;
  let p = exp(-mean);
  let cdf = p;
  // the cap keeps a pathological mean from looping long; means here are incidentRate·dt, small
  while (u > cdf && k < 10_000) {
    k += 1;
    p *= mean / k;
    cdf += p;
    if (p === 0) break;
  }
  return k;
}

/** Gamma(shape, 1) by Marsaglia & Tsang (2000). */
function gamma(rng: Stream, shape: number): number {
  if (shape < 1) return gamma(rng, shape + 1) * pow(1 - rng(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - rng();
    if (log(u) < 0.5 * x * x + d - d * v + d * log(v)) return d * v;
  }
}

/**
 * A Gamma draw with the given mean and SD (shape (mean/SD)², scale SD²/mean), ≥ 0: a non-negative
 * quantity spread around its mean without the bias of truncating a normal at 0. SD 0 (or a mean
 * at or below 0) gives the mean itself, floored at 0.
 */
export function gammaMeanSd(rng: Stream, mean: number, sd: number): number {
  if (!(mean > 0)) return Math.max(0, mean);
  if (!(sd > 0)) return mean;
  const cv = sd / mean;
  // a spread far below Float32 resolution is a point mass (and keeps the shape finite)
  if (cv < 1e-7) return mean;
  // a mean below a millionth of the SD: shape < 10⁻¹², nearly all the mass is at 0 (and the
  // scale SD²/mean could overflow)
  if (cv > 1e6) return 0;
  const shape = 1 / (cv * cv);
  return gamma(rng, shape) * (sd * cv);
}

/**
 * A Beta draw with the given mean and SD, in [0, 1]. SD 0 (or a mean at 0 or 1) gives the mean
 * itself; an SD beyond what a Beta allows at that mean is capped just below the maximum.
 */
export function betaMeanSd(rng: Stream, mean: number, sd: number): number {
  if (sd <= 0 || mean <= 0 || mean >= 1) return mean;
  const maxVar = mean * (1 - mean);
  const variance = Math.min(sd * sd, 0.95 * maxVar);
  // a spread far below Float32 resolution is a point mass; it also keeps ν finite (an infinite ν
  // made the gamma sampler's acceptance test NaN and loop forever, e.g. initialSpread 1e-200)
  if (!(variance > 1e-15 * maxVar)) return mean;
  const nu = maxVar / variance - 1;
  const x = gamma(rng, mean * nu);
  const y = gamma(rng, (1 - mean) * nu);
  return x + y > 0 ? x / (x + y) : mean;
}
