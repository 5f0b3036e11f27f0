import { bootstrapStream, percentileInterval, resampleIndices, type BootstrapOptions } from './bootstrap';
import type { MorrisLayout } from './design';
import type { FactorData } from './experiment';
import { AnalysisError } from './analysisError';

/** Morris's measures of one factor, from its elementary effects. */
export interface MorrisIndex {
  factor: string;
  /** Mean elementary effect (signs can cancel). */
  mu: number;
  /** Mean absolute elementary effect: the factor's overall influence (Campolongo et al. 2007). */
  muStar: number;
  /** Bootstrap 95 % interval of muStar. */
  muStar_ci: [number, number];
  /** Standard deviation of the effects (n − 1): non-linearity or interactions; null with fewer than two effects. */
  sigma: number | null;
  /** Elementary effects used (one per trajectory whose two points both have a value). */
  effects: number;
}

/**
 * Morris's elementary effects: for each trajectory step, (y(after) − y(before)) / step, the step
 * being ±Δ on the factor's unit scale, so effects are per whole range and comparable across
 * factors (SALib's convention). Steps touching a point without a value are left out.
 */
export function morrisIndices(o: { layout: MorrisLayout; factors: readonly FactorData[]; y: Float64Array; bootstrap: BootstrapOptions }): MorrisIndex[] {
  const k = o.factors.length;
  const effects: number[][] = Array.from({ length: k }, () => []);
  for (const t of o.layout.trajectories) {
    for (let s = 0; s < t.factors.length; s++) {
      const before = o.y[t.points[s]];
      const after = o.y[t.points[s + 1]];
      if (Number.isNaN(before) || Number.isNaN(after)) continue;
      effects[t.factors[s]].push((after - before) / t.steps[s]);
    }
  }
  const rng = bootstrapStream(o.bootstrap);
  return o.factors.map((f, j) => {
    const ee = effects[j];
    const n = ee.length;
    if (n === 0) throw new AnalysisError(`factor ${f.name} has no elementary effect: every one of its steps touches a point without a value`);
    let mu = 0;
    let muStar = 0;
    for (const e of ee) {
      mu += e;
      muStar += Math.abs(e);
    }
    mu /= n;
    muStar /= n;
    let ss = 0;
    for (const e of ee) ss += (e - mu) ** 2;
    const boot = new Float64Array(o.bootstrap.resamples);
    const idx = new Uint32Array(n);
    for (let b = 0; b < boot.length; b++) {
      resampleIndices(n, rng, idx);
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(ee[idx[i]]);
      boot[b] = s / n;
    }
    return { factor: f.name, mu, muStar, muStar_ci: percentileInterval(boot) ?? [muStar, muStar], sigma: n > 1 ? Math.sqrt(ss / (n - 1)) : null, effects: n };
  });
}
