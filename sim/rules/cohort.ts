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

/** Tries at drawing a newcomer by rejection before `drawNewcomer` scans instead. */
const REJECTION_TRIES = 32;

/**
 * A member of the party's range [start, start + size) who has never taken part in an exchange,
 * drawn uniformly by rejection; once most have taken part (32 misses in a row), the first
 * newcomer at or after a random member, wrapping. −1 when everyone has taken part.
 */
function drawNewcomer(participant: Uint8Array, rng: () => number, start: number, size: number): number {
  for (let k = 0; k < REJECTION_TRIES; k++) {
    const i = start + Math.floor(rng() * size);
    if (participant[i] === 0) return i;
  }
  const from = Math.floor(rng() * size);
  for (let k = 0; k < size; k++) {
    const i = start + ((from + k) % size);
    if (participant[i] === 0) return i;
  }
  return -1;
}

/**
 * Track Four: draws this step's exchange participants of a party (expected share `share` of the
 * party, stochastically rounded) from the actor's cohort stream, among the members who have never
 * taken part: capacity is the share of the party that newly takes part each year, so a programme
 * of capacity c has reached about c·years of the party (not 1 − e^{−c·years} with repeats), and
 * nobody's grievance is cut twice. When everyone has taken part the cohort stays empty. Each
 * participant is marked to lose anger and fear in the population pass, loses a share
 * `grievanceCut` of its personal grievance, and meets a random member of the other party: a
 * contact tie both ways (one contact slot per agent, the latest meeting kept; assumption).
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
  const wanted = Math.floor(expected) + (rng() < expected - Math.floor(expected) ? 1 : 0);
  let angerFearSum = 0;
  let count = 0;
  const keep = 1 - Math.min(1, grievanceCut);
  for (let c = 0; c < wanted; c++) {
    const i = drawNewcomer(state.participant, rng, start, size);
    if (i < 0) break;
    count++;
    const partner = otherStart + Math.floor(rng() * otherSize);
    angerFearSum += state.anger[i] + state.fear[i];
    state.participant[i] = 2;
    state.grievance[i] *= keep;
    if (otherSize > 0) {
      state.contact[i] = partner;
      state.contact[partner] = i;
    }
  }
  return { count, angerFearSum };
}
