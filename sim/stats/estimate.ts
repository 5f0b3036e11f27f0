/** A statistic with its 95 % confidence interval and the number of observations behind it. */
export interface Estimate {
  /** The point estimate: a mean, a share, or a mean or share difference. */
  mean: number;
  lo: number;
  hi: number;
  n: number;
}

/** Whether an interval lies wholly above zero (and rests on more than one observation). */
export function above(e: Estimate): boolean {
  return e.n > 1 && e.lo > 0;
}
