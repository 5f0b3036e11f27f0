import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run, validateScenario, type ScenarioData, type ScenarioInput } from '../../../sim/index';
import { eulerRates } from '../../../sim/scenario/stability';
import { columnViolation } from '../../helpers/columnRanges';
import { ACTOR_BOUNDS, DYAD_BOUNDS, PARAM_BOUNDS, PARTY_BOUNDS, type Bounds } from '../../helpers/schemaBounds';
import { makeScenario } from '../../fixtures/sim/makeScenario';

/** The fields (paths) whose rates drive an explicit Euler step, as validation knows them. */
const EULER_PATHS = new Set(eulerRates(makeScenario()).map((r) => r.path));

/** How a test picks a field's value within its bounds. */
type Pick = (path: string, b: Bounds) => number;

/** The bounds a scenario at this step allows: the schema's, with every Euler rate capped at ticksPerYear. */
function allowed(path: string, b: Bounds, ticksPerYear: number): Bounds {
  return EULER_PATHS.has(path) ? { ...b, hi: Math.min(b.hi, ticksPerYear) } : b;
}

function pickAll(prefix: string, bounds: Record<string, Bounds>, ticksPerYear: number, pick: Pick): Record<string, number> {
  return Object.fromEntries(Object.entries(bounds).map(([k, b]) => [k, pick(`${prefix}${k}`, allowed(`${prefix}${k}`, b, ticksPerYear))]));
}

/**
 * A scenario with every model parameter, party, dyad and actor field chosen by `pick` within what
 * validation allows at this step, and the fields that must agree with each other repaired: a
 * small population, actors of every track that engage at once and stay (one leaves early), events
 * of both kinds, and talks that can open, so every rule runs.
 */
function scenarioAt(o: { ticksPerYear: number; mode: 'agent' | 'meanfield'; ticks: number; pick: Pick; highKernel: boolean }): ScenarioInput {
  const { ticksPerYear, pick } = o;
  const params = pickAll('params.', PARAM_BOUNDS, ticksPerYear, pick);
  const party = (k: number) => {
    const p = pickAll(`parties.${k}.`, PARTY_BOUNDS, ticksPerYear, pick);
    return { ...p, name: k ? 'B' : 'A', population: 40, businessShare: Math.min(p.businessShare, 1 - p.eliteShare) };
  };
  const actor = (track: number, j: number) => {
    const a = pickAll(`actors.${j}.`, ACTOR_BOUNDS, ticksPerYear, pick);
    return {
      ...a, name: `a${j}`, track, start: 0, prepTicks: j % 3, entry: (['immediate', 'lull', 'peak'] as const)[j % 3],
      commitment: o.ticks, leaveAt: j === 0 ? Math.floor(o.ticks / 2) : undefined, consent: j % 2 === 0,
      valence: track === 5 ? (j % 2 ? -1 : 1) : 1,
      // the last actors never leak, so their trust rises for the whole run instead of being cut
      ...(j >= 5 && { confidentiality: 0, promiseReliability: 0 }),
    };
  };
  const w = pick('params.escalationWeights', { lo: 0, hi: 1e6, integer: false });
  const stage = Math.round(pick('params.stageWindow', { lo: 1, hi: 9, integer: true }));
  const factor = pick('events.factor', { lo: Number.MIN_VALUE, hi: 1e3, integer: false });
  return {
    format: 1, name: 'bounds', mode: o.mode, ticksPerYear, ticks: o.ticks, seed: 3,
    parties: [party(0), party(1)],
    network: { type: 'smallWorld', degree: 4, rewire: 0.2, crossTies: 0.05 },
    dyad: pickAll('dyad.', DYAD_BOUNDS, ticksPerYear, pick),
    actors: [1, 2, 3, 4, 5, 5, 2, 4].map(actor),
    events: [
      { tick: 1, type: 'powerShift', party: 'A', factor },
      { after: 'settlement', delay: 0, repeat: true, type: 'powerShift', party: 'B', factor },
    ],
    kernel: { formula: o.highKernel ? '1e6' : '0', params: {} },
    params: {
      ...params,
      escalationWeights: [w, w, w, Math.max(w, 1e-9)],
      stageWindowTrack1: [stage, stage], stageWindowTrack2: [1, stage], stageWindowTrack3: [stage, 9],
      stageWindowTrack4: [1, 9], stageWindowTrack5: [stage, stage],
    },
  } as ScenarioInput;
}

