import { arenaBytes } from './arena';
import { MAX_EVENTS } from './observe/modelEvents';
import { observedColumns } from './observe/observedColumns';
import type { ScenarioData } from './scenario/schema';
import type { ValidationIssue } from './scenario/issues';

/*
 * Bytes per item of what a run allocates, as sim/ allocates it (`npm run bench` compares the
 * estimate with a measured peak). An agent holds anger, fear, grievance and perceived hostility
 * (Float32), role and participation (Uint8) and its row pointer (Int32): 22 bytes; its Track Four
 * contact tie (Int32) is the contact overlay; the population pass's scratch is a Float32 pair
 * snapshot and a unit-weight flag: 9 bytes. A directed tie is its column (Int32) and weight
 * (Float32). All of these live in the run's arena (sim/arena.ts, one WebAssembly memory), made
 * when the network's size is known, so they exist while the network is laid into rows.
 */
const AGENT_BYTES = 4 * 4 + 1 + 1 + 4;
const CONTACT_BYTES = 4;
const SCRATCH_BYTES = 2 * 4 + 1;
const TIE_BYTES = 4 + 4;
/** The small world draws each undirected tie's two ends (Int32) before laying them into rows: 4 bytes per directed tie. */
const SMALL_WORLD_DRAW_BYTES = 4;
/** An edge list is first copied into from, to and weight arrays (Int32, Int32, Float32). */
const EDGE_LIST_DRAW_BYTES = 4 + 4 + 4;
/** Rows are filled through a copy of the row pointers (Int32 per agent). */
const FILL_BYTES = 4;
/**
 * A user-given edge list [i, j, w] on the JavaScript heap for the whole run: the validated copy
 * (about 190 bytes an edge in Node 20) and the heap its parsing leaves resident (about 90 more),
 * as `npm run bench` measures them.
 */
const EDGE_LIST_HEAP_BYTES = 280;
/** One model event (its object and its reason text), measured at about 290 bytes; rounded up. */
const EVENT_BYTES = 400;
const VALUE_BYTES = 8;

/** What to size: how many runs' results are kept at once, and what each records. */
export interface EstimateOptions {
  /** Runs whose result columns are held at the same time (the CLI streams: 1). Default 1. */
  runsKept?: number;
  /** Histogram bins recorded (by one run). Default 0. */
  histogramBins?: number;
  /** Runs that collect model events. Default 1. */
  eventRuns?: number;
  /** Observed ticks per run. Default: the scenario's. */
  ticks?: number;
  /**
   * Simulations alive at once (a pool of browser workers runs one each), each with its own copy of
   * the scenario, agents, ties and network construction. Default 1.
   */
  simulations?: number;
}

/** WebAssembly's largest memory (65,536 pages of 64 KiB): a run's arena must fit in it. */
export const ARENA_LIMIT = 4 * 1024 ** 3;

/** Bytes a run needs, by part, and the peak in all (see `estimateRun`). */
export interface MemoryEstimate {
  /** Bytes of the run's arena (agents, ties, the population pass's scratch): at most ARENA_LIMIT. */
  arena: number;
  agents: number;
  /** Directed ties of the network. */
  ties: number;
  /** Observed rows per run (ticks + 1). */
  rows: number;
  parts: {
    /** A user-given edge list as the validated scenario holds it. */
    scenario: number;
    /** Per-agent state and the population pass's scratch. */
    agents: number;
    /** Track Four contact ties: one slot per agent. */
    contact: number;
    /** The network's ties (CSR). */
    ties: number;
    /** Arrays that exist only while the network is built (its peak; freed before the run). */
    construction: number;
    /** Result columns of the runs kept. */
    columns: number;
    histograms: number;
    events: number;
  };
  /** The peak: the scenario, plus the larger of the network's construction (with the arena) and the running state with its results. */
  bytes: number;
}

/** The numbers of agents and directed ties a scenario's run builds (as sim/init.ts and sim/network.ts do), and the ties of a given edge list. */
export function runSizes(s: ScenarioData): { agents: number; ties: number; edgeList: number } {
  if (s.mode === 'meanfield') return { agents: 2, ties: 0, edgeList: 0 };
  const agents = s.parties[0].population + s.parties[1].population;
  if (s.network.type === 'edges') return { agents, ties: s.network.edges.length, edgeList: s.network.edges.length };
  const degree = s.network.degree;
  const halves = s.parties.map((p) => Math.max(0, Math.min(degree >> 1, (p.population - 1) >> 1)));
  const undirected = s.parties.reduce((sum, p, k) => sum + p.population * halves[k], 0);
  const cross = s.parties.every((p) => p.population > 0) ? Math.round(s.network.crossTies * undirected) : 0;
  return { agents, ties: 2 * (undirected + cross), edgeList: 0 };
}

