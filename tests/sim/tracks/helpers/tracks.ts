import { createSimulation } from '../../../../sim/index';
import { createEffects } from '../../../../sim/rules/effects';
import type { ActorTurn } from '../../../../sim/tracks/track';
import { makeScenario, type ScenarioOverrides } from '../../../fixtures/sim/makeScenario';

/** A simulation with one actor of `track`, and that actor's turn with party 0 at effectiveness × capacity `e`. */
export function turnOf(track: number, e: number, o: ScenarioOverrides & { actor?: Record<string, unknown> } = {}) {
  const { actor, ...rest } = o;
  const sim = createSimulation(makeScenario({ ...rest, actors: [{ name: 'X', track, ...actor }] }));
  const a = sim.state.actors[0];
  a.effect.set([e, e]);
  const turn: ActorTurn = { j: 0, spec: sim.ctx.scenario.actors[0], actor: a, q: 0, e, fx: createEffects() };
  return { sim, turn };
}
