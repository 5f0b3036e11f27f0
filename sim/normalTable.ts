import { log } from './portableMath';
/**
 * Standard normal deviates for the agents' noise, as a 4,096-entry inverse-CDF table at the
 * midpoints (k + ½)/4096, rescaled to unit variance. A table lookup indexed by 12 random bits is
 * far cheaper than Box–Muller in the hot loop; the tails are cut at ±3.5σ, which per-agent noise
 * of σ_n = 0.01 never misses (assumption, documented in docs/ODD.md).
 */
export const NORMAL_TABLE_BITS = 12;
export const NORMAL_TABLE: Float32Array = buildTable(1 << NORMAL_TABLE_BITS);

/** Acklam's rational approximation of the standard normal quantile (relative error < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  if (p < lo) {
    const q = Math.sqrt(-2 * log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - lo) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

function buildTable(n: number): Float32Array {
  const raw = new Float64Array(n);
  let sumSq = 0;
  for (let k = 0; k < n; k++) {
    raw[k] = normalQuantile((k + 0.5) / n);
    sumSq += raw[k] * raw[k];
  }
  const scale = 1 / Math.sqrt(sumSq / n);
  return Float32Array.from(raw, (x) => x * scale);
}
