import { z } from 'zod';
import { doc } from '../scenario/doc';
import { issueOf, type ValidationIssue } from '../scenario/issues';

/*
 * The experiment format, version 1: the single source of truth for experiment files. Types are
 * inferred from it and scenarios/experiments/experiment.schema.json is generated from it
 * (`npm run schema`). An experiment names factors (what varies, and over what), a design (which
 * points of that space to run), and, for `detente sweep`, the scenario the factors change and the
 * measures to record. `sample` and `analyze` need only the factors, the design and the seed, so
 * they work for any model.
 */

/** Most factors an experiment may have. */
export const MAX_FACTORS = 200;
/** Most factors of a Sobol' design: Saltelli's scheme needs 2k dimensions of the sequence (see joeKuo.ts). */
export const SOBOL_MAX_FACTORS = 100;
/** Most points a design may have (a sweep runs each of them `replicates` times). */
export const MAX_POINTS = 1_000_000;
/**
 * Most values (points × factors) a design may hold: a design is built whole in memory, at about
 * 50 bytes a value (a million points of 40 factors took 2 GB), so this keeps it near 1 GB.
 */
export const MAX_DESIGN_VALUES = 20_000_000;
/**
 * Most work Campolongo's selection may take: pairs of pool trajectories × (k + 1)² point pairs ×
 * k coordinates. 2·10⁹ is a few seconds here.
 */
export const MAX_MORRIS_SELECTION_WORK = 2e9;

/** Column names a sweep writes before the factors; a factor may not take them. */
export const RESERVED_COLUMNS = ['point', 'replicate', 'seed'] as const;

/** The run summary's measures, plus relapse10y, that a sweep can record per run. */
export const METRIC_NAMES = ['peakX', 'areaX', 'timeToDeescalation', 'deescalated', 'finalX', 'settlements', 'collapses', 'relapse10y'] as const;
/** Statistics of an output column over a run, for `{ column, stat }` metrics. */
export const COLUMN_STATS = ['mean', 'max', 'min', 'final'] as const;

const COLUMN_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const COLUMN_NAME_RULE = 'must start with a letter or "_" and hold only letters, digits, "_", "." and "-" (it becomes a CSV column name)';

const src = 'Détente experiment format';

export const Factor = z.strictObject({
  name: doc(z.string().min(1).max(60).regex(COLUMN_NAME, COLUMN_NAME_RULE), { meaning: 'Name of the factor: its column in the design (`detente sample`) and in a sweep\'s runs.csv.', unit: 'text', source: src }),
  path: doc(z.string().min(1).max(300).optional(), { meaning: 'The scenario field the factor sets, as `--set` takes it (dot-separated, 0-based indices, e.g. actors.1.capacity). Required by `sweep`; `sample` and `analyze` ignore it. On a whole-number field of the scenario the value is rounded to the nearest whole number.', unit: 'scenario path', source: src }),
  values: doc(z.union([z.array(z.number()).min(1).max(1000), z.array(z.string().max(200)).min(1).max(1000)]).optional(), { meaning: 'The factor\'s levels, numbers or strings (a categorical factor). A grid runs every one; lhs, sobol and morris designs take the level at floor(u × count) of the point\'s unit coordinate u. Give either values or min and max.', unit: 'list', source: src }),
  min: doc(z.number().optional(), { meaning: 'Lower end of a continuous range (with max).', unit: 'as the field', source: src }),
  max: doc(z.number().optional(), { meaning: 'Upper end of a continuous range (with min); must exceed min.', unit: 'as the field', source: src }),
  scale: doc(z.enum(['linear', 'log']).default('linear'), { meaning: 'How the unit coordinate u maps onto [min, max]: linear (min + u·(max − min)) or log (evenly in log space; needs min > 0).', unit: 'choice', source: src }),
});

const Grid = z.strictObject({
  type: doc(z.literal('grid'), { meaning: 'Full factorial: every combination of every factor\'s levels, the first factor varying slowest.', unit: 'choice', source: src }),
  levels: doc(z.number().int().min(2).max(1000).default(5), { meaning: 'Points each range (min/max) factor is cut into, both ends included; a values factor keeps its own values.', unit: 'points', source: src }),
});

