/**
 * What the track actors do to the population and the dyad in one step, gathered before the
 * population pass so the hot loop reads a few per-party numbers instead of the actor list.
 * Allocated once per run and reset every step.
 */
export interface Effects {
  /** Relief rate (per year) of anger and fear by party and role: index party * 3 + role. */
  reliefAnger: Float64Array;
  reliefFear: Float64Array;
  /** Anger added to each party's angriest decile after leaks or broken promises. */
  backlash: Float64Array;
  /** Share of anger, fear removed from this step's exchange participants, per party. */
  cohortDepth: Float64Array;
  /** Increments of C, U, E from the tracks (before decay). */
  dC: number;
  dU: number;
  dE: number;
}

export function createEffects(): Effects {
  return {
    reliefAnger: new Float64Array(6),
    reliefFear: new Float64Array(6),
    backlash: new Float64Array(2),
    cohortDepth: new Float64Array(2),
    dC: 0,
    dU: 0,
    dE: 0,
  };
}

export function resetEffects(fx: Effects): void {
  fx.reliefAnger.fill(0);
  fx.reliefFear.fill(0);
  fx.backlash.fill(0);
  fx.cohortDepth.fill(0);
  fx.dC = 0;
  fx.dU = 0;
  fx.dE = 0;
}
