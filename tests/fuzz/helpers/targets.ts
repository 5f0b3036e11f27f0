import { csvParseRows } from 'd3-dsv';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compileKernel, KernelError } from '../../../sim/kernel';
import { run } from '../../../sim/run';
import { readSavedRun, resumeSavedRun, saveRun } from '../../../sim/savedRun';
import { openRun } from '../../../sim/session';
import { csvHeader, toCSV } from '../../../sim/csv';
import { summarizeRun } from '../../../sim/summary';
import { applyOverrides, OverrideError, parseOverride } from '../../../sim/scenario/overrides';
import type { ScenarioData } from '../../../sim/scenario/schema';
import { validateScenario, type ValidationIssue } from '../../../sim/scenario/validate';
import { buildDesign, designCSV, designSize, pointOverrides, validateExperiment } from '../../../sim/experiments/index';
import { decodeShare } from '../../../viz/app/share';
import { columnViolation } from '../../helpers/columnRanges';

/*
 * The entry points of Détente as fuzz targets. Each takes plain data (so a case can be posted to
 * a worker) and either returns how the input was handled — refused with issues naming fields, or
 * run — or throws a Violation: a crash, a refusal that names nothing, a NaN or out-of-range value.
 */

/** Largest run a fuzz case may make; a valid scenario beyond it is validated but not run. */
export const LIMITS = { agents: 500, ticks: 120, edges: 20_000, designPoints: 20_000 };

/** An input was handled in a way Détente promises never to: the message says how. */
export class Violation extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Violation';
  }
}

/** How a case ended: `refused` at a field (the first one named), `ran`, or `valid` (too large to run here). */
export interface Outcome {
  kind: 'refused' | 'ran' | 'valid';
  detail: string;
}

/** The inputs of each target. */
export interface TargetInputs {
  /** The text of a scenario file, as `detente run` and `validate` read it. */
  scenario: string;
  /** `--set path=value` arguments applied to a library scenario (by its index in LIBRARY). */
  overrides: { base: number; args: string[] };
  /** A kernel formula and its params as JSON text (so a "__proto__" key survives). */
  kernel: { formula: string; params: string };
  /** A share link's hash, or data the target packs into one first: JSON text or raw bytes, deflated. */
  share: { hash: string } | { json: string } | { bytes: number[] } | { zeros: number };
  /** The text of an experiment file, validated as `sample` reads it, or as `sweep` does. */
  experiment: { text: string; forSweep: boolean };
}
export type TargetName = keyof TargetInputs;
export const TARGETS: TargetName[] = ['scenario', 'overrides', 'kernel', 'share', 'experiment'];

/** The library scenarios, made small (as a file could be) so that overrides start from runnable sizes. */
export const LIBRARY: unknown[] = ['intrastate-conflict', 'all-five-tracks', 'hate-media', 'cold-war-thaw', 'premature-exit', 'lull-entry'].map((name) => {
  const s = JSON.parse(readFileSync(fileURLToPath(new URL(`../../../scenarios/${name}.json`, import.meta.url)), 'utf8'));
  return { ...s, ticks: 60, parties: s.parties.map((p: object) => ({ ...p, population: 60 })), network: { ...s.network, degree: 4 } };
});

function refused(issues: readonly ValidationIssue[]): Outcome {
  if (!issues.length) throw new Violation('refused without naming a problem');
  for (const i of issues) {
    if (typeof i.path !== 'string' || typeof i.message !== 'string' || !i.message.trim()) throw new Violation(`an issue without a path or message: ${JSON.stringify(i)}`);
    if (/internal error|undefined is not|Cannot read prop/.test(i.message)) throw new Violation(`an issue that reports a bug: ${i.path}: ${i.message}`);
  }
  return { kind: 'refused', detail: issues[0].path.replace(/\.\d+(?=\.|$)/g, '.N') || '(scenario)' };
}

