import type { ExperimentOptions } from './experiment';
import type { Estimate } from './stats';

/** The outcome of one claim of MODEL.md §9: its effect with a 95 % interval, and its control. */
export interface ClaimResult {
  id: string;
  title: string;
  /** What was compared with what. */
  compared: string;
  /** What the effect measures, with its unit. */
  effectLabel: string;
  effect: Estimate;
  /** Whether the claim holds (its own criterion, stated in `criterion`). */
  holds: boolean;
  criterion: string;
  /** `removed`: the control behaves as the claim's mechanism predicts (usually: the effect is gone); `outcome` says so in words. */
  control: { description: string; effect: Estimate; removed: boolean; outcome?: string };
  /** Further figures behind the verdict. */
  notes: string[];
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