const LatinHypercube = z.strictObject({
  type: doc(z.literal('lhs'), { meaning: 'Latin hypercube: each factor\'s range cut into `samples` equal strata, each stratum used once, at a random place within it (from seed).', unit: 'choice', source: 'McKay, Beckman & Conover 1979' }),
  samples: doc(z.number().int().min(1).max(MAX_POINTS), { meaning: 'Number of points.', unit: 'points', source: src }),
});

const Sobol = z.strictObject({
  type: doc(z.literal('sobol'), { meaning: 'Saltelli\'s scheme on a Sobol\' sequence (Joe–Kuo direction numbers), for first- and total-order Sobol\' indices. The sequence is used unscrambled from point max(samples, 16) on, as SALib\'s saltelli sampler did by default.', unit: 'choice', source: 'Saltelli 2002; Saltelli et al. 2010; Joe & Kuo 2008' }),
  samples: doc(z.number().int().min(2).max(2 ** 20).refine((n) => (n & (n - 1)) === 0, 'must be a power of two (2, 4, 8, …, 1024, …): a Sobol\' sequence is balanced only over 2^m points'), { meaning: 'Base samples N (a power of two). The design has N × (k + 2) points for k factors, N × (2k + 2) with secondOrder.', unit: 'points', source: 'Saltelli 2002' }),
  secondOrder: doc(z.boolean().default(false), { meaning: 'Add the BA_j blocks needed for second-order indices (N × (2k + 2) points instead of N × (k + 2)).', unit: 'boolean', source: 'Saltelli 2002' }),
});

const Morris = z.strictObject({
  type: doc(z.literal('morris'), { meaning: 'Morris\'s elementary-effects screening: random one-factor-at-a-time trajectories on a grid of `levels` levels, k + 1 points each.', unit: 'choice', source: 'Morris 1991' }),
  trajectories: doc(z.number().int().min(2).max(100_000), { meaning: 'Number of trajectories r (the design has r × (k + 1) points).', unit: 'trajectories', source: 'Morris 1991' }),
  levels: doc(z.number().int().min(2).max(100).refine((p) => p % 2 === 0, 'must be even (each factor then moves by Δ = levels / (2 (levels − 1)) and every level is reached equally often)').default(4), { meaning: 'Grid levels p of each factor\'s unit range; steps are Δ = p / (2 (p − 1)).', unit: 'levels', source: 'Morris 1991; Saltelli et al. 2004' }),
  optimized: doc(z.boolean().default(false), { meaning: 'Campolongo\'s improvement: generate `pool` trajectories and keep the `trajectories` that are most spread out (largest sum of squared distances between trajectories; chosen greedily, then improved by swaps).', unit: 'boolean', source: 'Campolongo, Cariboni & Saltelli 2007; Ruano et al. 2012' }),
  pool: doc(z.number().int().min(2).max(2000).optional(), { meaning: 'Trajectories generated to choose from when optimized (default 4 × trajectories, at least trajectories).', unit: 'trajectories', source: 'Campolongo, Cariboni & Saltelli 2007' }),
});

export const Design = z.discriminatedUnion('type', [Grid, LatinHypercube, Sobol, Morris]);

const ColumnStat = z.strictObject({
  column: doc(z.string().min(1).max(100), { meaning: 'An output column of `detente run` (X, T, B, H_<party>, …).', unit: 'column name', source: src }),
  stat: doc(z.enum(COLUMN_STATS), { meaning: 'Statistic of the column over the run\'s ticks: mean, max, min or final (the last tick); the metric is named <stat>_<column>.', unit: 'choice', source: src }),
});

export const Metric = z.union([z.enum(METRIC_NAMES), ColumnStat]);

const Series = z.strictObject({
  columns: doc(z.array(z.string().min(1).max(100)).min(1).max(200), { meaning: 'Output columns to keep over time.', unit: 'column names', source: src }),
  every: doc(z.number().int().min(1).default(1), { meaning: 'Keep every N-th tick (tick 0 and the last tick always).', unit: 'ticks', source: src }),
});

