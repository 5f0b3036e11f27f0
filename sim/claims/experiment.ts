import { replicates } from '../ensemble';
import { openRun, type RunSession } from '../session';
import { parseScenario } from '../scenario/validate';
import type { ActorInput, EventInput, ParamsInput, ScenarioData, ScenarioInput } from '../scenario/schema';
import type { ActorState, Signing } from '../state';
import { POWER_BASE_TRACKS, powerBaseColumn, TRACK_SLOTS } from '../tracks/tracks';

/** Reads a library scenario's JSON by name (e.g. "track-one-only"); the CLI reads files, tests too. */
export type ScenarioLoader = (name: string) => unknown;

/** Options shared by every claim experiment. */
export interface ExperimentOptions {
  /** Runs per ensemble, paired by seed across the compared scenarios. */
  runs: number;
  /** Agents per party, overriding the scenarios' populations (smaller is faster). */
  population?: number;
  /** Base seed, overriding the scenarios' own (replicate seeds derive from it). */
  seed?: number;
  /** Whether a claim that does not hold at the defaults searches for a region where it does (default true). */
  searchRegions?: boolean;
  load: ScenarioLoader;
}

/** What one run of an experiment yields: means over the run, first talks, final actors and signings. */
export interface RunMetrics {
  seed: number;
  meanX: number;
  /** Mean X over the ticks from `fromTick` on (see measure). */
  meanXAfter: number;
  meanB: number;
  /** Mean weighted contribution to B of each power-base track, by track number. */
  meanBTrack: number[];
  /** First tick with talks or a settlement; the run's length if never. */
  firstTalks: number;
  incidents: number;
  ticks: number;
  /** The scenario's ticks per year, to turn years (e.g. C9's ten) into ticks. */
  ticksPerYear: number;
  actors: ActorState[];
  signings: Signing[];
  /** The escalation index and the incidents at every observed tick (row t = tick t). */
  X: Float64Array;
  incidentSeries: Float64Array;
}

/** A copy of a scenario file's JSON to change before validation, its lists and params present. */
export type ScenarioDraft = Omit<ScenarioInput, 'actors' | 'events' | 'params'> & {
  actors: ActorInput[];
  events: EventInput[];
  params: ParamsInput;
};

/** A change to a draft: what distinguishes a variant from the library scenario. */
export type ScenarioPatch = (s: ScenarioDraft) => void;

/**
 * A copy of a library scenario's JSON as a draft. The empty lists and params it fills in are the
 * schema's defaults, so an unpatched draft validates to the scenario itself.
 */
export function draft(o: Pick<ExperimentOptions, 'load'>, name: string): ScenarioDraft {
  const raw = structuredClone(o.load(name)) as ScenarioDraft;
  raw.actors ??= [];
  raw.events ??= [];
  raw.params ??= {};
  return raw;
}

/** The first actor of `track` in a draft; an error naming the scenario if it has none. */
export function actorOn(s: ScenarioDraft, track: number): ActorInput {
  const a = s.actors.find((x) => x.track === track);
  if (!a) throw new Error(`scenario "${s.name}" has no Track ${track} actor, which this experiment changes`);
  return a;
}

/** Loads a library scenario, applies `patch` to a draft of it and the population override, and validates it. */
export function variant(o: ExperimentOptions, name: string, patch: ScenarioPatch = () => {}): ScenarioData {
  const d = draft(o, name);
  patch(d);
  if (o.population) for (const p of d.parties) p.population = o.population;
  if (o.seed !== undefined) d.seed = o.seed;
  return parseScenario(d);
}

/** Runs replicates 0…runs−1 of a scenario (seeds derived from its seed, so variants are paired) and measures each. */
export function measure(s: ScenarioData, runs: number, fromTick = 0): RunMetrics[] {
  const out: RunMetrics[] = [];
  for (const session of replicates(s, { runs, events: false })) out.push(metricsOf(session, fromTick));
  return out;
}

/**
 * Runs replicate r of `scenarioFor(r)` for r = 0…runs−1 and measures each: a paired arm whose
 * scenario differs by seed (e.g. a start tick matched to another arm's run with the same seed).
 * The seeds are those of `measure` when every scenario has the same base seed.
 */
export function measureEach(scenarioFor: (r: number) => ScenarioData, runs: number, fromTick = 0): RunMetrics[] {
  const out: RunMetrics[] = [];
  for (let r = 0; r < runs; r++) out.push(metricsOf(openRun(scenarioFor(r), { run: r, events: false }), fromTick));
  return out;
}

function metricsOf(res: RunSession, fromTick: number): RunMetrics {
  res.advance();
  const s = res.scenario;
  const d = res.columns.data;
  const n = res.columns.rows;
  let meanX = 0;
  let after = 0;
  let afterN = 0;
  let meanB = 0;
  let incidents = 0;
  let firstTalks = n - 1;
  const bt = new Array<number>(TRACK_SLOTS).fill(0);
  for (let t = 0; t < n; t++) {
    meanX += d.X[t] / n;
    meanB += d.B[t] / n;
    incidents += d.incidents[t];
    for (const k of POWER_BASE_TRACKS) bt[k.number] += d[powerBaseColumn(k)][t] / n;
    if (d.tick[t] >= fromTick) {
      after += d.X[t];
      afterN++;
    }
    if (firstTalks === n - 1 && d.trackOne[t] >= 1) firstTalks = d.tick[t];
  }
  return {
    seed: res.seed, meanX, meanXAfter: afterN ? after / afterN : 0, meanB, meanBTrack: bt, firstTalks,
    incidents, ticks: n - 1, ticksPerYear: s.ticksPerYear, actors: res.state.actors, signings: res.state.signings,
    X: d.X.slice(0, n), incidentSeries: d.incidents.slice(0, n),
  };
}

/** Mean of a series over rows from…to−1 (clipped to the series); NaN for an empty window. */
export function windowMean(series: ArrayLike<number>, from: number, to: number): number {
  const a = Math.max(0, from);
  const b = Math.min(series.length, to);
  if (b <= a) return NaN;
  let sum = 0;
  for (let t = a; t < b; t++) sum += series[t];
  return sum / (b - a);
}

/** Picks one number per run. */
export const pick = (ms: readonly RunMetrics[], f: (m: RunMetrics) => number): number[] => ms.map(f);
