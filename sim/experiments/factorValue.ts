import { exp, log } from '../portableMath';
import type { FactorData } from './experiment';

/**
 * The factor's value at unit coordinate u ∈ [0, 1]: a categorical factor (values) takes the level
 * at floor(u × count) (u = 1 the last); a range takes min + u·(max − min), or the same evenly in
 * log space with scale "log". The ends are exact (u = 0 gives min, u = 1 gives max), and the log
 * scale uses portableMath so Node and browsers agree to the bit.
 */
export function factorValue(f: FactorData, u: number): number | string {
  if (f.values) return f.values[Math.min(f.values.length - 1, Math.floor(u * f.values.length))];
  const min = f.min as number;
  const max = f.max as number;
  if (u <= 0) return min;
  if (u >= 1) return max;
  if (f.scale === 'log') {
    const lo = log(min);
    return exp(lo + u * (log(max) - lo));
  }
  return min + u * (max - min);
}

/** A grid's levels of the factor: its own values, or `levels` points from min to max, both ends included. */
export function gridValues(f: FactorData, levels: number): Array<number | string> {
  if (f.values) return f.values.slice();
  return Array.from({ length: levels }, (_, i) => factorValue(f, i / (levels - 1)));
}
