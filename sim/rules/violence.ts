import type { Context } from '../context';
import { poissonFromUniform } from '../rng';
import { TRACK_ONE_SETTLED, type SimState } from '../state';
import { exp } from '../portableMath';

/**
 * Step 2: incidents p→q ~ Poisson(λ·dt) with
 * λ = incidentRate · H_p · (0.5 + 0.5·T) · (1 − κ·E) · (1 − s·[settled]) · m_q,
 * m_q = 1 + hateIncidentBoost · (hate-media climate in p). Mean-field mode uses the expected
 * count λ·dt. One uniform per ordered pair per step (inverse CDF), so paired runs stay aligned.
 * Also discounts and adds each party's cost K_p.
 */
export function applyViolence(state: SimState, ctx: Context): void {
  const p = ctx.params;
  const dt = ctx.dt;
  const T = state.dyad[0];
  const E = state.dyad[3];
  const settled = state.trackOne === TRACK_ONE_SETTLED ? 1 : 0;
  const rng = ctx.streams.violence;
  let total = 0;
  for (let from = 0; from < 2; from++) {
    const to = 1 - from;
    const hate = Math.max(0, -state.media[from]);
    const lambda = p.incidentRate * state.hostility[from] * (0.5 + 0.5 * T) * (1 - p.tradeDeterrence * E) *
      (1 - p.ceasefireStrength * settled) * (1 + p.hateIncidentBoost * hate);
    const mean = Math.max(0, lambda * dt);
    const u = rng();
    const n = ctx.meanfield ? mean : poissonFromUniform(u, mean);
    state.incidents[to] = n;
    total += n;
  }
  // test the product, not the rate: a tiny rate times dt underflows to 0 and would give 0/0
  const scale = 2 * p.incidentRate * dt;
  state.violence = scale > 0 ? Math.min(1, total / scale) : 0;
  const keep = exp(-p.hurtDecay * dt);
  for (let q = 0; q < 2; q++) state.cost[q] = state.cost[q] * keep + state.incidents[q];
}
