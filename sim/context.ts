import { compileKernel } from './kernel';
import { createStream, STREAM_NAMES, type Stream, type StreamName } from './rng';
import type { ScenarioData, ParamsData } from './scenario/schema';
import type { SimState } from './state';
import { createEffects, type Effects } from './rules/effects';
import { stageWindowKey, trackOf, TRACKS } from './tracks/tracks';
import type { Track } from './tracks/track';

/**
 * What a run needs besides its state: the scenario, constants derived from it once at setup
 * (dt, kernel weights, actors' parties) and the live random streams. Not saved: it is rebuilt
 * from the scenario and the state's saved stream states.
 */
export interface Context {
  scenario: ScenarioData;
  params: ParamsData;
  dt: number;
  meanfield: boolean;
  /** Kernel weight by track (index 2…5). */
  kernel: Float64Array;
  /** Glasl window [from, to] by track (index 1…5). */
  stageWindow: ReadonlyArray<readonly [number, number]>;
  /** For each actor, its track and the indices of the parties it works with. */
  actorTrack: Track[];
  actorParties: number[][];
  actorNeedsConsent: boolean[];
  actorLeaveAt: number[];
  streams: Record<StreamName, Stream>;
  /** Per actor: lifecycle draws, and Track Four cohort draws. */
  actorStreams: Stream[];
  cohortStreams: Stream[];
  /** Ring length of state.incidentHistory: a year plus the lull window. */
  historyLength: number;
  /** Per-step scratch: the tracks' effects, and the interleaved anger/fear snapshot (2 per agent) of the synchronous update. */
  fx: Effects;
  pairs: Float32Array;
  /** Per agent, 1 when all its ties weigh 1 (the population rule then skips the weights), for the weights `unitRowsOf`. */
  unitRows: Uint8Array;
  unitRowsOf: Float32Array | null;
}

export function partyIndex(scenario: ScenarioData, name: string): number {
  return scenario.parties.findIndex((p) => p.name === name);
}

/** Builds the context of a run with seed `seed`; streams resume from `saved` when given. */
export function createContext(scenario: ScenarioData, seed: number, saved?: SimState['streams']): Context {
  const p = scenario.params;
  const dt = 1 / scenario.ticksPerYear;
  const stream = (name: string) => createStream(seed, name, saved?.[name]);
  const streams = Object.fromEntries(STREAM_NAMES.map((n) => [n, stream(n)])) as Record<StreamName, Stream>;
  const actorStreams = scenario.actors.map((_, j) => stream(`actors:${j}`));
  const cohortStreams = scenario.actors.map((_, j) => stream(`actors:${j}:cohort`));
  const stageWindow: Array<readonly [number, number]> = [[1, 9], ...TRACKS.map((t) => p[stageWindowKey(t)])];
  return {
    scenario,
    params: p,
    dt,
    meanfield: scenario.mode === 'meanfield',
    kernel: compileKernel(scenario.kernel.formula, scenario.kernel.params),
    stageWindow,
    actorTrack: scenario.actors.map((a) => trackOf(a.track)),
    actorParties: scenario.actors.map((a) => (a.parties ?? scenario.parties.map((q) => q.name)).map((n) => partyIndex(scenario, n))),
    actorNeedsConsent: scenario.actors.map((a) => a.consent ?? trackOf(a.track).consent),
    actorLeaveAt: scenario.actors.map((a) => a.leaveAt ?? a.start + a.commitment),
    streams,
    actorStreams,
    cohortStreams,
    historyLength: scenario.ticksPerYear + p.lullWindow,
    fx: createEffects(),
    pairs: new Float32Array(0),
    unitRows: new Uint8Array(0),
    unitRowsOf: null,
  };
}

/** Saves every stream's state into a plain record (for SimState.streams). */
export function saveStreams(ctx: Context): SimState['streams'] {
  const out: SimState['streams'] = {};
  for (const n of STREAM_NAMES) out[n] = ctx.streams[n].state();
  ctx.actorStreams.forEach((s, j) => (out[`actors:${j}`] = s.state()));
  ctx.cohortStreams.forEach((s, j) => (out[`actors:${j}:cohort`] = s.state()));
  return out;
}
