import type { Context } from '../context';
import type { Effects } from '../rules/effects';
import type { ActorData } from '../scenario/schema';
import type { ActorState, SimState } from '../state';
import type { TrackNumber } from './tracks';

/** One actor's turn with one party in a step: what a track's effect reads and writes. */
export interface ActorTurn {
  /** The actor's index in the scenario. */
  j: number;
  spec: ActorData;
  actor: ActorState;
  /** The party it works with in this turn. */
  q: number;
  /** Its effectiveness with q times its capacity (> 0; turns with none are skipped). */
  e: number;
  /** The step's effects, gathered for the population and dyad updates. */
  fx: Effects;
}

/**
 * What one track does in one turn: adds its relief terms and dyad increments to `turn.fx` (and
 * its share of them to the actor's pools) and returns the actor's achievement gain.
 */
export type TrackEffect = (state: SimState, ctx: Context, turn: ActorTurn) => number;

/** One of McDonald's tracks: everything the model knows about it, in one place. */
export interface Track {
  /** McDonald's number, 1 for the official track; also its place in `TRACKS` plus one. */
  readonly number: TrackNumber;
  /** The number as a word ("Two"), for labels. */
  readonly short: string;
  /** What it is, in a few plain words ("private problem-solving"). */
  readonly kind: string;
  /** Whether its actors need the parties' consent unless the scenario says otherwise. */
  readonly consent: boolean;
  /** Default Glasl stages [from, to] in which it works at full effect, and the source of that choice. */
  readonly stageWindow: readonly [number, number];
  readonly stageWindowSource: string;
  /** Whether its achievement counts in Track One's power base (kernel weight w(number − 1)). */
  readonly powerBase: boolean;
  /** Whether its actors' talks can open Track One's negotiations. */
  readonly opensTalks: boolean;
  /** Whether its actors have a valence (media: +1 peace, −1 hate). */
  readonly valence: boolean;
  /** Its relief and achievement terms (ODD §7.7–7.8). */
  readonly effect: TrackEffect;
  /** What it does once every actor has had its turn in a step (the media climate), if anything. */
  readonly afterActors?: (state: SimState, ctx: Context) => void;
}

/** An actor working with both parties has the full dyadic effect; each party's turn brings half of it. */
export const HALF = 1 / 2;
