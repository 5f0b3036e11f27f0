import { compileKernel } from './kernel';
import { driftStep } from './rules/driftStep';
import type { ParamsData, ScenarioData } from './scenario/schema';
import type { Track } from './tracks/track';
import { stageWindowKey, trackOf, TRACKS } from './tracks/tracks';

/**
 * What a run derives from its scenario once, at setup, and never changes: the same for every
 * replicate of the scenario.
 */
export interface Constants {
  scenario: ScenarioData;
  params: ParamsData;
  /** Years per tick. */
  dt: number;
  meanfield: boolean;
  /** Kernel weight by track number (power-base tracks; others 0). */
  kernel: Float64Array;
  /** Glasl window [from, to] by track number (index 0 unused). */
  stageWindow: ReadonlyArray<readonly [number, number]>;
  /** For each actor: its track, the indices of the parties it works with, whether it needs consent, and when it leaves. */
  actorTrack: Track[];
  actorParties: number[][];
  actorNeedsConsent: boolean[];
  actorLeaveAt: number[];
  /** Ring length of state.incidentHistory: a year plus the lull window. */
  historyLength: number;
  /** One step of the power drift: the decay of log power's distance from its anchor, and the spread per unit σ (see driftStep). */
  powerDrift: { decay: number; spread: number };
}

/** The index of the party named `name`, or −1. */
export function partyIndex(scenario: ScenarioData, name: string): number {
  return scenario.parties.findIndex((p) => p.name === name);
}

/** Derives a scenario's constants (validated scenario, defaults filled; compiles its kernel). */
export function deriveConstants(scenario: ScenarioData): Constants {
  const p = scenario.params;
  return {
    scenario,
    params: p,
    dt: 1 / scenario.ticksPerYear,
    meanfield: scenario.mode === 'meanfield',
    kernel: compileKernel(scenario.kernel.formula, scenario.kernel.params),
    stageWindow: [[1, 9], ...TRACKS.map((t) => p[stageWindowKey(t)])],
    actorTrack: scenario.actors.map((a) => trackOf(a.track)),
    actorParties: scenario.actors.map((a) => (a.parties ?? scenario.parties.map((q) => q.name)).map((n) => partyIndex(scenario, n))),
    actorNeedsConsent: scenario.actors.map((a) => a.consent ?? trackOf(a.track).consent),
    actorLeaveAt: scenario.actors.map((a) => a.leaveAt ?? a.start + a.commitment),
    historyLength: scenario.ticksPerYear + p.lullWindow,
    powerDrift: driftStep(p.powerReversion, 1 / scenario.ticksPerYear),
  };
}
