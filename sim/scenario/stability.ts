import type { ScenarioData } from './schema';
import type { ValidationIssue } from './issues';

/**
 * A rate of an explicit Euler step of the model, `x += dt·r·(target − x)` or `x −= dt·r·x`, with
 * its field and what it moves. One such step goes at most all the way to its target only while
 * r·dt ≤ 1: past 1 it overshoots, and past 2 a value without a clamp swings further each step
 * until it overflows (trust at trustRate 30 and 12 ticks a year was NaN by tick 240).
 */
export interface EulerRate {
  path: string;
  value: number;
  what: string;
}

/**
 * Every rate per year that drives an explicit Euler step (MODEL.md §5–§6). The other updates
 * cannot overshoot whatever their rates: decays and chances use exp (media climate, perceived
 * hostility, cost, the actors' pools, consent, leaks, collapse, aftermath), power drift is
 * log-normal and clamped, and the tracks' increments of C, U and E, their relief of anger and fear
 * and Richardson's reactivity and grievance are sources that saturate at the clamp to [0, 1].
 */
export function eulerRates(s: ScenarioData): EulerRate[] {
  const p = s.params;
  return [
    { path: 'params.contagion', value: p.contagion, what: 'the pull of anger and fear towards the neighbours\' mean' },
    ...s.parties.map((q, k) => ({ path: `parties.${k}.fatigue`, value: q.fatigue, what: 'the decay of anger' })),
    { path: 'params.fearDecay', value: p.fearDecay, what: 'the decay of fear' },
    { path: 'params.mediaDepth', value: p.mediaDepth, what: 'the pull of the media climate on anger and fear' },
    { path: 'params.tensionDecay', value: p.tensionDecay, what: 'the decay of tension' },
    { path: 'params.tensionRelief', value: p.tensionRelief, what: 'the relief of tension by communication and understanding (at C = U = 1)' },
    { path: 'params.relationDecay', value: p.relationDecay, what: 'the decay of communication, understanding and interdependence' },
    { path: 'params.trustRate', value: p.trustRate, what: 'the rise of trust towards 1' },
    { path: 'params.skillRate', value: p.skillRate, what: 'the rise of skill towards 1' },
  ];
}

/** One issue per Euler rate above ticksPerYear (r·dt > 1), naming the field, the step and the largest allowed value. */
export function stabilityIssues(s: ScenarioData): ValidationIssue[] {
  const perYear = s.ticksPerYear;
  const ticks = `${perYear} tick${perYear === 1 ? '' : 's'} a year`;
  return eulerRates(s)
    // the tolerance accepts r·dt = 1 computed with rounding
    .filter((r) => r.value / perYear > 1 + 1e-12)
    .map((r) => {
      const field = r.path.slice(r.path.lastIndexOf('.') + 1);
      return {
        path: r.path,
        message: `${field} × dt must be at most 1, or ${r.what} overshoots in one step; it is ${r.value} × 1/${perYear} = ${(r.value / perYear).toPrecision(3)}. At ${ticks} the largest allowed value is ${perYear}: lower it or raise ticksPerYear`,
      };
    });
}