export const Experiment = z.strictObject({
  $schema: doc(z.string().optional(), { meaning: 'Path or URL of experiment.schema.json, for editors\' autocompletion; ignored by Détente.', unit: 'text', source: 'JSON Schema' }),
  format: doc(z.literal(1).default(1), { meaning: 'Experiment format version.', unit: 'integer', source: src }),
  name: doc(z.string().max(120).default(''), { meaning: 'Name of the experiment.', unit: 'text', source: src }),
  description: doc(z.string().max(5000).default(''), { meaning: 'What the experiment asks.', unit: 'text', source: src }),
  scenario: doc(z.union([z.string().min(1).max(1000), z.record(z.string(), z.unknown())]).optional(), { meaning: 'The base scenario: a path relative to this file, or a scenario written inline. Required by `sweep`.', unit: 'path or scenario', source: src }),
  factors: doc(z.array(Factor).min(1).max(MAX_FACTORS), { meaning: 'What varies: each factor\'s name, the scenario field it sets, and its values or range.', unit: 'list', source: src }),
  design: doc(Design, { meaning: 'Which points of the factor space to run: grid, lhs, sobol or morris.', unit: 'object', source: src }),
  replicates: doc(z.number().int().min(1).max(100_000).default(1), { meaning: 'Runs per point; replicate r uses the seed run r of `detente run --seed <seed> --runs R` uses, the same at every point.', unit: 'runs', source: src }),
  seed: doc(z.number().int().min(0).max(2 ** 32 - 1), { meaning: 'Base seed: of the replicates\' runs, and of the random parts of lhs and morris designs.', unit: 'integer', source: src }),
  ticks: doc(z.number().int().min(1).optional(), { meaning: 'Steps per run, replacing the scenario\'s ticks.', unit: 'ticks', source: src }),
  metrics: doc(z.array(Metric).max(100).default([]), { meaning: 'Measures recorded per run: peakX, areaX, timeToDeescalation, deescalated, finalX, settlements, collapses, relapse10y, or {"column", "stat"} statistics of an output column. Required (at least one) by `sweep`.', unit: 'list', source: src }),
  series: doc(Series.optional(), { meaning: 'Output columns kept over time, in long format.', unit: 'object', source: src }),
});

/** An experiment file as written (defaults may be missing). */
export type ExperimentInput = z.input<typeof Experiment>;
/** A validated experiment with every default filled in. */
export type ExperimentData = z.output<typeof Experiment>;
export type FactorData = z.output<typeof Factor>;
export type DesignData = z.output<typeof Design>;
export type MetricData = z.output<typeof Metric>;

/** The column name of a metric: its own name, or `<stat>_<column>`. */
export function metricName(m: MetricData): string {
  return typeof m === 'string' ? m : `${m.stat}_${m.column}`;
}

/** Points a design of this kind has for k factors (a morris or sobol design from its settings alone). */
export function designSize(design: DesignData, factors: readonly FactorData[]): number {
  const k = factors.length;
  switch (design.type) {
    case 'grid':
      return factors.reduce((n, f) => n * (f.values ? f.values.length : design.levels), 1);
    case 'lhs':
      return design.samples;
    case 'sobol':
      return design.samples * (design.secondOrder ? 2 * k + 2 : k + 2);
    case 'morris':
      return design.trajectories * (k + 1);
  }
}

/** The Morris pool size an experiment asks for (its default: 4 × trajectories). */
export function morrisPool(design: Extract<DesignData, { type: 'morris' }>): number {
  return design.optimized ? design.pool ?? 4 * design.trajectories : design.trajectories;
}

function factorIssues(f: FactorData, j: number, add: (path: string, message: string) => void): void {
  const at = `factors.${j}`;
  const range = f.min !== undefined || f.max !== undefined;
  if (f.values && range) add(at, 'give either "values" or "min" and "max", not both');
  else if (!f.values && !range) add(at, 'needs "values" (a list) or "min" and "max" (a range)');
  else if (range) {
    if (f.min === undefined) add(`${at}.min`, 'is required with "max"');
    else if (f.max === undefined) add(`${at}.max`, 'is required with "min"');
    else if (!(f.max > f.min)) add(`${at}.max`, `must be greater than min (${f.min}); got ${f.max}`);
    // min + u·(max − min) must stay finite: a range of ±1e308 gave Infinity at every point
    else if (!Number.isFinite(f.max - f.min)) add(`${at}.max`, `the range from min (${f.min}) to max (${f.max}) is wider than a double can hold; narrow it`);
    else if (f.scale === 'log' && !(f.min > 0)) add(`${at}.min`, `must be greater than 0 on a log scale; got ${f.min}`);
  }
  if (f.values) {
    if (f.scale === 'log') add(`${at}.scale`, 'applies to a range (min/max), not to values');
    const seen = new Map<string, number>();
    f.values.forEach((v, i) => {
      const key = typeof v === 'number' ? `n:${v}` : `s:${v}`;
      const first = seen.get(key);
      if (first !== undefined) add(`${at}.values.${i}`, `repeats values.${first} (${JSON.stringify(v)})`);
      else seen.set(key, i);
    });
  }
}

