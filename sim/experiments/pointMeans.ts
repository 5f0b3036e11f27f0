/** A metric averaged over each design point's replicates. */
export interface PointMeans {
  /** Mean of the defined values at each point; NaN where none was defined (never written out). */
  mean: Float64Array;
  /** How many replicates defined the metric at each point. */
  count: Uint32Array;
  /** Rows read (replicates with or without a value). */
  rows: number;
}

/**
 * Averages a metric over the replicates of each point, over the replicates where it is defined
 * (`null` marks an empty cell, e.g. timeToDeescalation of a run that never de-escalated).
 * `points[i]` must already be a design point number (0 ≤ point < size).
 */
export function pointMeans(points: ArrayLike<number>, values: ArrayLike<number | null>, size: number): PointMeans {
  const sum = new Float64Array(size);
  const count = new Uint32Array(size);
  for (let i = 0; i < points.length; i++) {
    const v = values[i];
    if (v === null) continue;
    sum[points[i]] += v;
    count[points[i]]++;
  }
  const mean = new Float64Array(size);
  for (let p = 0; p < size; p++) mean[p] = count[p] ? sum[p] / count[p] : NaN;
  return { mean, count, rows: points.length };
}
