import type { ExperimentInput } from '../../../sim/experiments/experiment';
import type { EditableScenario } from '../fillScenario';
import { defaultRange, fieldValue, type FactorField } from './factorFields';

/** What the Explore view asks: one factor's effect, two factors' together, or a Morris screening of several. */
export type ExploreMode = 'one' | 'two' | 'morris';

/** A factor as the view sets it: a number field over [min, max], or a choice field over its options. */
export interface ExploreFactor {
  path: string;
  min?: number;
  max?: number;
}

/** The Explore view's settings: what it runs, and what a share link carries. */
export interface ExploreSettings {
  mode: ExploreMode;
  factors: ExploreFactor[];
  /** Grid points per range factor (one and two factors). */
  levels: number;
  /** Runs per point. */
  replicates: number;
  /** Morris trajectories (screening). */
  trajectories: number;
}

/** The outcomes an exploration records per run: peak escalation, de-escalated or not, time to de-escalation, ten-year relapse. */
export const EXPLORE_METRICS = ['peakX', 'deescalated', 'timeToDeescalation', 'relapse10y'] as const;

/** The bounds of the view's numbers, each written once (the inputs take their min and max from here). */
export const EXPLORE_BOUNDS = {
  levels: { min: 2, max: 50 },
  replicates: { min: 1, max: 1000 },
  trajectories: { min: 2, max: 200 },
  /** Factors of a screening. */
  factors: { min: 2, max: 20 },
} as const;

/** The Morris grid's levels: four, as Saltelli et al. (2004) advise for screening. */
const MORRIS_LEVELS = 4;

/** Factors each mode starts with (a screening starts with its first four). */
const STARTING_PATHS = ['params.synergy', 'params.consentRate', 'parties.0.reactivity', 'parties.1.reactivity'];

const range = (f: FactorField | undefined, scenario: EditableScenario): Partial<ExploreFactor> => {
  if (!f || f.kind === 'choice') return {};
  const [min, max] = defaultRange(f, fieldValue(scenario, f.path));
  return { min, max };
};

/** A factor on `field`, over its default range (or its options). */
export function factorOn(field: FactorField, scenario: EditableScenario): ExploreFactor {
  return { path: field.path, ...range(field, scenario) };
}

/** Settings to start from: a grid of 5 levels × 10 runs over the first of the usual factors (two for two, four for a screening of 10 trajectories). */
export function defaultSettings(mode: ExploreMode, fields: readonly FactorField[], scenario: EditableScenario): ExploreSettings {
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const start = [...STARTING_PATHS.filter((p) => byPath.has(p)), ...fields.filter((f) => f.kind === 'number').map((f) => f.path)];
  const count = mode === 'one' ? 1 : mode === 'two' ? 2 : 4;
  const paths = [...new Set(start)].slice(0, count);
  return { mode, factors: paths.map((p) => factorOn(byPath.get(p)!, scenario)), levels: 5, replicates: 10, trajectories: 10 };
}

