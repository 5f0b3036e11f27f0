import type { Stream } from '../rng';
import { randomPermutation } from './randomPermutation';

/** One trajectory of a Morris design: k + 1 rows, each changing one factor of the previous row. */
export interface MorrisTrajectory {
  /** Design rows (point numbers) of the trajectory, in order. */
  points: number[];
  /** factors[t]: the factor that changes between points[t] and points[t + 1]. */
  factors: number[];
  /** steps[t]: that factor's signed change on the unit scale, ±Δ. */
  steps: number[];
}

/** Options of `morrisTrajectories`. */
export interface MorrisOptions {
  factors: number;
  trajectories: number;
  /** Grid levels p (even). */
  levels: number;
  /** Trajectories generated before the most spread `trajectories` are kept (Campolongo); none when equal to trajectories. */
  pool: number;
  rng: Stream;
}

/** Morris's step on the unit scale: Δ = p / (2 (p − 1)). */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

/**
 * One random trajectory on the p-level grid, in level indices 0…p − 1 (Morris 1991, as SALib
 * builds it): a base point with each coordinate drawn from the lower half of the levels, a random
 * direction per factor (starting Δ higher for those that move down), then the factors moved one at
 * a time, by ±Δ, in a random order.
 */
function trajectory(k: number, levels: number, rng: Stream): { rows: Int32Array; order: Uint32Array; dirs: Int8Array } {
  const half = levels / 2;
  const start = new Int32Array(k);
  const dirs = new Int8Array(k);
  for (let j = 0; j < k; j++) {
    const base = Math.floor(rng() * half);
    dirs[j] = rng() < 0.5 ? 1 : -1;
    start[j] = base + (dirs[j] < 0 ? half : 0);
  }
  const order = randomPermutation(new Uint32Array(k), rng);
  const rows = new Int32Array((k + 1) * k);
  rows.set(start, 0);
  for (let t = 1; t <= k; t++) {
    rows.copyWithin(t * k, (t - 1) * k, t * k);
    rows[t * k + order[t - 1]] += dirs[order[t - 1]] * half;
  }
  return { rows, order, dirs };
}

/** Campolongo's distance between two trajectories: the sum of Euclidean distances between all their points. */
function distance(a: Int32Array, b: Int32Array, k: number, scale: number): number {
  let sum = 0;
  for (let i = 0; i <= k; i++) {
    for (let j = 0; j <= k; j++) {
      let s = 0;
      for (let z = 0; z < k; z++) {
        const d = a[i * k + z] - b[j * k + z];
        s += d * d;
      }
      sum += Math.sqrt(s);
    }
  }
  return sum * scale;
}

/**
 * Chooses r of the pool's trajectories with the largest sum of squared pairwise distances
 * (Campolongo, Cariboni & Saltelli 2007): greedily from the farthest pair, then improved by single
 * swaps until none helps — a local optimum, in the spirit of Ruano et al. (2012), since the exact
 * choice is combinatorial. Returns the chosen indices in pool order.
 */
function mostSpread(pool: ReadonlyArray<Int32Array>, r: number, k: number, scale: number): number[] {
  const m = pool.length;
  const d2 = new Float64Array(m * m);
  let best = [0, 1];
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const d = distance(pool[i], pool[j], k, scale);
      d2[i * m + j] = d2[j * m + i] = d * d;
      if (d2[i * m + j] > d2[best[0] * m + best[1]]) best = [i, j];
    }
  }
  const chosen = new Set(best);
  const score = (c: number, except: number) => {
    let s = 0;
    for (const t of chosen) if (t !== except && t !== c) s += d2[c * m + t];
    return s;
  };
  while (chosen.size < r) {
    let pick = -1;
    let top = -1;
    for (let c = 0; c < m; c++) {
      if (chosen.has(c)) continue;
      const s = score(c, -1);
      if (s > top) {
        top = s;
        pick = c;
      }
    }
    chosen.add(pick);
  }
  for (let pass = 0, improved = true; improved && pass < 50; pass++) {
    improved = false;
    for (const s of [...chosen]) {
      const own = score(s, s);
      let swap = -1;
      let gain = 1e-12 * own;
      for (let c = 0; c < m; c++) {
        if (chosen.has(c)) continue;
        const g = score(c, s) - own;
        if (g > gain) {
          gain = g;
          swap = c;
        }
      }
      if (swap >= 0) {
        chosen.delete(s);
        chosen.add(swap);
        improved = true;
      }
    }
  }
  return [...chosen].sort((a, b) => a - b);
}

/**
 * A Morris design: `trajectories` trajectories of k + 1 rows each (chosen from `pool` when that is
 * larger), as unit coordinates (level / (p − 1)), row-major, with each trajectory's rows, factor
 * order and signed steps.
 */
export function morrisTrajectories(o: MorrisOptions): { units: Float64Array; trajectories: MorrisTrajectory[]; delta: number } {
  const { factors: k, levels, rng } = o;
  const generated = Array.from({ length: Math.max(o.pool, o.trajectories) }, () => trajectory(k, levels, rng));
  const keep = generated.length > o.trajectories
    ? mostSpread(generated.map((g) => g.rows), o.trajectories, k, 1 / (levels - 1))
    : generated.map((_, i) => i);
  const delta = morrisDelta(levels);
  const units = new Float64Array(keep.length * (k + 1) * k);
  const trajectories = keep.map((g, n) => {
    const { rows, order, dirs } = generated[g];
    for (let i = 0; i < rows.length; i++) units[n * (k + 1) * k + i] = rows[i] / (levels - 1);
    return {
      points: Array.from({ length: k + 1 }, (_, t) => n * (k + 1) + t),
      factors: Array.from(order),
      steps: Array.from(order, (j) => dirs[j] * delta),
    };
  });
  return { units, trajectories, delta };
}
