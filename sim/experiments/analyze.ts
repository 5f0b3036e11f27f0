import { AnalysisError } from './analysisError';
import type { BootstrapOptions } from './bootstrap';
import type { Design } from './design';
import { morrisIndices, type MorrisIndex } from './morrisAnalysis';
import { pointMeans, type PointMeans } from './pointMeans';
import { prim, type PrimBox, type PrimColumn, type TrajectoryStep } from './prim';
import { sobolIndices, type SobolIndex } from './sobolAnalysis';

export { AnalysisError };

/** A data table as read from CSV or Parquet: columns by name, cells as read (text, numbers, booleans, null). */
export interface DataTable {
  names: string[];
  columns: Record<string, ArrayLike<unknown>>;
  rows: number;
}

export const METHODS = ['morris', 'sobol', 'prim'] as const;
export type Method = (typeof METHODS)[number];

/** What to analyse and how. */
export interface AnalyzeOptions {
  method: Method;
  metric: string;
  bootstrap: BootstrapOptions;
  /** prim: a point is a case of interest when its mean is ≥ threshold (default 0.5), or ≤ with `below`. */
  threshold?: number;
  below?: boolean;
  /** prim: least density of a reported box (default 0.8). */
  minDensity?: number;
  /** sobol: second-order indices too. */
  secondOrder?: boolean;
}

/** How the replicates came together: rows read, points with a value, and replicates per point. */
export interface ReplicateCounts {
  rows: number;
  points: number;
  missing: number;
  min: number;
  max: number;
}

export type AnalysisResult =
  | { method: 'morris'; metric: string; n: number; replicates: ReplicateCounts; bootstrap: BootstrapOptions; indices: MorrisIndex[] }
  | { method: 'sobol'; metric: string; n: number; replicates: ReplicateCounts; blocks: { used: number; samples: number }; bootstrap: BootstrapOptions; indices: SobolIndex[] }
  | { method: 'prim'; metric: string; n: number; replicates: ReplicateCounts; threshold: number; below: boolean; trajectory: TrajectoryStep[]; boxes: PrimBox[] };

const MAX_LISTED = 10;

/** Throws one AnalysisError listing up to ten problems and how many more there were. */
function refuse(head: string, problems: string[]): never {
  const more = problems.length > MAX_LISTED ? [`… and ${problems.length - MAX_LISTED} more`] : [];
  throw new AnalysisError([head, ...problems.slice(0, MAX_LISTED).map((p) => `  ${p}`), ...more.map((m) => `  ${m}`)].join('\n'));
}

function isBlank(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === 'string' && x.trim() === '');
}

/** A cell as a number: numbers and bigints as they are, booleans and "true"/"false" as 1/0, numeric text parsed; NaN otherwise. */
function toNumber(x: unknown): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  if (typeof x === 'boolean') return x ? 1 : 0;
  if (typeof x === 'string') {
    const t = x.trim();
    if (t === 'true') return 1;
    if (t === 'false') return 0;
    return t === '' ? NaN : Number(t);
  }
  return NaN;
}

/** The point column as design point numbers; every row outside the design is named. */
function pointColumn(table: DataTable, size: number): Int32Array {
  if (!table.names.includes('point')) throw new AnalysisError(`the data has no "point" column (its columns are ${table.names.join(', ')}); it should hold each row's design point, as detente sample writes it`);
  const col = table.columns.point;
  const out = new Int32Array(table.rows);
  const bad: string[] = [];
  for (let r = 0; r < table.rows; r++) {
    const p = toNumber(col[r]);
    if (!Number.isInteger(p) || p < 0 || p >= size) bad.push(`row ${r + 1}: point ${isBlank(col[r]) ? '(empty)' : String(col[r])} is not a point of the design (it has ${size}, numbered 0…${size - 1})`);
    else out[r] = p;
  }
  if (bad.length) refuse(`${bad.length} row${bad.length > 1 ? 's' : ''} of the data do not match the design:`, bad);
  return out;
}

