import type { Stream } from './rng';

/** A directed weighted graph in compressed sparse rows: row i lists the agents i listens to. */
export interface Graph {
  /** rowPtr[i]…rowPtr[i+1] index agent i's ties in col and weight; length N + 1. */
  rowPtr: Int32Array;
  col: Int32Array;
  weight: Float32Array;
}

/**
 * Makes a graph's arrays, zeroed, once its numbers of agents and directed ties are known: plain
 * arrays by default; a run puts them in its arena (sim/arena.ts).
 */
export type GraphArrays = (agents: number, ties: number) => Graph;

/** Plain typed arrays for a graph. */
export const plainGraph: GraphArrays = (n, ties) => ({ rowPtr: new Int32Array(n + 1), col: new Int32Array(ties), weight: new Float32Array(ties) });

/** Directed ties as parallel arrays: the first `count` (default all) of from → to with weight. */
export interface DirectedTies {
  from: Int32Array;
  to: Int32Array;
  weight: Float32Array;
  count?: number;
}

/** Builds CSR rows from parallel arrays of directed ties, keeping their order within a row, into `arrays`. */
export function csrFromTies(n: number, ties: DirectedTies, arrays: GraphArrays = plainGraph): Graph {
  const { from, to, weight: w } = ties;
  const count = ties.count ?? from.length;
  const { rowPtr, col, weight } = arrays(n, count);
  for (let e = 0; e < count; e++) rowPtr[from[e] + 1]++;
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
  const fill = rowPtr.slice(0, n);
  for (let e = 0; e < count; e++) {
    const k = fill[from[e]]++;
    col[k] = to[e];
    weight[k] = w[e];
  }
  return { rowPtr, col, weight };
}

/** Options of the small-world network, as the scenario gives them, and where to put it. */
export interface SmallWorldOptions {
  degree: number;
  rewire: number;
  crossTies: number;
  contactWeight: number;
  /** Default: plain arrays. */
  arrays?: GraphArrays;
}

/**
 * Within-party Watts–Strogatz graphs (a ring of degree/2 neighbours each side, each tie rewired
 * with probability `rewire` to a random member of the same party) plus cross-party ties, a share
 * `crossTies` of the within-party ties, weighing `contactWeight`. Every tie is mutual.
 * Rare duplicate ties after rewiring are kept (checking for them costs more than they matter).
 * The ties are drawn first as bare pairs of ends, then laid into rows in the order drawn (a → b,
 * then b → a, as csrFromTies would), which needs half the scratch memory of directed tie arrays.
 */
export function smallWorld(sizes: readonly number[], o: SmallWorldOptions, rng: Stream): Graph {
  const n = sizes.reduce((a, b) => a + b, 0);
  let undirected = 0;
  const halves = sizes.map((size) => Math.max(0, Math.min(o.degree >> 1, (size - 1) >> 1)));
  sizes.forEach((size, p) => (undirected += size * halves[p]));
  const cross = sizes.length === 2 && sizes[0] > 0 && sizes[1] > 0 ? Math.round(o.crossTies * undirected) : 0;
  const ties = undirected + cross;
  const ends = new Int32Array(2 * ties);
  let t = 0;
  let offset = 0;
  for (let p = 0; p < sizes.length; p++) {
    const size = sizes[p];
    const k = halves[p];
    for (let i = 0; i < size; i++) {
      for (let j = 1; j <= k; j++) {
        let target = (i + j) % size;
        if (rng() < o.rewire) {
          // a uniformly random other member of the party
          const r = Math.floor(rng() * (size - 1));
          target = r >= i ? r + 1 : r;
        }
        ends[t++] = offset + i;
        ends[t++] = offset + target;
      }
    }
    offset += size;
  }
  for (let c = 0; c < cross; c++) {
    ends[t++] = Math.floor(rng() * sizes[0]);
    ends[t++] = sizes[0] + Math.floor(rng() * sizes[1]);
  }
  const { rowPtr, col, weight } = (o.arrays ?? plainGraph)(n, 2 * ties);
  for (let e = 0; e < 2 * ties; e++) rowPtr[ends[e] + 1]++;
  for (let i = 0; i < n; i++) rowPtr[i + 1] += rowPtr[i];
  const fill = rowPtr.slice(0, n);
  const cw = Math.fround(o.contactWeight);
  for (let u = 0; u < ties; u++) {
    const a = ends[2 * u];
    const b = ends[2 * u + 1];
    // within-party ties come first and weigh 1, the cross-party ones after them
    const w = u < undirected ? 1 : cw;
    const ka = fill[a]++;
    col[ka] = b;
    weight[ka] = w;
    const kb = fill[b]++;
    col[kb] = a;
    weight[kb] = w;
  }
  return { rowPtr, col, weight };
}

/** A user-given directed edge list [i, j, w] (the weight i puts on j), used exactly as given. */
export function edgeListGraph(n: number, edges: ReadonlyArray<readonly [number, number, number]>, arrays: GraphArrays = plainGraph): Graph {
  const from = new Int32Array(edges.length);
  const to = new Int32Array(edges.length);
  const w = new Float32Array(edges.length);
  edges.forEach(([i, j, weight], e) => {
    from[e] = i; to[e] = j; w[e] = weight;
  });
  return csrFromTies(n, { from, to, weight: w }, arrays);
}