/**
 * Estimates the memory a run of a scenario takes at its peak: agents, ties (small-world ties with
 * their cross-party ties, or a given edge list with its JavaScript copy), the contact overlay, the
 * arrays only the network's construction needs, result columns for `runsKept` runs, histograms
 * and model events, with `simulations` runs alive at once. Every shell asks it with its own limit:
 * validation (8 GiB, the command line, which keeps one run), the page (1 GiB for its workers and
 * itself, keeping every run).
 */
export function estimateRun(s: ScenarioData, o: EstimateOptions = {}): MemoryEstimate {
  const { agents, ties, edgeList } = runSizes(s);
  const rows = (o.ticks ?? s.ticks) + 1;
  const names = observedColumns(s.parties.map((p) => p.name)).length;
  const runsKept = Math.max(1, o.runsKept ?? 1);
  const parts = {
    scenario: edgeList * EDGE_LIST_HEAP_BYTES,
    agents: agents * (AGENT_BYTES + SCRATCH_BYTES),
    contact: agents * CONTACT_BYTES,
    ties: ties * TIE_BYTES,
    construction: s.mode === 'meanfield' ? 0
      : agents * FILL_BYTES + ties * (s.network.type === 'edges' ? EDGE_LIST_DRAW_BYTES : SMALL_WORLD_DRAW_BYTES),
    columns: runsKept * rows * names * VALUE_BYTES,
    histograms: rows * 4 * (o.histogramBins ?? 0) * VALUE_BYTES,
    events: Math.max(0, o.eventRuns ?? 1) * MAX_EVENTS * EVENT_BYTES,
  };
  // the network's ties are drawn into scratch and laid into rows in the arena, which holds the agents too; results come after
  const held = parts.agents + parts.contact + parts.ties;
  const building = held + parts.construction;
  const running = held + parts.columns + parts.histograms + parts.events;
  const arena = arenaBytes({ agents, ties, meanfield: s.mode === 'meanfield' });
  // other simulations alive at once may each be at their own peak, building or running
  const others = Math.max(1, Math.floor(o.simulations ?? 1)) - 1;
  const bytes = (others + 1) * parts.scenario + Math.max(building, running) + others * Math.max(building, held);
  return { arena, agents, ties, rows, parts, bytes };
}

/**
 * The problem with holding an edge list of `edges` ties in a JavaScript heap of `heapLimit` bytes,
 * none within it. The list lives on the heap (EDGE_LIST_HEAP_BYTES a tie), which has a limit of
 * its own (Node's default is about 4 GiB, whatever the machine's memory): past it the process
 * dies while checking the list. Needs only the count, so a shell can ask before the list is checked.
 */
export function edgeListHeapIssue(edges: number, heapLimit: number): ValidationIssue | undefined {
  const bytes = edges * EDGE_LIST_HEAP_BYTES;
  if (bytes <= heapLimit) return undefined;
  return {
    path: 'network.edges',
    message: `an edge list of ${edges.toLocaleString('en')} ties needs about ${formatGiB(bytes)} of JavaScript heap to read and check (about ${EDGE_LIST_HEAP_BYTES} bytes a tie), more than the ${formatGiB(heapLimit)} this process has; at most ${Math.floor(heapLimit / EDGE_LIST_HEAP_BYTES).toLocaleString('en')} ties fit: use a shorter list or a smallWorld network, or give Node a larger heap (NODE_OPTIONS=--max-old-space-size=MB)`,
  };
}

/** Bytes in GiB to one decimal ("1.6 GiB"). */
export function formatGiB(bytes: number): string {
  return `${(bytes / 1024 ** 3).toFixed(1)} GiB`;
}

/**
 * The problem with an estimate over `limit`, naming the field that drives it (ticks when the
 * results dominate, the edge list when it does, else the parties' populations); none within it.
 */
export function memoryIssue(e: MemoryEstimate, limit: number): ValidationIssue | undefined {
  const n = (x: number) => x.toLocaleString('en');
  if (e.arena > ARENA_LIMIT) {
    return {
      path: e.parts.scenario > 0 ? 'network.edges' : 'parties',
      message: `this run's agents and ties would need ${formatGiB(e.arena)} (${n(e.agents)} agents, ${n(e.ties)} ties); a run holds at most ${formatGiB(ARENA_LIMIT)} of them (WebAssembly's memory limit)`,
    };
  }
  if (e.bytes <= limit) return undefined;
  const results = e.parts.columns + e.parts.histograms + e.parts.events;
  const path = results > e.bytes / 2 ? 'ticks' : e.parts.scenario > e.bytes / 4 ? 'network.edges' : 'parties';
  return {
    path,
    message: `this run would need about ${formatGiB(e.bytes)} of memory (${n(e.agents)} agents, ${n(e.ties)} ties, ${n(e.rows)} observed ticks); the limit is ${formatGiB(limit)}`,
  };
}