/** Factor columns present in the data must hold the design's values at each row's point (a whole-number rounding allowed). */
function checkFactorColumns(table: DataTable, design: Design, points: Int32Array): void {
  const bad: string[] = [];
  design.factors.forEach((f, j) => {
    const col = table.columns[f.name];
    if (!col) return;
    for (let r = 0; r < table.rows; r++) {
      const want = design.points[points[r]].values[j];
      const got = col[r];
      const ok = typeof want === 'string'
        ? String(got) === want
        : ((g) => Math.abs(g - want) <= 1e-9 * Math.max(1, Math.abs(want)) || g === Math.round(want))(toNumber(got));
      if (!ok) bad.push(`row ${r + 1} (point ${points[r]}): ${f.name} is ${isBlank(got) ? '(empty)' : String(got)} in the data but ${want} in the design`);
    }
  });
  if (bad.length) refuse(`${bad.length} row${bad.length > 1 ? 's' : ''} of the data do not match the design (was it written for another experiment or seed?):`, bad);
}

/** The metric's cells as numbers, null where empty; any other text is named. */
function metricColumn(table: DataTable, metric: string): Array<number | null> {
  if (!table.names.includes(metric)) {
    throw new AnalysisError(`unknown metric "${metric}": the data's columns are ${table.names.join(', ')}`);
  }
  const col = table.columns[metric];
  const bad: string[] = [];
  const out = Array.from({ length: table.rows }, (_, r) => {
    if (isBlank(col[r])) return null;
    const v = toNumber(col[r]);
    if (!Number.isFinite(v)) bad.push(`row ${r + 1}: ${metric} is "${String(col[r])}", not a number`);
    return v;
  });
  if (bad.length) refuse(`the metric "${metric}" has cells that are not numbers (empty cells are fine: they count as undefined):`, bad);
  return out;
}

function replicateCounts(m: PointMeans): ReplicateCounts {
  let points = 0;
  let min = Infinity;
  let max = 0;
  for (const c of m.count) {
    if (c > 0) points++;
    if (c < min) min = c;
    if (c > max) max = c;
  }
  return { rows: m.rows, points, missing: m.count.length - points, min: Number.isFinite(min) ? min : 0, max };
}

/**
 * Analyses a metric over a design: checks the data against the design (every row's point, and
 * factor columns where present), averages each point's replicates over those where the metric is
 * defined, and runs Morris's screening, Sobol' indices or PRIM. Bad data throw an AnalysisError
 * that says which rows or points are at fault.
 */
export function analyze(design: Design, table: DataTable, o: AnalyzeOptions): AnalysisResult {
  if (o.method === 'morris' && !design.morris) throw new AnalysisError(`--method morris needs a morris design; this experiment's design is ${design.type}`);
  if (o.method === 'sobol' && !design.sobol) throw new AnalysisError(`--method sobol needs a sobol design; this experiment's design is ${design.type}`);
  const size = design.points.length;
  const points = pointColumn(table, size);
  const values = metricColumn(table, o.metric);
  checkFactorColumns(table, design, points);
  const means = pointMeans(points, values, size);
  const replicates = replicateCounts(means);
  if (replicates.points === 0) throw new AnalysisError(`no point has a value of "${o.metric}" (${table.rows} rows, every cell empty)`);
  const n = replicates.points;
  switch (o.method) {
    case 'morris':
      return { method: 'morris', metric: o.metric, n, replicates, bootstrap: o.bootstrap, indices: morrisIndices({ layout: design.morris!, factors: design.factors, y: means.mean, bootstrap: o.bootstrap }) };
    case 'sobol': {
      const r = sobolIndices({ layout: design.sobol!, factors: design.factors, y: means.mean, bootstrap: o.bootstrap, secondOrder: o.secondOrder });
      return { method: 'sobol', metric: o.metric, n, replicates, blocks: { used: r.blocks, samples: r.samples }, bootstrap: o.bootstrap, indices: r.indices };
    }
    case 'prim': {
      const threshold = o.threshold ?? 0.5;
      const below = Boolean(o.below);
      const kept: number[] = [];
      for (let p = 0; p < size; p++) if (means.count[p] > 0) kept.push(p);
      const columns: PrimColumn[] = design.factors.map((f, j) => (f.values && typeof f.values[0] === 'string'
        ? { name: f.name, levels: kept.map((p) => design.points[p].values[j] as string), order: f.values as string[] }
        : { name: f.name, values: Float64Array.from(kept, (p) => design.points[p].values[j] as number) }));
      const interest = Uint8Array.from(kept, (p) => (below ? means.mean[p] <= threshold : means.mean[p] >= threshold) ? 1 : 0);
      const r = prim(columns, interest, { minDensity: o.minDensity });
      return { method: 'prim', metric: o.metric, n, replicates, threshold, below, trajectory: r.trajectory, boxes: r.boxes };
    }
  }
}
