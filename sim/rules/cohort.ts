import type { Context } from '../context';
import type { SimState } from '../state';

/** Whose cohort `selectCohort` draws, and how large and how deep. */
export interface CohortOptions {
  /** The Track Four actor's index: its cohort stream is used. */
  actor: number;
  /** The party the participants come from. */
  party: number;
  /** Expected share of the party taking part this step. */
  share: number;
  /** Share of personal grievance a participant loses. */
  grievanceCut: number;
}

/**
 * Track Four: draws this step's exchange participants of a party (expected share `share` of the
 * party, stochastically rounded) from the actor's cohort stream. Each participant is marked to lose
 * anger and fear in the population pass, loses a share `grievanceCut` of its personal grievance,
 * and meets a random member of the other party: a contact tie both ways (one contact slot per
 * agent, the latest meeting kept; assumption).
 */
export function selectCohort(state: SimState, ctx: Context, o: CohortOptions): { count: number; angerFearSum: number } {
  const { party: q, share, grievanceCut } = o;
  const rng = ctx.streams.cohorts[o.actor];
  const start = state.partyStart[q];
  const size = state.partyStart[q + 1] - start;
  const other = 1 - q;
  const otherStart = state.partyStart[other];
  const otherSize = state.partyStart[other + 1] - otherStart;
  const expected = share * size;
  const count = Math.floor(expected) + (rng() < expected - Math.floor(expected) ? 1 : 0);
  let angerFearSum = 0;
  const keep = 1 - Math.min(1, grievanceCut);
  for (let c = 0; c < count; c++) {
    const i = start + Math.floor(rng() * size);
    const partner = otherStart + Math.floor(rng() * otherSize);
    if (state.participant[i] !== 2) angerFearSum += state.anger[i] + state.fear[i];
    state.participant[i] = 2;
    state.grievance[i] *= keep;
    if (otherSize > 0) {
      state.contact[i] = partner;
      state.contact[partner] = i;
    }
  }
  return { count, angerFearSum };
}
