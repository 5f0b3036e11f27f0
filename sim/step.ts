import type { Context } from './context';
import type { SimState } from './state';
import { applyEvents } from './rules/events';
import { applyViolence } from './rules/violence';
import { stepActors } from './rules/actors';
import { updateAgents, updateMeanField } from './rules/population';
import { updateDyad } from './rules/dyad';
import { stepTrackOne } from './rules/trackOne';
import { resetEffects } from './rules/effects';
import { escalationIndex } from './rules/escalation';
import { recordIncidents } from './rules/recordIncidents';

/**
 * Advances the state by one tick, in MODEL.md §4's order: events and drift; violence; population;
 * track actors; dyad; Track One. The actors' step is computed just before the population pass so
 * that its relief terms join the agents' single synchronous update; it reads only the snapshot,
 * so the result is the same as running it after. Knows nothing of observation, timers or workers.
 */
export function step(state: SimState, ctx: Context): void {
  const fx = ctx.scratch.fx;
  const hostilityBefore = [state.hostility[0], state.hostility[1]];
  resetEffects(fx);
  applyEvents(state, ctx);
  applyViolence(state, ctx);
  stepActors(state, ctx, fx);
  if (ctx.meanfield) updateMeanField(state, ctx, fx);
  else updateAgents(state, ctx, fx);
  updateDyad(state, ctx, fx, hostilityBefore);
  stepTrackOne(state, ctx);
  recordIncidents(state, ctx, state.incidents[0] + state.incidents[1]);
  state.tick += 1;
  state.escalation = escalationIndex(state, ctx.params.escalationWeights);
}
