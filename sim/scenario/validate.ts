import { compileKernel, KernelError, kernelParamProblem } from '../kernel';
import { Scenario, type ScenarioData } from './schema';
import { edgeListHeapIssue, estimateRun, memoryIssue } from '../memory';
import { columnNames } from '../observe/observedColumns';
import { formatPath, issueOf, type ValidationIssue } from './issues';
import { stabilityIssues } from './stability';
import { stageWindowKey, trackName, TRACKS } from '../tracks/tracks';

export { formatPath, type ValidationIssue };

export type ValidationResult =
  | { ok: true; scenario: ScenarioData }
  | { ok: false; issues: ValidationIssue[] };

/**
 * Largest memory a run may need before validation refuses it, in bytes: the command line's limit
 * (it streams its runs and keeps one). The browser worker asks the same estimate with its own.
 */
export const MEMORY_LIMIT = 8 * 1024 ** 3;

/** What a run may use, as the shell that validates knows it. */
export interface ScenarioLimits {
  /** Most bytes a run may need in all (see `estimateRun`). Default MEMORY_LIMIT (8 GiB). */
  memory?: number;
  /**
   * Most bytes of JavaScript heap an edge list may take (the shell's heap limit: Node's
   * `v8.getHeapStatistics().heap_size_limit`). Checked on the raw input, before the list itself is.
   * Default: not checked apart from `memory`.
   */
  heap?: number;
}

