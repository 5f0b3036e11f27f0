import type { ExperimentOptions } from './experiment';
import type { Estimate } from './stats';

/**
 * A control: the same experiment with one mechanism switched off and everything else kept equal.
 * `removes` names the mechanism, `keeps` what stays as in the claim's own arms.
 */
export interface Control {
  description: string;
  removes: string;
  keeps: string;
  effect: Estimate;
  /**
   * Whether the control behaves as the mechanism predicts (usually: the effect is gone). A fact
   * about the model's code, checked every run; `outcome` says what was seen, in words.
   */
  removed: boolean;
  outcome?: string;
}

/** A further arm that switches off one channel, to say through which mechanism an effect arises. */
export interface Channel {
  description: string;
  removes: string;
  effect: Estimate;
}

/** The outcome of one claim of MODEL.md §9: its effect with a 95 % interval, its control, and its conditions. */
export interface ClaimResult {
  id: string;
  title: string;
  /** What was compared with what. */
  compared: string;
  /** What the effect measures, with its unit. */
  effectLabel: string;
  effect: Estimate;
  /** Whether the claim holds at the library's defaults (its own criterion, stated in `criterion`). */
  holds: boolean;
  criterion: string;
  control: Control;
  /** The effect with one channel switched off at a time (empty when the control says it all). */
  channels: Channel[];
  /**
   * Where a claim that does not hold at the defaults holds, as found by a sweep (its grid and the
   * effect with its interval at each point); undefined when it holds at the defaults or none was searched.
   */
  region?: Region;
  /** Further figures behind the verdict, in words. */
  notes: string[];
  /** Key figures by name, for programs (e.g. C9's targets); the notes say them in words. */
  figures?: Record<string, number>;
}

/**
 * Where a claim holds along one parameter, as a sweep found it: the grid tried (in order, from the
 * default outwards), the effect at each point, and the first value at which the claim held
 * (null if none did). `direction` says whether the claim holds from that value up or down.
 */
export interface Region {
  parameter: string;
  direction: 'up' | 'down';
  holdsFrom: number | null;
  grid: Array<{ value: number; effect: Estimate; holds: boolean }>;
}

/**
 * Tries `grid` in order until `judge` says the claim holds, and reports the region. The sweep of a
 * claim that fails at the defaults: it stops at the first value where the claim holds.
 */
export function searchRegion(
  o: { parameter: string; direction: 'up' | 'down'; grid: readonly number[] },
  judge: (value: number) => { effect: Estimate; holds: boolean },
): Region {
  const grid: Region['grid'] = [];
  for (const value of o.grid) {
    const { effect, holds } = judge(value);
    grid.push({ value, effect, holds });
    if (holds) return { parameter: o.parameter, direction: o.direction, holdsFrom: value, grid };
  }
  return { parameter: o.parameter, direction: o.direction, holdsFrom: null, grid };
}

/** A claim: its id and the experiment that judges it. */
export interface Claim {
  id: string;
  run(o: ExperimentOptions): ClaimResult;
}

/** An estimate as "mean [lo, hi]" for the notes. */
export const fmt = (e: Estimate, digits = 3) => `${e.mean.toFixed(digits)} [${e.lo.toFixed(digits)}, ${e.hi.toFixed(digits)}]`;

/** A single number as an estimate (n = 1, no interval). */
export const single = (e: number): Estimate => ({ mean: e, lo: e, hi: e, n: 1 });
