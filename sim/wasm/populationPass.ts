import type { Arena } from '../arena';
import { NORMAL_TABLE } from '../normalTable';
import type { Scratch } from '../scratch';
import type { SimState } from '../state';
import { POPULATION_PASS_WASM } from './populationPassWasm';

/** The population pass of one run, in WebAssembly over the run's arena (see populationPass.as.ts). */
export interface PopulationPass {
  /** Copies anger and fear of the first `n` agents into the snapshot. */
  snapshotPairs(n: number): void;
  /** The pass over agents `from`…`to − 1` of party `p` from mulberry32 state `seed`; returns the new state. */
  updateParty(p: number, from: number, to: number, seed: number): number;
}

let compiled: WebAssembly.Module | undefined;

/** The compiled module, made at the first run (a synchronous compile of about 1.6 kB, allowed everywhere). */
function populationPassModule(): WebAssembly.Module {
  compiled ??= new WebAssembly.Module(Uint8Array.from(atob(POPULATION_PASS_WASM), (c) => c.charCodeAt(0)));
  return compiled;
}

/**
 * Instantiates the pass over a run's arena, bound to the run's arrays, which must all be views
 * into `arena` (the state's agents, ties and role sums; the scratch's snapshot, flags and terms).
 */
export function createPopulationPass(arena: Arena, state: Readonly<SimState>, scratch: Pick<Scratch, 'pairs' | 'unitRows' | 'terms'>): PopulationPass {
  const table = arena.float32(NORMAL_TABLE.length);
  table.set(NORMAL_TABLE);
  const instance = new WebAssembly.Instance(populationPassModule(), { env: { memory: arena.memory } });
  const exports = instance.exports as unknown as PopulationPass & { bind(...offsets: number[]): void };
  const inArena = [
    state.anger, state.fear, state.grievance, state.perceived, state.role, state.participant, state.contact,
    state.rowPtr, state.col, state.weight, scratch.pairs, scratch.unitRows, table, scratch.terms,
    state.roleAnger, state.roleFear, state.roleCount,
  ];
  for (const a of inArena) {
    if (a.buffer !== arena.memory.buffer) throw new Error('createPopulationPass: an array of the run is not in its arena');
  }
  exports.bind(...inArena.map((a) => a.byteOffset));
  return { snapshotPairs: exports.snapshotPairs, updateParty: exports.updateParty };
}