/** Validates and, when small enough, runs a parsed scenario, checking every invariant of a result. */
function validateAndRun(input: unknown): Outcome {
  const v = validateScenario(input);
  if (!v.ok) return refused(v.issues);
  const s = v.scenario;
  const agents = s.mode === 'meanfield' ? 2 : s.parties[0].population + s.parties[1].population;
  const edges = s.network.type === 'edges' ? s.network.edges.length : 0;
  if (agents > LIMITS.agents || s.ticks > LIMITS.ticks || edges > LIMITS.edges) return { kind: 'valid', detail: 'larger than the fuzz limits' };
  checkRun(s);
  return { kind: 'ran', detail: s.mode };
}

/** Runs replicate 1 whole and in two halves (resumed from a saved state, and from a saved run's bytes), checking ranges, equality, the summary and the CSV header. */
function checkRun(s: ScenarioData): void {
  const whole = run(s, { run: 1 });
  const bad = columnViolation(whole.columns);
  if (bad) throw new Violation(bad);
  const summary = summarizeRun(s, whole.columns);
  for (const [k, x] of Object.entries(summary)) {
    if (typeof x === 'number' && !Number.isFinite(x)) throw new Violation(`summary ${k} is ${x}`);
  }
  const half = Math.floor(s.ticks / 2);
  const first = run(s, { run: 1, ticks: half });
  const rest = run(s, { run: 1, from: first.state });
  for (const n of whole.columns.names) {
    for (let t = 0; t <= s.ticks; t++) {
      const x = t <= half ? first.columns.data[n][t] : rest.columns.data[n][t - half - 1];
      if (!Object.is(x, whole.columns.data[n][t])) throw new Violation(`column ${n} at tick ${t}: ${x} resumed, ${whole.columns.data[n][t]} in one run`);
    }
  }
  // as a checkpoint or the page's saved file does it: through bytes, with the rows so far
  const part = openRun(s, { run: 1 });
  part.advance(half);
  const reopened = resumeSavedRun(readSavedRun(saveRun(part, { scenario: s, run: 1 })), s)!;
  reopened.advance();
  if (toCSV([reopened.columns]) !== toCSV([whole.columns])) throw new Violation('a run resumed from its saved bytes differs from the run in one go');
  if (JSON.stringify(reopened.summary()) !== JSON.stringify(summary)) throw new Violation('a run resumed from its saved bytes has another summary');
  const header = csvParseRows(csvHeader(whole.columns.names))[0];
  if (header.join('\u0000') !== whole.columns.names.join('\u0000')) throw new Violation('the CSV header does not read back as the column names');
  if (new Set(header.map((h) => Buffer.from(h, 'utf8').toString('hex'))).size !== header.length) throw new Violation(`duplicate CSV columns in UTF-8: ${header.join(',')}`);
}

function scenarioTarget(text: string): Outcome {
  // as the CLI reads a file: a byte-order mark is skipped, invalid JSON refused with its place
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let input: unknown;
  try {
    input = JSON.parse(body);
  } catch {
    return { kind: 'refused', detail: '(invalid JSON)' };
  }
  return validateAndRun(input);
}

function overridesTarget({ base, args }: TargetInputs['overrides']): Outcome {
  let input: unknown;
  try {
    input = applyOverrides(LIBRARY[base % LIBRARY.length], args.map(parseOverride));
  } catch (e) {
    if (!(e instanceof OverrideError)) throw e;
    if (!e.message.trim()) throw new Violation('an override refused without a message');
    return { kind: 'refused', detail: `--set ${e.path ? 'path' : '(override)'}` };
  }
  return validateAndRun(input);
}

function kernelTarget({ formula, params }: TargetInputs['kernel']): Outcome {
  const p = JSON.parse(params) as Record<string, number>;
  try {
    const w = compileKernel(formula, p);
    for (let d = 1; d <= 4; d++) {
      if (!(Number.isFinite(w[d + 1]) && w[d + 1] >= 0 && w[d + 1] <= 1e6)) throw new Violation(`weight ${w[d + 1]} at d = ${d}`);
    }
    return { kind: 'ran', detail: 'kernel' };
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    if (!e.message.trim() || !/^(formula|params\.)/.test(e.field)) throw new Violation(`a KernelError without a message or field: ${e.field}: ${e.message}`);
    if (e.message.length > 1000) throw new Violation(`a KernelError message of ${e.message.length} characters`);
    return { kind: 'refused', detail: `kernel.${e.field.startsWith('params.') ? 'params.*' : e.field}` };
  }
}

