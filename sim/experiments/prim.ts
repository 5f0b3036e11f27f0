import { AnalysisError } from './analysisError';

/** A factor's values at the points PRIM looks at: numbers (a range is peeled) or strings (a set of levels). */
export type PrimColumn = { name: string; values: Float64Array } | { name: string; levels: string[]; order?: readonly string[] };

/** A box's limits: per factor, [lo, hi] for a number, the levels kept for a string factor. */
export type Limit = [number, number] | string[];

/** One step of a box search. */
export interface TrajectoryStep {
  /** Which box this step belongs to (0 the first). */
  box: number;
  phase: 'peel' | 'paste';
  /** Share of all cases of interest inside the box. */
  coverage: number;
  /** Share of the box's points that are cases of interest. */
  density: number;
  /** Share of all points inside the box. */
  mass: number;
  /** Factors the box restricts. */
  restricted: number;
}

/** A chosen box: its statistics and the limits of the factors it restricts (unrestricted ones left out). */
export interface PrimBox {
  coverage: number;
  density: number;
  mass: number;
  limits: Record<string, Limit>;
}

/** PRIM's settings, with the EMA Workbench's defaults. */
export interface PrimOptions {
  /** Share of a box's points peeled off at each step (default 0.05). */
  peelAlpha?: number;
  /** Share added back at each pasting step (default 0.05). */
  pasteAlpha?: number;
  /** Smallest mass a box may shrink to (default 0.05). */
  massMin?: number;
  /** Least density a box must reach to be reported (default 0.8). */
  minDensity?: number;
  /** Most boxes to find, each on the points no earlier box holds (default 3). */
  maxBoxes?: number;
}

type Box = Array<[number, number] | Set<string>>;

/**
 * The quantile PRIM peels at, as sdtoolkit and the EMA Workbench compute it: between two distinct
 * neighbouring values, so a peel always removes something when the data allow it.
 */
function peelQuantile(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  const i = (n - 1) * q;
  let lo = Math.floor(i);
  let hi = Math.ceil(i);
  if (q > 0.5) while (sorted[lo] === sorted[hi] && lo > 0) lo--;
  else while (sorted[lo] === sorted[hi] && hi < n - 1) hi++;
  return (sorted[lo] + sorted[hi]) / 2;
}

/**
 * Friedman & Fisher's (1999) patient rule induction method, as the EMA Workbench runs it for
 * scenario discovery: from the box holding every point, repeatedly peel off the `peelAlpha`
 * quantile of one factor's range (or one level of a string factor), choosing the peel with the
 * largest gain in density per point removed (the Workbench's "lenient1" objective), as long as
 * a peel raises the density and the box keeps at least `massMin` of the points. As in the
 * Workbench, the box chosen is the last of that peeling trajectory, pasted (edges moved back out
 * by `pasteAlpha`, or a level added back) while that raises its density; it is reported when its
 * density reaches `minDensity` (the Workbench's threshold). The trajectory is returned too, for a
 * reader who prefers more coverage at less density. Further boxes are sought on the points outside
 * the earlier ones (the covering approach), until one falls short of minDensity.
 */
