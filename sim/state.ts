import type { StreamState } from './rng';

/** Roles of population agents. */
export const ROLE_GENERAL = 0;
export const ROLE_ELITE = 1;
export const ROLE_BUSINESS = 2;

/** Lifecycle phases of a track actor (MODEL.md §6), plus "not yet started". */
export const PHASE_WAITING = 0;
export const PHASE_EXPLORATION = 1;
export const PHASE_ANALYSIS = 2;
export const PHASE_FOLLOW_THROUGH = 3;
export const PHASE_DISENGAGED = 4;
export const PHASE_NAMES = ['waiting', 'exploration', 'analysis & involvement', 'follow-through', 'disengagement & aftermath'] as const;

/** Track One process states. */
export const TRACK_ONE_NONE = 0;
export const TRACK_ONE_TALKS = 1;
export const TRACK_ONE_SETTLED = 2;

/** The changing state of one track actor; two-element arrays are per party (0, 1). */
export interface ActorState {
  phase: number;
  skill: number;
  /** Ticks spent in follow-through. */
  tenure: number;
  /** Whether its entry condition (immediate, lull, peak) has been met. */
  approached: boolean;
  /** 1 where the party currently consents (or no consent is needed), else 0. */
  consent: Float64Array;
  trust: Float64Array;
  /** Effectiveness with each party at the last step. */
  effect: Float64Array;
  /** Effectiveness with each party at the moment of exit. */
  effectAtExit: Float64Array;
  /** First tick at which any party consented, or −1. */
  consentTick: number;
  exitTick: number;
  premature: boolean;
  /** Achievement S_j. */
  achievement: number;
  insights: number;
  /** The communication and understanding this actor built, decaying like C and U; its share of tension relief. */
  commPool: number;
  /** The interdependence this actor built, decaying like E; its share of deterred violence. */
  tradePool: number;
  leaks: number;
  brokenPromises: number;
  /** Exchange participants so far (Track Four). */
  participants: number;
}

/** One settlement: when it was signed, on what terms, and when (if) it collapsed. */
export interface Signing {
  tick: number;
  logPowerRatio: number;
  rootCause: number;
  quality: number;
  collapseTick: number | null;
}

/**
 * The full state of a run: plain data (typed arrays and records) that structured-clones, so it can
 * be saved, sent to or from a worker and resumed. Party arrays have two entries.
 */
export interface SimState {
  /** Ticks done so far: the state is the observation at this tick. */
  tick: number;
  /** The seed this run's streams derive from. */
  seed: number;
  /** First agent of each party, and the total: [0, N0, N0 + N1]. */
  partyStart: Int32Array;
  anger: Float32Array;
  fear: Float32Array;
  grievance: Float32Array;
  /** Extra hostility an agent perceives in the opponent after exposure to violence. */
  perceived: Float32Array;
  role: Uint8Array;
  /** 0 never took part in an exchange, 1 took part, 2 joins at the current step. */
  participant: Uint8Array;
  /** Track Four contact tie: the agent of the other party this agent met, or −1. */
  contact: Int32Array;
  /** The network: see Graph. */
  rowPtr: Int32Array;
  col: Int32Array;
  weight: Float32Array;
  /** Mean-field mode: the representative agents' anger and fear (Float64 so Richardson is exact). */
  mfAnger: Float64Array;
  mfFear: Float64Array;
  power: Float64Array;
  hostility: Float64Array;
  meanAnger: Float64Array;
  meanFear: Float64Array;
  /** Mean anger and fear by party and role: index party * 3 + role. */
  roleAnger: Float64Array;
  roleFear: Float64Array;
  roleCount: Float64Array;
  /** Accumulated discounted cost K_p: incidents suffered. */
  cost: Float64Array;
  /** Media climate in each party's population: positive peace, negative hate. */
  media: Float64Array;
  /** A party's willingness to consent to third parties; falls after premature exits. */
  receptivity: Float64Array;
  /** Incidents suffered by each party at the last step. */
  incidents: Float64Array;
  /** Normalised violence V at the last step. */
  violence: number;
  /** T, C, U, E. */
  dyad: Float64Array;
  /** Total incidents per tick over the trailing year and lull window (ring buffer). */
  incidentHistory: Float64Array;
  /** lullWindow sums of the incident history ending at each of the last ticksPerYear + 1 ticks e, at e mod (ticksPerYear + 1) (see recordIncidents). */
  windowSums: Float64Array;
  /** Activity of each track at the last step, by track number (index 0 unused). */
  activity: Float64Array;
  /** Power base B and its contribution by track number (power-base tracks only; others 0). */
  powerBase: number;
  powerBaseByTrack: Float64Array;
  ripeness: number;
  escalation: number;
  trackOne: number;
  talksFailing: number;
  settlements: number;
  collapses: number;
  signings: Signing[];
  actors: ActorState[];
  /** Per event: whether a one-off event has fired; pending triggered events as [eventIndex, tick]. */
  eventFired: Uint8Array;
  pending: Array<[number, number]>;
  /** Saved states of the named streams and of each actor's streams. */
  streams: Record<string, StreamState>;
}
