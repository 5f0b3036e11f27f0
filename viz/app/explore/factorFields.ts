import { trackName, trackOf } from '../../../sim/tracks/tracks';
import type { EditableScenario } from '../fillScenario';
import { actorFields, fieldLabel, paramGroups, type ParamField } from '../paramFields';
import { getPath } from '../scenarioPath';

/** A scenario field an exploration can vary: a number (over a range) or a choice (over its options). */
export interface FactorField {
  /** Its path as `--set` and experiment files name it: dot-separated, 0-based indices. */
  path: string;
  /** In words, with its group: "Rules: synergy", "Track Two actor 1: capacity". */
  label: string;
  kind: 'number' | 'choice';
  min?: number;
  max?: number;
  integer?: boolean;
  options?: string[];
}

const factorOf = (f: ParamField, path: (string | number)[], label: string): FactorField | undefined =>
  f.kind === 'number' || f.kind === 'choice'
    ? { path: path.join('.'), label, kind: f.kind, min: f.min, max: f.max, integer: f.integer, options: f.options }
    : undefined;

/**
 * Every field of the scenario an exploration can vary, from the same schema metadata as the
 * parameter panel: each documented number or choice (run, parties, dyad, rules, kernel), and each
 * track actor's settings.
 */
export function factorFields(scenario: EditableScenario): FactorField[] {
  const groups = paramGroups(scenario.parties.map((p) => p.name), true).flatMap((g) =>
    g.fields.flatMap((f) => factorOf(f, f.path, `${g.title}: ${fieldLabel(f.key)}`) ?? []));
  const actors = scenario.actors.flatMap((a, i) => actorFields().flatMap((f) =>
    factorOf(f, ['actors', i, ...f.path], `${trackName(trackOf(a.track))} actor ${a.name || i}: ${fieldLabel(f.key)}`) ?? []));
  return [...groups, ...actors];
}

/** A field's value in the scenario (a number or a choice), or undefined where it is not set. */
export function fieldValue(scenario: EditableScenario, path: string): unknown {
  return getPath(scenario, path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s)));
}

/**
 * A default range for a numeric factor: half to one and a half times its value, within the
 * field's bounds (0 to 1, or the bounds, when the value is 0 or unset).
 */
export function defaultRange(f: FactorField, value: unknown): [number, number] {
  const v = typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  let lo = v !== undefined && v !== 0 ? Math.min(v * 0.5, v * 1.5) : f.min ?? 0;
  let hi = v !== undefined && v !== 0 ? Math.max(v * 0.5, v * 1.5) : (f.max ?? (f.min ?? 0) + 1);
  if (f.min !== undefined) lo = Math.max(lo, f.min);
  if (f.max !== undefined) hi = Math.min(hi, f.max);
  if (f.integer) {
    lo = Math.ceil(lo);
    hi = Math.floor(hi);
  }
  if (!(hi > lo)) hi = lo + (f.integer ? 1 : 1e-3);
  return [lo, hi];
}