export function prim(columns: readonly PrimColumn[], interest: Uint8Array, o: PrimOptions = {}): { trajectory: TrajectoryStep[]; boxes: PrimBox[] } {
  const peelAlpha = o.peelAlpha ?? 0.05;
  const pasteAlpha = o.pasteAlpha ?? 0.05;
  const massMin = o.massMin ?? 0.05;
  const minDensity = o.minDensity ?? 0.8;
  const maxBoxes = o.maxBoxes ?? 3;
  const n = interest.length;
  let totalCoi = 0;
  for (let i = 0; i < n; i++) totalCoi += interest[i];
  if (n === 0) throw new AnalysisError('no point has a value of the metric');
  if (totalCoi === 0) throw new AnalysisError('no point is a case of interest: PRIM has nothing to find (check --threshold and --below)');

  const init: Box = columns.map((c) => {
    if ('values' in c) {
      let lo = Infinity;
      let hi = -Infinity;
      for (const v of c.values) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      return [lo, hi];
    }
    // the factor's own order of levels where known, so limits list them as the experiment does
    const present = new Set(c.levels);
    return new Set(c.order ? c.order.filter((v) => present.has(v)) : present);
  });
  const inside = (box: Box, i: number) => columns.every((c, j) => {
    const lim = box[j];
    return 'values' in c ? c.values[i] >= (lim as [number, number])[0] && c.values[i] <= (lim as [number, number])[1] : (lim as Set<string>).has(c.levels[i]);
  });
  const restrictedCount = (box: Box) => box.reduce((s, lim, j) => {
    const ini = init[j];
    if (lim instanceof Set) return s + (lim.size < (ini as Set<string>).size ? 1 : 0);
    return s + (lim[0] > (ini as [number, number])[0] || lim[1] < (ini as [number, number])[1] ? 1 : 0);
  }, 0);
  const stats = (idx: number[]) => {
    let coi = 0;
    for (const i of idx) coi += interest[i];
    return { coi, density: idx.length ? coi / idx.length : 0 };
  };
  // the lenient1 objective: change in mean per point removed or added
  const objective = (oldIdx: number[], oldDensity: number, newIdx: number[]) => {
    const d = stats(newIdx).density;
    if (d === oldDensity || newIdx.length === oldIdx.length) return 0;
    return (d - oldDensity) / Math.abs(oldIdx.length - newIdx.length);
  };

  interface State { box: Box; idx: number[]; phase: 'peel' | 'paste' }
  const trajectory: TrajectoryStep[] = [];
  const boxes: PrimBox[] = [];
  let remaining = Array.from({ length: n }, (_, i) => i);

  const record = (b: number, s: State) => {
    const { coi, density } = stats(s.idx);
    trajectory.push({ box: b, phase: s.phase, coverage: coi / totalCoi, density, mass: s.idx.length / n, restricted: restrictedCount(s.box) });
  };

  const peels = (s: State): State[] => {
    const out: State[] = [];
    columns.forEach((c, j) => {
      const lim = s.box[j];
      if ('values' in c) {
        const x = Float64Array.from(s.idx, (i) => c.values[i]).sort();
        for (const side of [0, 1] as const) {
          const q = peelQuantile(x, side === 0 ? peelAlpha : 1 - peelAlpha);
          const box = s.box.slice();
          const [lo, hi] = lim as [number, number];
          box[j] = side === 0 ? [q, hi] : [lo, q];
          out.push({ box, idx: s.idx.filter((i) => (side === 0 ? c.values[i] >= q : c.values[i] <= q)), phase: 'peel' });
        }
      } else if ((lim as Set<string>).size > 1) {
        for (const level of lim as Set<string>) {
          const kept = new Set(lim as Set<string>);
          kept.delete(level);
          const box = s.box.slice();
          box[j] = kept;
          out.push({ box, idx: s.idx.filter((i) => c.levels[i] !== level), phase: 'peel' });
        }
      }
    });
    return out;
  };

  const pastes = (s: State, pool: number[]): State[] => {
    const out: State[] = [];
    columns.forEach((c, j) => {
      const lim = s.box[j];
      const ini = init[j];
      if ('values' in c) {
        const [lo, hi] = lim as [number, number];
        const [min, max] = ini as [number, number];
        for (const side of [0, 1] as const) {
          if (side === 0 ? lo <= min : hi >= max) continue;
          // the points just outside this edge that the rest of the box admits
          const widened = s.box.slice();
          widened[j] = side === 0 ? [min, hi] : [lo, max];
          const x = Float64Array.from(pool.filter((i) => inside(widened, i) && (side === 0 ? c.values[i] < lo : c.values[i] > hi)), (i) => c.values[i]).sort();
          const edge = x.length === 0 ? (side === 0 ? min : max) : x.length === 1 ? x[0] : peelQuantile(x, side === 0 ? 1 - pasteAlpha : pasteAlpha);
          const box = s.box.slice();
          box[j] = side === 0 ? [edge, hi] : [lo, edge];
          out.push({ box, idx: pool.filter((i) => inside(box, i)), phase: 'paste' });
        }
      } else {
        for (const level of ini as Set<string>) {
          if ((lim as Set<string>).has(level)) continue;
          const box = s.box.slice();
          box[j] = new Set([...(lim as Set<string>), level]);
          out.push({ box, idx: pool.filter((i) => inside(box, i)), phase: 'paste' });
        }
      }
    });
    return out;
  };

  /** The best candidate: largest objective, then fewest restricted factors (as the Workbench sorts). */
  const best = (from: State, candidates: State[]) => {
    const d = stats(from.idx).density;
    let top: { s: State; obj: number; res: number } | null = null;
    for (const c of candidates) {
      const obj = objective(from.idx, d, c.idx);
      const res = restrictedCount(c.box);
      if (!top || obj > top.obj || (obj === top.obj && res < top.res)) top = { s: c, obj, res };
    }
    return top;
  };

  for (let b = 0; b < maxBoxes && remaining.length; b++) {
    const start: State = { box: init.slice(), idx: remaining, phase: 'peel' };
    const path: State[] = [start];
    record(b, start);
    for (let s = start; ;) {
      const top = best(s, peels(s));
      if (!top || !(top.obj > 0) || top.s.idx.length / n < massMin || top.s.idx.length >= s.idx.length) break;
      s = top.s;
      path.push(s);
      record(b, s);
    }
    let chosen = path[path.length - 1];
    for (;;) {
      const top = best(chosen, pastes(chosen, remaining));
      if (!top || !(top.obj > 0) || top.s.idx.length <= chosen.idx.length || top.s.idx.length / n < massMin) break;
      chosen = top.s;
      record(b, chosen);
    }
    const { coi, density } = stats(chosen.idx);
    if (density < minDensity || coi === 0) break;
    const limits: Record<string, Limit> = {};
    columns.forEach((c, j) => {
      const lim = chosen.box[j];
      const ini = init[j];
      if (lim instanceof Set) {
        if (lim.size < (ini as Set<string>).size) limits[c.name] = [...(ini as Set<string>)].filter((v) => lim.has(v));
      } else if (lim[0] > (ini as [number, number])[0] || lim[1] < (ini as [number, number])[1]) limits[c.name] = [lim[0], lim[1]];
    });
    boxes.push({ coverage: coi / totalCoi, density, mass: chosen.idx.length / n, limits });
    const taken = new Set(chosen.idx);
    remaining = remaining.filter((i) => !taken.has(i));
  }
  return { trajectory, boxes };
}