/** Rules across fields: factor ranges, names, the design's size and limits, and what `sweep` needs. */
function semanticIssues(e: ExperimentData, forSweep: boolean): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const names = new Map<string, number>();
  const metricNames = new Set(e.metrics.map(metricName));
  e.factors.forEach((f, j) => {
    factorIssues(f, j, add);
    const first = names.get(f.name);
    if (first !== undefined) add(`factors.${j}.name`, `"${f.name}" is also the name of factors.${first}`);
    else names.set(f.name, j);
    if ((RESERVED_COLUMNS as readonly string[]).includes(f.name)) add(`factors.${j}.name`, `"${f.name}" is reserved (runs.csv starts with ${RESERVED_COLUMNS.join(', ')})`);
    if (metricNames.has(f.name)) add(`factors.${j}.name`, `"${f.name}" is also a metric's name`);
    if (forSweep && f.path === undefined) add(`factors.${j}.path`, 'is required by sweep (the scenario field this factor sets)');
  });
  const k = e.factors.length;
  const d = e.design;
  if (d.type === 'sobol' && k > SOBOL_MAX_FACTORS) add('factors', `a sobol design takes at most ${SOBOL_MAX_FACTORS} factors; got ${k}`);
  if (d.type === 'morris' && d.optimized) {
    const pool = morrisPool(d);
    if (pool < d.trajectories) add('design.pool', `must be at least trajectories (${d.trajectories}); got ${pool}`);
    const work = (pool * (pool - 1)) / 2 * (k + 1) ** 2 * k;
    if (work > MAX_MORRIS_SELECTION_WORK) add('design.pool', `choosing among ${pool} trajectories of ${k} factors is too much work (${work.toExponential(1)} operations; the limit is ${MAX_MORRIS_SELECTION_WORK.toExponential(0)}); use a smaller pool`);
  }
  if (!issues.some((i) => i.path.startsWith('factors'))) {
    const n = designSize(d, e.factors);
    if (n > MAX_POINTS) add('design', `this design has ${n.toLocaleString('en')} points; the limit is ${MAX_POINTS.toLocaleString('en')}`);
    else if (n * k > MAX_DESIGN_VALUES) add('design', `this design has ${n.toLocaleString('en')} points of ${k} factors, ${(n * k).toLocaleString('en')} values; the limit is ${MAX_DESIGN_VALUES.toLocaleString('en')} (about 1 GB of memory): use fewer points or factors`);
  }
  const metricSeen = new Map<string, number>();
  e.metrics.forEach((m, i) => {
    const name = metricName(m);
    const first = metricSeen.get(name);
    if (first !== undefined) add(`metrics.${i}`, `repeats metrics.${first} (${name})`);
    else metricSeen.set(name, i);
  });
  if (forSweep) {
    if (e.scenario === undefined) add('scenario', 'is required by sweep (a path relative to the experiment file, or an inline scenario)');
    if (e.metrics.length === 0) add('metrics', 'sweep needs at least one metric');
  }
  return issues;
}

/**
 * Validates an experiment (parsed JSON): fills defaults and returns every problem with its path.
 * With `forSweep`, also requires what a sweep needs (the scenario, each factor's path, metrics).
 * The scenario itself (file or inline) is checked by the sweep, point by point.
 */
export function validateExperiment(input: unknown, o: { forSweep?: boolean } = {}): { ok: true; experiment: ExperimentData } | { ok: false; issues: ValidationIssue[] } {
  const parsed = Experiment.safeParse(input);
  if (!parsed.success) return { ok: false, issues: parsed.error.issues.flatMap((i) => issueOf(i)) };
  const issues = semanticIssues(parsed.data, Boolean(o.forSweep));
  return issues.length ? { ok: false, issues } : { ok: true, experiment: parsed.data };
}

/** One line per problem, as the CLI prints them: `path: message`. */
export function formatIssues(issues: readonly ValidationIssue[]): string[] {
  return issues.map((i) => `${i.path || '(experiment)'}: ${i.message}`);
}
