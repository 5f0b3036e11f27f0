import { quantileSorted } from 'd3-array';

/** The p-quantile of an ascending sample (linear interpolation, as d3 and R's type 7); NaN if empty. */
export function quantile(sorted: readonly number[], p: number): number {
  return quantileSorted(sorted as number[], p) ?? NaN;
}
