import { arenaBytes, createArena, type Arena } from './arena';
import type { Constants } from './constants';
import { edgeListGraph, smallWorld, type Graph, type GraphArrays } from './network';
import { betaMeanSd, normal } from './rng';
import { ROLE_BUSINESS, ROLE_ELITE, ROLE_GENERAL, type ActorState, type SimState } from './state';
import { computeHostility } from './rules/hostility';
import { escalationIndex } from './rules/escalation';
import { clampPower } from './rules/events';
import type { Streams } from './streams';
import { TRACK_SLOTS } from './tracks/tracks';

/** Number of agents per party: the populations in agent mode, one each in mean-field mode. */
export function partySizes(ctx: Pick<Constants, 'meanfield' | 'scenario'>): [number, number] {
  if (ctx.meanfield) return [1, 1];
  return [ctx.scenario.parties[0].population, ctx.scenario.parties[1].population];
}

function newActor(): ActorState {
  return {
    phase: 0, skill: 0, tenure: 0, approached: false,
    consent: new Float64Array(2), trust: new Float64Array(2), effect: new Float64Array(2), effectAtExit: new Float64Array(2),
    consentTick: -1, exitTick: -1, premature: false, achievement: 0, insights: 0, commPool: 0, tradePool: 0,
    leaks: 0, brokenPromises: 0, participants: 0,
  };
}

/**
 * The state at tick 0, from the scenario's constants: the network and roles from the `network` stream, initial anger, fear and
 * personal grievance from the `agents` stream (Beta around the party means with SD
 * initialSpread; exactly the party values when the spread is 0). The per-agent and per-tie
 * arrays are views into the run's arena, made once the network's size is known.
 */
export function createState(ctx: Constants, streams: Pick<Streams, 'network' | 'agents'>): { state: SimState; arena: Arena } {
  const { scenario } = ctx;
  const sizes = partySizes(ctx);
  const n = sizes[0] + sizes[1];
  const partyStart = Int32Array.from([0, sizes[0], n]);
  const net = streams.network;
  let arena: Arena | undefined;
  const arrays: GraphArrays = (agents, ties) => {
    arena = createArena(arenaBytes({ agents, ties, meanfield: ctx.meanfield }));
    return { rowPtr: arena.int32(agents + 1), col: arena.int32(ties), weight: arena.float32(ties) };
  };
  let graph: Graph;
  if (ctx.meanfield) graph = arrays(n, 0);
  else if (scenario.network.type === 'edges') graph = edgeListGraph(n, scenario.network.edges, arrays);
  else graph = smallWorld(sizes, { ...scenario.network, contactWeight: scenario.params.contactWeight, arrays }, net);
  const a = arena!;

  const role = a.uint8(n);
  const anger = a.float32(n);
  const fear = a.float32(n);
  const grievance = a.float32(n);
  const agents = streams.agents;
  for (let p = 0; p < 2; p++) {
    const party = scenario.parties[p];
    const size = sizes[p];
    // selection sampling: exactly round(share·N) elites, then business agents among the rest
    let elites = Math.round(party.eliteShare * size);
    let business = Math.min(size - elites, Math.round(party.businessShare * size));
    for (let i = 0, left = size; i < size; i++, left--) {
      const u = net() * left;
      const k = partyStart[p] + i;
      if (u < elites) { role[k] = ROLE_ELITE; elites--; }
      else if (u < elites + business) { role[k] = ROLE_BUSINESS; business--; }
      else role[k] = ROLE_GENERAL;
    }
    const spread = ctx.meanfield ? 0 : party.initialSpread;
    for (let i = partyStart[p]; i < partyStart[p + 1]; i++) {
      anger[i] = betaMeanSd(agents, party.initialAnger, spread);
      fear[i] = betaMeanSd(agents, party.initialFear, spread);
      grievance[i] = spread > 0 ? Math.max(0, party.grievance + spread * normal(agents)) : party.grievance;
    }
  }

  const state: SimState = {
    tick: 0,
    seed: 0,
    partyStart,
    anger, fear, grievance,
    perceived: a.float32(n),
    role,
    participant: a.uint8(n),
    contact: a.int32(n).fill(-1),
    rowPtr: graph.rowPtr, col: graph.col, weight: graph.weight,
    mfAnger: Float64Array.from(scenario.parties.map((p) => p.initialAnger)),
    mfFear: Float64Array.from(scenario.parties.map((p) => p.initialFear)),
    // the range drift and shifts keep to; a denormal power would make power ratios infinite
    power: Float64Array.from(scenario.parties.map((p) => clampPower(p.power))),
    hostility: new Float64Array(2),
    meanAnger: new Float64Array(2),
    meanFear: new Float64Array(2),
    roleAnger: a.float64(6),
    roleFear: a.float64(6),
    roleCount: a.float64(6),
    cost: new Float64Array(2),
    media: new Float64Array(2),
    receptivity: new Float64Array([1, 1]),
    incidents: new Float64Array(2),
    violence: 0,
    dyad: Float64Array.from([scenario.dyad.T, scenario.dyad.C, scenario.dyad.U, scenario.dyad.E]),
    incidentHistory: new Float64Array(ctx.historyLength),
    windowSums: new Float64Array(scenario.ticksPerYear + 1),
    activity: new Float64Array(TRACK_SLOTS),
    powerBase: 0,
    powerBaseByTrack: new Float64Array(TRACK_SLOTS),
    ripeness: 0,
    escalation: 0,
    trackOne: 0,
    talksFailing: 0,
    settlements: 0,
    collapses: 0,
    signings: [],
    actors: scenario.actors.map(newActor),
    eventFired: new Uint8Array(scenario.events.length),
    pending: [],
    streams: {},
  };
  if (ctx.meanfield) {
    // the representative agents' Float32 copies feed charts; the model reads mfAnger/mfFear
    anger.set(state.mfAnger);
    fear.set(state.mfFear);
  }
  computeHostility(state, ctx);
  state.escalation = escalationIndex(state, ctx.params.escalationWeights);
  return { state, arena: a };
}

/** The state's arrays that live in the run's arena, each with its allocator. */
const IN_ARENA = {
  anger: 'float32', fear: 'float32', grievance: 'float32', perceived: 'float32', role: 'uint8', participant: 'uint8',
  contact: 'int32', rowPtr: 'int32', col: 'int32', weight: 'float32', roleAnger: 'float64', roleFear: 'float64', roleCount: 'float64',
} as const;

/**
 * A copy of a saved state whose per-agent and per-tie arrays are in a new arena, to resume from;
 * its fields keep the saved order, so resumed and new states share their layout.
 */
export function restoreState(saved: Readonly<SimState>, meanfield: boolean): { state: SimState; arena: Arena } {
  const arena = createArena(arenaBytes({ agents: saved.partyStart[2], ties: saved.col.length, meanfield }));
  const rest: Record<string, unknown> = { ...saved };
  for (const k of Object.keys(IN_ARENA)) delete rest[k];
  const copy = structuredClone(rest);
  const state: Record<string, unknown> = {};
  for (const k of Object.keys(saved)) {
    const kind = IN_ARENA[k as keyof typeof IN_ARENA];
    if (kind) {
      const from = saved[k as keyof typeof IN_ARENA];
      const to = arena[kind](from.length);
      to.set(from as never);
      state[k] = to;
    } else state[k] = copy[k];
  }
  return { state: state as unknown as SimState, arena };
}