async function deflate(bytes: Uint8Array): Promise<string> {
  const packed = new Uint8Array(await new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
  return '#s=' + Buffer.from(packed).toString('base64url');
}

async function shareTarget(input: TargetInputs['share']): Promise<Outcome> {
  const hash = 'hash' in input ? input.hash
    : 'json' in input ? await deflate(new TextEncoder().encode(input.json))
      : 'bytes' in input ? await deflate(Uint8Array.from(input.bytes))
        : await deflate(new Uint8Array(input.zeros * 1024 * 1024));
  let state;
  try {
    state = await decodeShare(hash);
  } catch (e) {
    if (!(e instanceof Error) || !/^the link/.test(e.message)) throw e;
    return { kind: 'refused', detail: 'link' };
  }
  if (state === undefined) return { kind: 'refused', detail: 'no link' };
  if (state.baseline !== undefined && !(Number.isInteger(state.baseline) && state.baseline >= -1 && state.baseline < state.variants.length)) throw new Violation(`the link's baseline ${state.baseline} names no variant of ${state.variants.length}`);
  for (const v of state.variants) {
    const r = validateScenario(v.scenario);
    if (!r.ok) refused(r.issues);
  }
  return validateAndRun(state.scenario);
}

/**
 * An experiment file: validated; when valid and small enough, its design is built (every point
 * finite and within its factor's values or range, the design's CSV header reading back) and, for
 * an inline scenario, its first point is put into the scenario as a sweep would and run.
 */
function experimentTarget({ text, forSweep }: TargetInputs['experiment']): Outcome {
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    return { kind: 'refused', detail: '(invalid JSON)' };
  }
  const v = validateExperiment(input, { forSweep });
  if (!v.ok) return refused(v.issues);
  const e = v.experiment;
  const size = designSize(e.design, e.factors);
  if (size > LIMITS.designPoints) return { kind: 'valid', detail: 'a design larger than the fuzz limits' };
  const design = buildDesign(e);
  if (design.points.length !== size) throw new Violation(`the ${e.design.type} design has ${design.points.length} points; designSize says ${size}`);
  for (const p of design.points) {
    p.values.forEach((x, j) => {
      const f = e.factors[j];
      const ok = f.values ? (f.values as Array<number | string>).includes(x) : typeof x === 'number' && Number.isFinite(x) && x >= f.min! && x <= f.max!;
      if (!ok) throw new Violation(`point ${p.point}: factor ${f.name} is ${x}, outside its ${f.values ? 'values' : `range [${f.min}, ${f.max}]`}`);
    });
  }
  const header = csvParseRows(designCSV(design).split('\n')[0])[0];
  if (header.join('\u0000') !== ['point', ...e.factors.map((f) => f.name)].join('\u0000')) throw new Violation('the design CSV header does not read back as the factor names');
  if (!forSweep || typeof e.scenario !== 'object' || !design.points.length) return { kind: 'ran', detail: `${e.design.type} design` };
  let scenario: unknown;
  try {
    scenario = applyOverrides(e.scenario, pointOverrides(e.factors, design.points[0].values));
  } catch (err) {
    if (!(err instanceof OverrideError)) throw err;
    return { kind: 'refused', detail: 'a factor path' };
  }
  return validateAndRun(scenario);
}

/** Runs one case of a target. */
export async function runTarget<T extends TargetName>(name: T, input: TargetInputs[T]): Promise<Outcome> {
  switch (name) {
    case 'scenario': return scenarioTarget(input as string);
    case 'overrides': return overridesTarget(input as TargetInputs['overrides']);
    case 'kernel': return kernelTarget(input as TargetInputs['kernel']);
    case 'share': return shareTarget(input as TargetInputs['share']);
    case 'experiment': return experimentTarget(input as TargetInputs['experiment']);
    default: throw new Error(`unknown fuzz target ${String(name)}`);
  }
}