/** Problems with the settings, in plain words (none when they can run). */
export function settingsIssues(s: ExploreSettings, fields: readonly FactorField[]): string[] {
  const issues: string[] = [];
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const whole = (n: number, b: { min: number; max: number }) => Number.isInteger(n) && n >= b.min && n <= b.max;
  const want = s.mode === 'one' ? 1 : s.mode === 'two' ? 2 : undefined;
  if (want !== undefined && s.factors.length !== want) issues.push(`this view varies ${want} factor${want > 1 ? 's' : ''}; ${s.factors.length} are set`);
  if (s.mode === 'morris' && !whole(s.factors.length, EXPLORE_BOUNDS.factors)) issues.push(`a screening takes ${EXPLORE_BOUNDS.factors.min} to ${EXPLORE_BOUNDS.factors.max} factors; ${s.factors.length} are set`);
  const seen = new Set<string>();
  s.factors.forEach((f, k) => {
    const field = byPath.get(f.path);
    const name = field?.label ?? f.path;
    if (!field) issues.push(`factor ${k + 1}: "${f.path}" is not a field of this scenario that can vary`);
    else if (field.kind === 'number') {
      if (!(Number.isFinite(f.min) && Number.isFinite(f.max))) issues.push(`${name}: give a lowest and a highest value`);
      else if (!((f.max as number) > (f.min as number))) issues.push(`${name}: the highest value must be above the lowest`);
      else if ((field.min !== undefined && (f.min as number) < field.min) || (field.max !== undefined && (f.max as number) > field.max)) issues.push(`${name}: the range must stay within ${field.min ?? '−∞'} to ${field.max ?? '∞'}`);
    }
    if (seen.has(f.path)) issues.push(`${name} is chosen twice`);
    seen.add(f.path);
  });
  if (!whole(s.levels, EXPLORE_BOUNDS.levels)) issues.push(`points per factor: a whole number from ${EXPLORE_BOUNDS.levels.min} to ${EXPLORE_BOUNDS.levels.max}`);
  if (!whole(s.replicates, EXPLORE_BOUNDS.replicates)) issues.push(`runs per point: a whole number from ${EXPLORE_BOUNDS.replicates.min} to ${EXPLORE_BOUNDS.replicates.max}`);
  if (s.mode === 'morris' && !whole(s.trajectories, EXPLORE_BOUNDS.trajectories)) issues.push(`trajectories: a whole number from ${EXPLORE_BOUNDS.trajectories.min} to ${EXPLORE_BOUNDS.trajectories.max}`);
  return issues;
}

/**
 * The experiment file the settings make on `scenario` (written inline): the file "Download
 * experiment" saves, which `detente sweep` runs to the page's numbers. A grid over the factors'
 * ranges (or options) for one or two factors, Morris trajectories for a screening; replicates
 * seeded from the scenario's seed; the four outcomes, and X once a year as a series.
 */
export function exploreExperiment(s: ExploreSettings, scenario: EditableScenario, fields: readonly FactorField[]): ExperimentInput {
  const byPath = new Map(fields.map((f) => [f.path, f]));
  const what = s.mode === 'morris' ? `a Morris screening of ${s.factors.length} factors` : `the outcomes over ${s.factors.map((f) => byPath.get(f.path)?.label ?? f.path).join(' and ')}`;
  return {
    format: 1,
    name: `Explore ${scenario.name}`.slice(0, 120),
    description: `Made in the Détente web app: ${what}, on the scenario as edited there.`,
    scenario,
    factors: s.factors.map((f) => {
      const field = byPath.get(f.path);
      return field?.kind === 'choice' ? { name: f.path, path: f.path, values: field.options ?? [] } : { name: f.path, path: f.path, min: f.min, max: f.max };
    }),
    design: s.mode === 'morris' ? { type: 'morris', trajectories: s.trajectories, levels: MORRIS_LEVELS } : { type: 'grid', levels: s.levels },
    replicates: s.replicates,
    seed: scenario.seed,
    metrics: [...EXPLORE_METRICS],
    series: { columns: ['X'], every: scenario.ticksPerYear },
  };
}

const isMode = (m: unknown): m is ExploreMode => m === 'one' || m === 'two' || m === 'morris';
const num = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** Settings from a share link (untrusted): its shape checked, anything else dropped; undefined when it is not settings at all. */
export function readSettings(x: unknown): ExploreSettings | undefined {
  const o = x as Partial<Record<keyof ExploreSettings, unknown>> | null;
  if (typeof o !== 'object' || o === null || !isMode(o.mode) || !Array.isArray(o.factors)) return undefined;
  const factors = o.factors.slice(0, EXPLORE_BOUNDS.factors.max).flatMap((f) => {
    const g = f as Partial<Record<keyof ExploreFactor, unknown>> | null;
    if (typeof g !== 'object' || g === null || typeof g.path !== 'string' || g.path.length > 300) return [];
    const min = num(g.min);
    const max = num(g.max);
    return [{ path: g.path, ...(min !== undefined && { min }), ...(max !== undefined && { max }) }];
  });
  return { mode: o.mode, factors, levels: num(o.levels) ?? 5, replicates: num(o.replicates) ?? 10, trajectories: num(o.trajectories) ?? 10 };
}
