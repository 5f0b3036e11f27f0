import type { Context } from '../context';
import { exp, pow } from '../portableMath';
import type { SimState } from '../state';
import type { Effects } from './effects';

/**
 * Where each term of the population pass that is the same for every agent in a step sits in the
 * terms array: first those shared by both parties, then one block of PARTY_TERMS per party from
 * PARTY_TERMS_AT. A flat Float64Array rather than an object: the pass copies it into locals once,
 * it never changes shape, and the bench's C reference of the pass reads the same bytes.
 */
export const TERM = {
  /** Years per tick. */
  dt: 0,
  contagion: 1,
  contactWeight: 2,
  /** Noise SD per tick: noise · √dt. */
  noise: 3,
  /** Perceived hostility kept per tick: exp(−exposureDecay · dt). */
  perceivedKept: 4,
  exposureHostility: 5,
  exposureFear: 6,
  /** Share of the opponent's hostility an exchange participant still sees: 1 − track4Perception. */
  contactSeen: 7,
  fearDecay: 8,
} as const;
/** Index of party 0's block; party p's starts at PARTY_TERMS_AT + p · PARTY_TERMS. */
export const PARTY_TERMS_AT = 9;
/** Offsets inside a party's block. */
export const PARTY_TERM = {
  reactivity: 0,
  fatigue: 1,
  /** Fear from the security dilemma per year: ψ · max(0, π_q/π_p − 1). */
  security: 2,
  /** Chance an agent is exposed to this step's incidents: 1 − (1 − exposure)^incidents. */
  exposed: 3,
  /** Media pull per year: mediaDepth · media_p. */
  media: 4,
  /** 1 when the media climate is hateful (pulls towards 1), else 0. */
  mediaUp: 5,
  backlash: 6,
  /** Share of anger and fear an exchange participant loses this step. */
  cohortDepth: 7,
  /** Anger from which an agent is a hardliner and takes the backlash (2: no one, when there is none). */
  hardliner: 8,
  /** The opponent's hostility H_q. */
  opponentHostility: 9,
  /** Relief of anger, then of fear, per role (3 each). */
  reliefAnger: 10,
  reliefFear: 13,
} as const;
export const PARTY_TERMS = 16;
export const TERMS_LENGTH = PARTY_TERMS_AT + 2 * PARTY_TERMS;

/** Anger of a party's angriest decile boundary (the 90th percentile), from a 256-bin histogram. */
function hardlinerThreshold(anger: Readonly<Float32Array>, from: number, to: number): number {
  const bins = new Uint32Array(256);
  for (let i = from; i < to; i++) bins[Math.min(255, (anger[i] * 256) | 0)]++;
  let above = 0;
  const target = Math.ceil(0.1 * (to - from));
  for (let b = 255; b >= 0; b--) {
    above += bins[b];
    if (above >= target) return b / 256;
  }
  return 0;
}

/**
 * Works out the population pass's terms for this step into `out` (TERMS_LENGTH long, laid out by
 * TERM and PARTY_TERM) from the parameters, the parties, the state before the pass and the tracks'
 * effects `fx`.
 */
export function populationTerms(out: Float64Array, state: Readonly<SimState>, ctx: Context, fx: Readonly<Effects>): void {
  const pr = ctx.params;
  const dt = ctx.dt;
  out[TERM.dt] = dt;
  out[TERM.contagion] = pr.contagion;
  out[TERM.contactWeight] = pr.contactWeight;
  out[TERM.noise] = pr.noise * Math.sqrt(dt);
  out[TERM.perceivedKept] = exp(-pr.exposureDecay * dt);
  out[TERM.exposureHostility] = pr.exposureHostility;
  out[TERM.exposureFear] = pr.exposureFear;
  // exchange participants see the other side as less hostile (contact theory: less threat, more empathy)
  out[TERM.contactSeen] = 1 - pr.track4Perception;
  out[TERM.fearDecay] = pr.fearDecay;
  for (let p = 0; p < 2; p++) {
    const q = 1 - p;
    const at = PARTY_TERMS_AT + p * PARTY_TERMS;
    const party = ctx.scenario.parties[p];
    const inc = state.incidents[p];
    const backlash = fx.backlash[p];
    out[at + PARTY_TERM.reactivity] = party.reactivity;
    out[at + PARTY_TERM.fatigue] = party.fatigue;
    out[at + PARTY_TERM.security] = pr.securityDilemma * Math.max(0, state.power[q] / state.power[p] - 1);
    out[at + PARTY_TERM.exposed] = inc > 0 ? 1 - pow(1 - pr.exposure, inc) : 0;
    out[at + PARTY_TERM.media] = pr.mediaDepth * state.media[p];
    out[at + PARTY_TERM.mediaUp] = state.media[p] < 0 ? 1 : 0;
    out[at + PARTY_TERM.backlash] = backlash;
    out[at + PARTY_TERM.cohortDepth] = fx.cohortDepth[p];
    out[at + PARTY_TERM.hardliner] = backlash > 0 ? hardlinerThreshold(state.anger, state.partyStart[p], state.partyStart[p + 1]) : 2;
    out[at + PARTY_TERM.opponentHostility] = state.hostility[q];
    for (let r = 0; r < 3; r++) {
      out[at + PARTY_TERM.reliefAnger + r] = fx.reliefAnger[p * 3 + r];
      out[at + PARTY_TERM.reliefFear + r] = fx.reliefFear[p * 3 + r];
    }
  }
}
