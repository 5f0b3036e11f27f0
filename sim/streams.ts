import { createStream, STREAM_NAMES, type Stream, type StreamName } from './rng';
import type { ScenarioData } from './scenario/schema';
import type { SimState } from './state';

/**
 * A run's random streams (MODEL.md §2): the named ones, and per actor one for its lifecycle
 * (`actors:j`) and one for its Track Four cohorts (`actors:j:cohort`), so that adding or
 * changing one actor never shifts another's draws. Live generators: saved into the state only by
 * `saveStreams`.
 */
export interface Streams extends Readonly<Record<StreamName, Stream>> {
  readonly actors: readonly Stream[];
  readonly cohorts: readonly Stream[];
}

/** Creates the streams of a run with seed `seed`, resumed from `saved` stream states when given. */
export function createStreams(scenario: ScenarioData, seed: number, saved?: SimState['streams']): Streams {
  const stream = (name: string) => createStream(seed, name, saved?.[name]);
  const named = Object.fromEntries(STREAM_NAMES.map((n) => [n, stream(n)])) as Record<StreamName, Stream>;
  return {
    ...named,
    actors: scenario.actors.map((_, j) => stream(`actors:${j}`)),
    cohorts: scenario.actors.map((_, j) => stream(`actors:${j}:cohort`)),
  };
}

/** Saves every stream's state into a plain record (for SimState.streams). */
export function saveStreams(streams: Streams): SimState['streams'] {
  const out: SimState['streams'] = {};
  for (const n of STREAM_NAMES) out[n] = streams[n].state();
  streams.actors.forEach((s, j) => (out[`actors:${j}`] = s.state()));
  streams.cohorts.forEach((s, j) => (out[`actors:${j}:cohort`] = s.state()));
  return out;
}
