import { NORMAL_TABLE } from './normalTable';
import { TERMS_LENGTH } from './rules/populationTerms';

/**
 * One run's per-agent and per-tie arrays, carved out of a single WebAssembly.Memory so the
 * population pass (compiled to WebAssembly, sim/wasm/) reads and writes them in place: the
 * state's typed arrays are views into it, nothing is copied per step and nothing is held twice.
 * Allocated once, at its full size (growing it would detach the views), and never freed piece
 * by piece: it lives as long as the run's state.
 */
export interface Arena {
  readonly memory: WebAssembly.Memory;
  float32(length: number): Float32Array;
  float64(length: number): Float64Array;
  int32(length: number): Int32Array;
  uint8(length: number): Uint8Array;
}

/** Where typed arrays are allocated: a run's arena, or plain arrays (as tests and tools build graphs). */
export type Allocate = Pick<Arena, 'float32' | 'float64' | 'int32' | 'uint8'>;

/** Plain typed arrays, each on its own buffer. */
export const plainArrays: Allocate = {
  float32: (n) => new Float32Array(n),
  float64: (n) => new Float64Array(n),
  int32: (n) => new Int32Array(n),
  uint8: (n) => new Uint8Array(n),
};

const PAGE = 65536;
const align = (bytes: number) => Math.ceil(bytes / 8) * 8;

/**
 * The bytes of a run's arena: per agent anger, fear, grievance and perceived hostility (Float32),
 * role and participation (Uint8), contact (Int32), the snapshot pair (Float32 × 2) and unit-row
 * flag (Uint8), in agent mode; the row pointers (Int32, agents + 1), each tie's column and weight;
 * the role sums (Float64 × 6, three), the pass's terms and the normal table.
 */
export function arenaBytes(o: { agents: number; ties: number; meanfield: boolean }): number {
  const n = o.agents;
  const scratch = o.meanfield ? 0 : align(8 * n) + align(n);
  return 4 * align(4 * n) + 2 * align(n) + align(4 * n) + align(4 * (n + 1)) + 2 * align(4 * o.ties) +
    scratch + 3 * align(8 * 6) + align(8 * TERMS_LENGTH) + align(4 * NORMAL_TABLE.length);
}

/** Creates an arena of `bytes` (see arenaBytes); allocating past its end throws a RangeError. */
export function createArena(bytes: number): Arena {
  const memory = new WebAssembly.Memory({ initial: Math.max(1, Math.ceil(bytes / PAGE)) });
  let offset = 0;
  const take = (length: number, size: number): number => {
    const at = offset;
    offset = align(at + length * size);
    if (offset > memory.buffer.byteLength) throw new RangeError(`arena of ${memory.buffer.byteLength} bytes is full`);
    return at;
  };
  return {
    memory,
    float32: (n) => new Float32Array(memory.buffer, take(n, 4), n),
    float64: (n) => new Float64Array(memory.buffer, take(n, 8), n),
    int32: (n) => new Int32Array(memory.buffer, take(n, 4), n),
    uint8: (n) => new Uint8Array(memory.buffer, take(n, 1), n),
  };
}