function runChecked(input: ScenarioInput): string | undefined {
  const v = validateScenario(input);
  if (!v.ok) return `refused: ${v.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`;
  const s: ScenarioData = v.scenario;
  return columnViolation(run(s, { run: 1 }).columns);
}

const STEPS = [1, 2, 7, 12, 52, 365];

/** Initial values of the state: at 0 or 1 a relaxation towards 1 would sit at its fixed point and hide an overshoot. */
const INITIAL = /\.(initialTrust|initialAnger|initialFear|skill|T|C|U|E)$/;
const highest: Pick = (path, b) => (INITIAL.test(path) ? (b.lo + b.hi) / 3 : b.hi);

describe('every update is stable for every value the schema allows', () => {
  it.each(STEPS.flatMap((tpy) => (['agent', 'meanfield'] as const).map((mode) => [tpy, mode] as const)))(
    'run() with every parameter at its largest allowed value (initial values a third of the way) at %i ticks a year (%s) keeps every column finite and in range',
    (ticksPerYear, mode) => {
      expect(runChecked(scenarioAt({ ticksPerYear, mode, ticks: 400, pick: highest, highKernel: true }))).toBeUndefined();
    },
  );

  it.each(STEPS.flatMap((tpy) => (['agent', 'meanfield'] as const).map((mode) => [tpy, mode] as const)))(
    'run() with every parameter at its smallest allowed value at %i ticks a year (%s) keeps every column finite and in range',
    (ticksPerYear, mode) => {
      expect(runChecked(scenarioAt({ ticksPerYear, mode, ticks: 120, pick: (_p, b) => b.lo, highKernel: false }))).toBeUndefined();
    },
  );

  it('run() at random points between the bounds (each field at its low end, its high end or between) keeps every column finite and in range', () => {
    const point = fc.record({
      ticksPerYear: fc.constantFrom(...STEPS),
      mode: fc.constantFrom('agent' as const, 'meanfield' as const),
      highKernel: fc.boolean(),
      // per field: 0 low end, 1 high end, else a share of the way, log-uniform over wide ranges
      draws: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 200, maxLength: 200 }),
    });
    fc.assert(fc.property(point, (r) => {
      let k = 0;
      const pick: Pick = (_path, b) => {
        const u = r.draws[k++ % r.draws.length];
        const x = u < 0.25 ? b.lo : u > 0.75 ? b.hi : between(b, (u - 0.25) * 2);
        return b.integer ? Math.round(x) : x;
      };
      expect(runChecked(scenarioAt({ ticksPerYear: r.ticksPerYear, mode: r.mode, ticks: 300, pick, highKernel: r.highKernel }))).toBeUndefined();
    }), { numRuns: 100, seed: 20260512 });
  });

  it('validateScenario() refuses each Euler rate just above ticksPerYear, naming the field and the largest allowed value', () => {
    for (const tpy of STEPS) {
      for (const path of EULER_PATHS) {
        const input = scenarioAt({ ticksPerYear: tpy, mode: 'agent', ticks: 10, pick: (p, b) => (p === path ? Math.min(1000, tpy * 1.01 + 0.01) : b.lo), highKernel: false });
        const v = validateScenario(input);
        expect(v.ok, `${path} at ${tpy}`).toBe(false);
        if (v.ok) continue;
        const issue = v.issues.find((i) => i.path === path);
        expect(issue?.message, `${path} at ${tpy}`).toMatch(new RegExp(`At ${tpy} ticks? a year the largest allowed value is ${tpy}\\b`));
      }
    }
  });
});

/** A value a share `u` of the way from lo to hi: log-uniform when the range spans orders of magnitude. */
function between(b: Bounds, u: number): number {
  if (b.lo >= 0 && b.hi / Math.max(b.lo, 1e-6) > 1e4) {
    const lo = Math.log(Math.max(b.lo, 1e-6));
    return Math.min(b.hi, Math.exp(lo + u * (Math.log(b.hi) - lo)));
  }
  return b.lo + u * (b.hi - b.lo);
}