/** Thrown by `parseScenario` when a scenario is invalid; `issues` name every field at fault. */
export class ScenarioError extends Error {
  constructor(readonly issues: ValidationIssue[]) {
    super(issues.map((i) => `${i.path || '(scenario)'}: ${i.message}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** "Track Five (media)": the tracks whose actors have a valence. */
const VALENCE_TRACKS = TRACKS.filter((t) => t.valence).map((t) => `${trackName(t)} (${t.kind})`).join(' or ');

/**
 * Whether the result columns of these parties are distinct once normalised (NFC), as a reader
 * comparing text would see them. Names are well-formed (the schema), so distinct text stays
 * distinct in UTF-8.
 */
function distinctColumns(parties: readonly string[]): boolean {
  const cols = columnNames(parties).map((c) => c.normalize('NFC'));
  return new Set(cols).size === cols.length;
}

/** Checks that go beyond the schema: names that must match, sizes, formulas, stability of the Euler step. */
function semanticIssues(s: ScenarioData, limits: ScenarioLimits): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const add = (path: string, message: string) => issues.push({ path, message });
  const names = s.parties.map((p) => p.name);
  if (names[0] === names[1]) add('parties.1.name', `must differ from parties.0.name ("${names[0]}")`);
  else if (!distinctColumns(names)) add('parties.1.name', `must differ from parties.0.name ("${names[0]}") once both are in Unicode normal form (NFC): they are the same text written with different code points, and would give the same CSV columns`);
  s.actors.forEach((a, j) => {
    a.parties?.forEach((n, k) => {
      if (!names.includes(n)) add(`actors.${j}.parties.${k}`, `"${n}" is not a party (parties are ${names.map((x) => `"${x}"`).join(' and ')})`);
    });
    if (a.parties && a.parties.length === 2 && a.parties[0] === a.parties[1]) add(`actors.${j}.parties`, 'names the same party twice');
    if (a.leaveAt !== undefined && a.leaveAt < a.start) add(`actors.${j}.leaveAt`, `must be at or after start (${a.start})`);
    if (!TRACKS[a.track - 1].valence && a.valence !== 1) add(`actors.${j}.valence`, `applies to ${VALENCE_TRACKS} actors only`);
  });
  s.events.forEach((e, k) => {
    if (e.party !== undefined && !names.includes(e.party)) add(`events.${k}.party`, `"${e.party}" is not a party (parties are ${names.map((x) => `"${x}"`).join(' and ')})`);
  });
  issues.push(...stabilityIssues(s));
  for (const t of TRACKS) {
    const key = stageWindowKey(t);
    const [from, to] = s.params[key];
    if (from > to) add(`params.${key}`, `from (${from}) must not exceed to (${to})`);
  }
  if (s.params.escalationWeights.every((w) => w === 0)) add('params.escalationWeights', 'at least one weight must be positive');
  if (s.mode === 'agent') {
    const total = s.parties[0].population + s.parties[1].population;
    if (s.network.type === 'edges') {
      s.network.edges.forEach(([i, j], e) => {
        if (i >= total) add(`network.edges.${e}.0`, `agent ${i} does not exist (agents are numbered 0…${total - 1} across both parties)`);
        if (j >= total) add(`network.edges.${e}.1`, `agent ${j} does not exist (agents are numbered 0…${total - 1} across both parties)`);
      });
    } else {
      if (s.network.degree % 2 !== 0) add('network.degree', `must be even (a ring lattice has degree/2 neighbours each side); got ${s.network.degree}`);
      s.parties.forEach((p, k) => {
        if (s.network.type === 'smallWorld' && s.network.degree >= p.population && p.population > 1) {
          add('network.degree', `must be less than the population of parties.${k} (${p.population})`);
        }
      });
    }
    s.parties.forEach((p, k) => {
      if (p.eliteShare + p.businessShare > 1) add(`parties.${k}.businessShare`, `eliteShare + businessShare must be at most 1 (they are ${p.eliteShare} + ${p.businessShare})`);
    });
  }
  issues.push(...kernelIssues(s.kernel));
  const tooBig = memoryIssue(estimateRun(s), limits.memory ?? MEMORY_LIMIT);
  if (tooBig) issues.push(tooBig);
  return issues;
}

/** Validates a scenario (parsed JSON): fills defaults and returns every problem with its path. */
export function validateScenario(input: unknown, limits: ScenarioLimits = {}): ValidationResult {
  // an edge list too large for the heap is refused by its length, before checking it would copy it
  const edges = (input as { network?: { edges?: unknown } } | null)?.network?.edges;
  if (limits.heap !== undefined && Array.isArray(edges)) {
    const tooLong = edgeListHeapIssue(edges.length, limits.heap);
    if (tooLong) return { ok: false, issues: [tooLong] };
  }
  const parsed = Scenario.safeParse(input);
  // the schema's record drops a "__proto__" key (JSON.parse keeps it as an own property): say so
  const rawKernel = (input as { kernel?: { formula?: unknown; params?: unknown } } | null)?.kernel;
  const protoKey = typeof rawKernel?.params === 'object' && rawKernel.params !== null && Object.hasOwn(rawKernel.params, '__proto__');
  if (!parsed.success || protoKey) {
    const issues = parsed.success ? [] : parsed.error.issues.flatMap((i) => issueOf(i));
    if (protoKey) issues.push({ path: 'kernel.params.__proto__', message: kernelParamProblem('__proto__') ?? '' });
    // the formula can still be checked on its own, so one pass reports it too
    else if (!issues.some((i) => i.path.startsWith('kernel')) && rawKernel && typeof rawKernel.formula === 'string') {
      const params = rawKernel.params ?? {};
      if (typeof params === 'object' && params !== null && Object.values(params).every((v) => typeof v === 'number')) {
        issues.push(...kernelIssues({ formula: rawKernel.formula, params: params as Record<string, number> }));
      }
    }
    return { ok: false, issues };
  }
  const issues = semanticIssues(parsed.data, limits);
  return issues.length ? { ok: false, issues } : { ok: true, scenario: parsed.data };
}

/** The kernel's problems, each at its field (kernel.formula or kernel.params.<name>); a formula needs only itself and its params. */
function kernelIssues(kernel: { formula: string; params: Readonly<Record<string, number>> }): ValidationIssue[] {
  try {
    compileKernel(kernel.formula, kernel.params);
    return [];
  } catch (e) {
    if (!(e instanceof KernelError)) throw e;
    return [{ path: `kernel.${e.field}`, message: e.message }];
  }
}

/** Validates a scenario or throws a ScenarioError naming every field at fault. */
export function parseScenario(input: unknown, limits: ScenarioLimits = {}): ScenarioData {
  const r = validateScenario(input, limits);
  if (!r.ok) throw new ScenarioError(r.issues);
  return r.scenario;
}
