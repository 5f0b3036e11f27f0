import fc from 'fast-check';
import { z } from 'zod';
import { Scenario } from '../../../sim/scenario/schema';
import { ACTOR_BOUNDS, DYAD_BOUNDS, PARAM_BOUNDS, PARTY_BOUNDS, type Bounds } from '../../helpers/schemaBounds';
import { LIBRARY, LIMITS, type TargetInputs } from './targets';

/*
 * Generators of hostile input for the fuzz targets: mostly well-formed scenarios with random
 * values anywhere in (and just outside) the schema's bounds, then a few hostile changes at random
 * fields, and sometimes damage to the text itself. Sizes stay within LIMITS, so a valid case runs
 * in milliseconds.
 */

// ---------------------------------------------------------------- values

/** Mostly ordinary, sometimes odd: each field has a small chance of a bad value, so that most cases still run. */
const rarely = <T, U>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<U>, oneIn = 30) => fc.oneof({ arbitrary: usual, weight: oneIn - 1 }, { arbitrary: odd, weight: 1 });

/** Numbers at and around every kind of edge. */
const edgeNumber = fc.constantFrom(0, -0, 1, -1, 0.5, 2, 12, 365, 366, 1000, 1001, 1e4, 1e6, 1e9, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53, 1e308, -1e308, Number.MIN_VALUE, 1e-320, 1.5, 0.1 + 0.2);
const number = fc.oneof(edgeNumber, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: -1000, max: 1000 }));

/** Text that has broken software before: separators, surrogates, markup, prototype names, formula syntax. */
const hostileText = fc.oneof(
  fc.constantFrom('', ' ', 'A', 'a,b', 'say "hi"', 'x\ny', 'tab\there', '\u0085', '\u2028', '\u2029', '\ud800', '\udc00', 'e\u0301', '\u00e9',
    '😀', '\u202e\u202dRTL', '<img src=x onerror=alert(1)>', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype',
    '1/(1+d)^2', '(1+(d/L)^2)^(-1)', '2^d^2', 'import("fs")', 'NaN', 'Infinity', 'null', 'true', '\u0000', '\ufeff', 'x'.repeat(61), 'y'.repeat(5001)),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** A value of any JSON type, hostile where it can be. */
const anyValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', maxDepth: 3 },
    number, hostileText, fc.boolean(), fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(hostileText, fc.constantFrom('name', 'type', 'track', 'tick')), tie('value'), { maxKeys: 4 })),
})).value;

// ---------------------------------------------------------------- kernel formulas

const atom = fc.oneof(
  { arbitrary: fc.constantFrom('d', 'd', 'd', 'L', 'k', '1', '2', '0.5', '0', '3', '1e308', '1e-320', '10', 'pi', 'e'), weight: 12 },
  { arbitrary: fc.constantFrom('Q', 'constructor', 'toString', '__proto__', 'Infinity', 'NaN', 'true', 'mod'), weight: 1 },
);
const fnName = fc.oneof(
  { arbitrary: fc.constantFrom('exp', 'log', 'sqrt', 'abs', 'pow', 'min', 'max', 'floor', 'ceil'), weight: 12 },
  { arbitrary: fc.constantFrom('sin', 'evaluate', 'import', 'parse', 'createUnit', 'f', 'typed', 'constructor'), weight: 1 },
);
const exotic = fc.constantFrom('d!', 'd > 1 ? 1 : 2', '[1, 2]', '{a: 1}', '"s"', 'x = 1', 'f(x) = x', 'a.b', 'd[1]', '1:3', 'd to cm', '5 cm', 'd mod 2', 'd and 1', "d'", 'd;1', '1e', '((', ')', '', ' ', 'd^', '^d', '2^^3', 'exp(', 'd  d', '2d', 'd(1)');

/** Formulas from the kernel's grammar (with names and functions it refuses), odd syntax, and long or deeply nested text. */
export const formula: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.letrec((tie) => ({
    expr: fc.oneof({ depthSize: 'small', maxDepth: 6 },
      atom,
      fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', ' '), tie('expr')).map(([a, op, b]) => `${a}${op}${b}`),
      tie('expr').map((x) => `(${x})`),
      tie('expr').map((x) => `-${x}`),
      fc.tuple(fnName, fc.array(tie('expr'), { minLength: 1, maxLength: 3 })).map(([f, args]) => `${f}(${args.join(', ')})`),
      rarely(atom, exotic, 8)),
  })).expr, weight: 8 },
  { arbitrary: fc.array(fc.oneof(atom, fc.constantFrom('+', '-', '*', '/', '^', '(', ')', ','), fnName), { maxLength: 30 }).map((t) => t.join('')), weight: 2 },
  { arbitrary: fc.tuple(fc.constantFrom('(', 'd^', '-', '1+', 'exp('), fc.integer({ min: 100, max: 300_000 })).map(([p, n]) => p.repeat(n) + 'd' + (p === '(' || p === 'exp(' ? ')'.repeat(n) : '')), weight: 1 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 1 },
);

const paramName = fc.oneof(fc.constantFrom('L', 'k', 'x1', 'alpha_2', 'd', 'pi', 'e', 'exp', 'pow', '__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', 'mod', 'to', 'true', 'NaN', '1x', '', 'a b', 'é'), fc.string({ maxLength: 6 }));
const paramNumber = fc.oneof(fc.constantFrom('1', '0', '-1', '0.5', '1e308', '1e400', '-1e400', '5e-324', '2'), fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => JSON.stringify(x)));

/** Kernel params as JSON text: a "__proto__" key written in the text stays an own property once parsed. */
export const kernelParams: fc.Arbitrary<string> = fc.array(fc.tuple(paramName, paramNumber), { maxLength: 4 })
  .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);

export const kernelInput: fc.Arbitrary<TargetInputs['kernel']> = fc.record({ formula, params: rarely(fc.constantFrom('{"L":1.5,"k":2}', '{"L":0.001,"k":1e6}'), kernelParams, 4) });

// ---------------------------------------------------------------- scenarios

/** A value in [lo, hi] (log-uniform over wide ranges) or one of the ends; values outside come from the hostile changes. */
function within(b: Bounds): fc.Arbitrary<number> {
  const ends = fc.constantFrom(b.lo, b.hi);
  const wide = b.lo >= 0 && b.hi / Math.max(b.lo, 1e-6) > 1e4;
  const inner = wide
    ? fc.double({ min: Math.log(Math.max(b.lo, 1e-6)), max: Math.log(b.hi), noNaN: true }).map((x) => Math.min(b.hi, Math.max(b.lo, Math.exp(x))))
    : fc.double({ min: b.lo, max: b.hi, noNaN: true });
  const x = fc.oneof({ arbitrary: inner, weight: 2 }, { arbitrary: ends, weight: 1 });
  return b.integer ? x.map((v) => (Number.isFinite(v) ? Math.round(v) : v)) : x;
}

/** Some fields of `bounds` (each present or left to its default), with values from `within`. */
function fields(bounds: Record<string, Bounds>, skip: readonly string[] = []): fc.Arbitrary<Record<string, number>> {
  const entries = Object.entries(bounds).filter(([k]) => !skip.includes(k));
  return fc.record(Object.fromEntries(entries.map(([k, b]) => [k, within(b)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, number>>;
}

const EULER = ['contagion', 'fearDecay', 'mediaDepth', 'tensionDecay', 'tensionRelief', 'relationDecay', 'trustRate', 'skillRate'];

const partyName = rarely(fc.constantFrom('North', 'South', 'Government', 'Rebels', 'A', 'B', 'Party "one", with commas', 'Ελλάδα', '北', '😀 side'), hostileText);

/** Agent counts stay within LIMITS: each party at most half of them. */
const population = rarely(fc.integer({ min: 1, max: LIMITS.agents / 2 }), fc.constantFrom(0, -1, 1.5, 1e9 + 1, 2 ** 53 - 1));

const party = fc.tuple(partyName, fields(PARTY_BOUNDS, ['population']), population)
  .map(([name, f, pop]) => ({ ...f, name, population: pop }));

const actor = fc.tuple(fields(ACTOR_BOUNDS), rarely(fc.constantFrom('immediate', 'lull', 'peak'), fc.constant('soon'), 200), rarely(fc.constantFrom('both', 'first', 'second'), fc.array(partyName, { maxLength: 3 }), 200), fc.boolean(), fc.integer({ min: 0, max: 9 }))
  .map(([f, entry, parties, consent, k]) => ({
    ...f, name: `actor ${k}`, track: f.track ?? 1 + (k % 5), entry, consent,
    // 'first' and 'second' become the parties' names once they are known (see scenarioObject)
    ...(parties !== 'both' && { parties }),
    // start and stay within the run most of the time, so the actors act
    start: f.start !== undefined && f.start < 200 ? f.start : k * 3, prepTicks: f.prepTicks !== undefined && f.prepTicks < 50 ? f.prepTicks : k,
    commitment: f.commitment !== undefined && f.commitment < 500 ? f.commitment : 100,
    ...(f.leaveAt !== undefined && { leaveAt: (f.start !== undefined && f.start < 200 ? f.start : k * 3) + (f.leaveAt % 60) }),
    ...(f.track !== 5 && { valence: 1 }),
  }));

const event = fc.tuple(fc.boolean(), partyName, fc.oneof(within({ lo: Number.MIN_VALUE, hi: 1e3, integer: false })), fc.integer({ min: 0, max: 130 }), fc.boolean())
  .map(([timed, party, factor, tick, repeat]) => (timed
    ? { tick, type: 'powerShift', party, factor }
    : { after: 'settlement', delay: tick % 20, repeat, type: 'powerShift', party, factor }));

const smallWorld = fc.record({ degree: rarely(fc.constantFrom(0, 2, 4, 6, 8), fc.constantFrom(3, 400)), rewire: within({ lo: 0, hi: 1, integer: false }), crossTies: within({ lo: 0, hi: 1, integer: false }) })
  .map((n) => ({ type: 'smallWorld', ...n }));
// agent numbers as shares of the population (made whole numbers once it is known, see scenarioObject)
const edgeList = fc.array(fc.tuple(rarely(fc.double({ min: 0, max: 0.999, noNaN: true }), fc.constantFrom(1, 5)), fc.double({ min: 0, max: 0.999, noNaN: true }), rarely(within({ lo: 0, hi: 1e6, integer: false }), fc.constantFrom(-1, 1e39))), { maxLength: 2000 })
  .map((edges) => ({ type: 'edges', edges }));

const stageWindow = rarely(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]), fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 })));

/** Model parameters: each field maybe present; Euler rates kept at or below ticksPerYear nine times in ten. */
function params(ticksPerYear: number): fc.Arbitrary<Record<string, unknown>> {
  return fc.tuple(fields(PARAM_BOUNDS), fc.integer({ min: 0, max: 9 }), fc.option(fc.tuple(within({ lo: 0, hi: 1e6, integer: false }), within({ lo: 0, hi: 1e6, integer: false }), within({ lo: 0, hi: 1e6, integer: false }), within({ lo: 0, hi: 1e6, integer: false }))), fc.option(stageWindow), fc.option(fc.integer({ min: 1, max: 400 })))
    .map(([p, roll, weights, window, lull]) => {
      const out: Record<string, unknown> = { ...p };
      if (roll > 0) for (const k of EULER) if (typeof out[k] === 'number' && (out[k] as number) > ticksPerYear) out[k] = ticksPerYear * Math.min(1, (out[k] as number) / 1000);
      if (weights) out.escalationWeights = weights;
      if (window) out[`stageWindowTrack${1 + (roll % 5)}`] = window;
      // long lull windows are slow (every step sums a year of windows): most cases keep them short
      out.lullWindow = lull ?? out.lullWindow;
      return out;
    });
}

const KERNEL_DEFAULT = { formula: 'exp(-(d-1)/L)', params: { L: 1 } };

/** A scenario as a file would hold it: mostly well-formed, with values anywhere in and around the schema's bounds. */
export const scenarioObject: fc.Arbitrary<Record<string, unknown>> = fc.record({
  mode: fc.constantFrom('agent', 'agent', 'meanfield'),
  ticksPerYear: rarely(fc.oneof(fc.constantFrom(1, 2, 4, 12, 52, 365), fc.integer({ min: 1, max: 365 })), fc.constantFrom(0, 366, 12.5)),
  ticks: rarely(fc.integer({ min: 1, max: LIMITS.ticks }), fc.constantFrom(0, -1, 2.5, 1e8, 1e12)),
  seed: rarely(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.constantFrom(-1, 2 ** 32, 0.5)),
  parties: fc.tuple(party, party),
  network: fc.oneof({ arbitrary: smallWorld, weight: 4 }, { arbitrary: edgeList, weight: 1 }),
  dyad: fields(DYAD_BOUNDS),
  actors: fc.array(actor, { maxLength: 6 }),
  events: fc.array(event, { maxLength: 4 }),
  kernel: fc.oneof({ arbitrary: fc.constant(KERNEL_DEFAULT), weight: 3 }, { arbitrary: fc.record({ formula, params: fc.dictionary(fc.constantFrom('L', 'k', 'x1'), fc.double({ min: 0.1, max: 10, noNaN: true })) }), weight: 1 }),
  description: rarely(fc.constant('A fuzzed scenario.'), hostileText),
}).chain((s) => params(typeof s.ticksPerYear === 'number' && s.ticksPerYear >= 1 ? s.ticksPerYear : 12).map((p) => {
  const tpy = typeof s.ticksPerYear === 'number' && s.ticksPerYear >= 1 ? s.ticksPerYear : 12;
  const names = (s.parties as Array<{ name: unknown }>).map((q) => q.name);
  // fatigue is an Euler rate too (see params)
  const parties: Array<Record<string, unknown>> = (s.parties as Array<Record<string, unknown>>).map((q) => ({
    ...q,
    ...(typeof q.fatigue === 'number' && q.fatigue > tpy && { fatigue: tpy * (q.fatigue / 1000) }),
    businessShare: ((q.businessShare as number | undefined) ?? 0.05) * (1 - ((q.eliteShare as number | undefined) ?? 0.02)),
  }));
  // events mostly name parties that exist, and actors name them as drawn
  const events = (s.events as Array<Record<string, unknown>>).map((x, k) => (k % 8 !== 7 ? { ...x, party: names[k % 2] } : x));
  const actors = (s.actors as Array<Record<string, unknown>>).map((a) => (a.parties === 'first' || a.parties === 'second' ? { ...a, parties: [names[a.parties === 'first' ? 0 : 1]] } : a));
  // edge lists and degrees fit the population drawn, except for the rare odd edge or degree
  const sizes = parties.map((q) => (typeof q.population === 'number' && q.population >= 1 ? Math.floor(q.population) : 1));
  const total = sizes[0] + sizes[1];
  const net = s.network as { type: string; degree?: number; edges?: Array<[number, number, number]> };
  const network = net.type === 'edges'
    ? { ...net, edges: net.edges!.map(([i, j, w]) => [Math.floor(i * total), Math.floor(j * total), w]) }
    : net.degree! <= 8 ? { ...net, degree: Math.max(0, Math.min(net.degree!, 2 * Math.floor((Math.min(...sizes) - 1) / 2))) } : net;
  return { format: 1, name: 'fuzzed', ...s, parties, actors, events, network, params: p };
}));

// ---------------------------------------------------------------- hostile changes

/** Every leaf path of the scenario format (array elements as index 0), from the schema: where hostile values go. */
export const SCENARIO_PATHS: string[] = (() => {
  const out: string[] = [];
  type Node = { properties?: Record<string, Node>; prefixItems?: Node[]; items?: Node | false; anyOf?: Node[]; oneOf?: Node[] };
  const walk = (n: Node, path: string[]) => {
    if (n.properties) for (const [k, v] of Object.entries(n.properties)) walk(v, [...path, k]);
    else if (n.prefixItems) n.prefixItems.forEach((v, i) => walk(v, [...path, String(i)]));
    else if (n.items) walk(n.items, [...path, '0']);
    else if (n.anyOf || n.oneOf) for (const v of (n.anyOf ?? n.oneOf)!) walk(v, path);
    else out.push(path.join('.'));
    if (n.properties || n.prefixItems || n.items) out.push(path.join('.'));
  };
  walk(z.toJSONSchema(Scenario, { io: 'input' }) as Node, []);
  return [...new Set(out)].filter(Boolean);
})();

/** Sets a dot path in a copy of `o`, creating objects and arrays on the way (an index makes an array). */
function setPath(o: unknown, path: string[], value: unknown): unknown {
  if (!path.length) return value;
  const [head, ...rest] = path;
  const isIndex = /^\d+$/.test(head);
  const base = Array.isArray(o) ? o.slice() : typeof o === 'object' && o !== null ? { ...(o as object) } : isIndex ? [] : {};
  const child = (base as Record<string, unknown>)[head];
  Object.defineProperty(base, head, { value: setPath(child, rest, value), enumerable: true, writable: true, configurable: true });
  return base;
}

const mutation = fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...SCENARIO_PATHS), weight: 8 }, { arbitrary: fc.constantFrom('__proto__', 'kernel.params.__proto__', 'parties.0.__proto__', 'params.constructor', 'actors.7.name', 'colour', 'params.contagin'), weight: 1 }), anyValue);

/** Damage to a file's text: an own "__proto__" key, a number too large for a double, a byte-order mark, a cut, deep nesting. */
const textDamage = fc.oneof(
  fc.constant((t: string) => t.replace('{', '{"__proto__":{"format":2},')),
  fc.constant((t: string) => t.replace('"kernel":{', '"kernel":{"params":{"__proto__":1},"x":')),
  fc.constant((t: string) => t.replace(/(\d+(\.\d+)?)(?=[,}\]])/, '1e400')),
  fc.constant((t: string) => '\ufeff' + t),
  fc.integer({ min: 0, max: 400 }).map((n) => (t: string) => t.slice(0, n)),
  fc.integer({ min: 10, max: 100_000 }).map((n) => (t: string) => t.replace('{', `{"deep":${'['.repeat(n)}${']'.repeat(n)},`)),
  fc.constant((t: string) => t.replace(/"name":"[^"]*"/, '"name":"\\ud800"')),
);

/** The text of a scenario file: a generated scenario with up to three hostile values, sometimes damaged as text. */
const mutations = fc.oneof({ arbitrary: fc.constant([]), weight: 2 }, { arbitrary: fc.array(mutation, { minLength: 1, maxLength: 3 }), weight: 1 });
const damage = fc.oneof({ arbitrary: fc.constant(null), weight: 9 }, { arbitrary: textDamage, weight: 1 });
export const scenarioText: fc.Arbitrary<string> = fc.tuple(scenarioObject, mutations, damage)
  .map(([s, muts, damage]) => {
    let o: unknown = s;
    for (const [path, value] of muts) o = setPath(o, path.split('.'), value);
    const text = JSON.stringify(o);
    return damage ? damage(text) : text;
  });

// ---------------------------------------------------------------- --set overrides

const segment = fc.oneof({ arbitrary: fc.constantFrom(...SCENARIO_PATHS), weight: 8 }, { arbitrary: fc.constantFrom('', '__proto__', 'constructor', 'prototype', 'a..b', 'parties.-1', 'parties.01', 'parties.999.name', 'actors.0', 'params.x.y', 'name.first', '.', 'kernel.params.__proto__'), weight: 2 });
const setValue = fc.oneof(
  number.map(String),
  fc.constantFrom('[3,6]', '{"a":1}', 'null', 'true', '"x"', '1e400', '-0', '"\\ud800"', '[]', '{}', '1/(1+d)^2', '(1+(d/L)^2)^(-1)', 'Rebels', '', '=', '"lull"', '[[0,1,1]]', '{"type":"edges","edges":[[0,1,1]]}', '120', '250'),
  hostileText,
);

/** An override of a model parameter to a value it allows (so that many cases run). */
const paramSet = fc.constantFrom(...Object.keys(PARAM_BOUNDS)).chain((k) => within(PARAM_BOUNDS[k]).map((v) => `params.${k}=${v}`));

/** `--set` arguments: known paths and malformed ones, with JSON or plain-text values. */
export const overridesInput: fc.Arbitrary<TargetInputs['overrides']> = fc.record({
  base: fc.integer({ min: 0, max: LIBRARY.length - 1 }),
  args: fc.array(fc.oneof(
    { arbitrary: paramSet, weight: 6 },
    { arbitrary: fc.tuple(segment, setValue).map(([p, v]) => `${p}=${v}`), weight: 3 },
    { arbitrary: fc.oneof(hostileText, fc.constant('novalue')), weight: 1 },
  ), { minLength: 1, maxLength: 4 }),
});

// ---------------------------------------------------------------- share links

const base64url = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), maxLength: 200 });

/** Share hashes: malformed ones, random bytes or JSON deflated, real states with hostile scenarios, variants, baselines and explorations, and compression bombs. */
export const shareInput: fc.Arbitrary<TargetInputs['share']> = fc.oneof(
  { arbitrary: fc.oneof(fc.constantFrom('', '#', '#s=', '#s=!!', '#x=abc', '#s=AAAA', '#s=====', '#s=' + 'A'.repeat(1000)), base64url.map((b) => `#s=${b}`), hostileText).map((hash) => ({ hash })), weight: 8 },
  { arbitrary: fc.uint8Array({ maxLength: 600 }).map((b) => ({ bytes: Array.from(b) })), weight: 4 },
  { arbitrary: fc.oneof(anyValue.map((v) => JSON.stringify(v) ?? 'null'), hostileText).map((json) => ({ json })), weight: 4 },
  {
    arbitrary: fc.record({ v: fc.constantFrom(1, 1, 1, 1, 1, 1, 2, '1'), scenario: fc.oneof({ arbitrary: scenarioObject, weight: 4 }, { arbitrary: anyValue, weight: 1 }), runs: fc.oneof(fc.integer({ min: -5, max: 2000 }), anyValue), variants: fc.oneof(fc.array(fc.record({ name: fc.oneof(hostileText, number), scenario: fc.oneof(scenarioObject, anyValue) }), { maxLength: 3 }), anyValue), baseline: fc.oneof(fc.integer({ min: -3, max: 5 }), anyValue), explore: anyValue }, { requiredKeys: ['v', 'scenario', 'runs', 'variants'] })
      .map((state) => ({ json: JSON.stringify(state) })),
    weight: 16,
  },
  // a compression bomb costs a fraction of a second to build: rare
  { arbitrary: fc.integer({ min: 21, max: 40 }).map((zeros) => ({ zeros })), weight: 1 },
);

// ---------------------------------------------------------------- experiment files

const factorName = rarely(fc.constantFrom('a', 'b', 'capacity', 't2start', 'x_1', 'rate.2', 'k-3'), fc.oneof(fc.constantFrom('point', 'seed', 'peakX', '__proto__', 'constructor', '1x', '', 'a b', 'a,b'), hostileText), 40);
/** Numeric scenario fields (with their bounds) a factor can set, and hostile paths. */
const FACTOR_PATHS = [
  ...Object.keys(PARAM_BOUNDS).map((k) => [`params.${k}`, PARAM_BOUNDS[k]] as const),
  ...Object.keys(PARTY_BOUNDS).filter((k) => k !== 'population').map((k) => [`parties.1.${k}`, PARTY_BOUNDS[k]] as const),
  ['parties.0.population', { lo: 1, hi: 200, integer: true }] as const,
  ['ticks', { lo: 1, hi: LIMITS.ticks, integer: true }] as const,
];
const factorPath = rarely(fc.constantFrom(...FACTOR_PATHS.map(([p]) => p)), fc.oneof(fc.constantFrom('__proto__.x', 'constructor.prototype.x', 'parties.9.power', 'params', 'name', 'actors.0.entry', 'kernel.formula', 'params.nope', ''), hostileText), 8);

/** Ranges and values that a factor must not have, or that sit at the edges of doubles. */
const oddRange = fc.constantFrom({ min: -1e308, max: 1e308 }, { min: 5, max: 1 }, { min: 0, max: 0 }, { values: [] }, { min: 1 }, { values: [1, 1] }, { values: [1, 'a'] }, { min: 5e-324, max: 1e-323, scale: 'log' }, { min: -1, max: 1, scale: 'log' });

const factor = fc.tuple(factorName, factorPath, rarely(fc.integer({ min: 0, max: 3 }), fc.constant(4), 8), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), rarely(fc.constant(undefined), fc.constantFrom('linear', 'log'), 20), rarely(fc.constant(null), anyValue, 40), oddRange)
  .map(([name, path, kind, u, w, scale, odd, range]) => {
    const bounds = FACTOR_PATHS.find(([p]) => p === path)?.[1] ?? { lo: 0, hi: 1, integer: false };
    const at = (x: number) => (bounds.integer ? Math.round(bounds.lo + x * (bounds.hi - bounds.lo)) : bounds.lo + x * (Math.min(bounds.hi, 1e6) - bounds.lo));
    // a log scale on the positive ranges (kind 3); elsewhere only by the rare odd draw
    const f: Record<string, unknown> = { name, path, ...(kind === 3 ? { scale: 'log' } : scale && { scale }) };
    if (kind === 0) f.values = [at(u), at(w)].filter((x, i, a) => a.indexOf(x) === i);
    else if (kind === 1) f.values = ['immediate', 'lull', 'peak'];
    else if (kind === 2) Object.assign(f, { min: Math.min(at(u), at(w)), max: Math.max(at(u), at(w)) + (bounds.integer ? 1 : 1e-3) });
    else if (kind === 3) Object.assign(f, { min: Math.max(1e-6, at(Math.min(u, w))), max: Math.max(1e-6, at(Math.min(u, w))) * (2 + w) });
    else Object.assign(f, range);
    if (odd !== null) f[['min', 'max', 'values', 'scale', 'name', 'extra'][Math.floor(w * 6)]] = odd;
    return f;
  });

const designOf = rarely(fc.oneof(
  fc.record({ type: fc.constant('grid'), levels: fc.integer({ min: 2, max: 4 }) }),
  fc.record({ type: fc.constant('lhs'), samples: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ type: fc.constant('sobol'), samples: fc.constantFrom(2, 4, 8, 16, 64), secondOrder: fc.boolean() }),
  fc.record({ type: fc.constant('morris'), trajectories: fc.integer({ min: 2, max: 20 }), levels: fc.constantFrom(2, 4, 6), optimized: fc.boolean(), pool: fc.option(fc.integer({ min: 2, max: 40 }), { nil: undefined }) }),
), fc.oneof(anyValue, fc.constantFrom({ type: 'sobol', samples: 6 }, { type: 'morris', trajectories: 5, levels: 3 }, { type: 'grid', levels: 1000 }, { type: 'lhs', samples: 1e6 + 1 }, { type: 'morris', trajectories: 100000, optimized: true, pool: 2000 })), 10);

const metricOf = rarely(fc.oneof(fc.constantFrom('peakX', 'areaX', 'timeToDeescalation', 'deescalated', 'finalX', 'settlements', 'collapses', 'relapse10y'), fc.record({ column: fc.constantFrom('X', 'B', 'H_North', 'T'), stat: fc.constantFrom('mean', 'max', 'min', 'final') })), anyValue, 20);

/** An experiment file: factors over scenario fields, a design, metrics and an inline or referenced scenario, mostly well-formed. */
export const experimentInput: fc.Arbitrary<TargetInputs['experiment']> = fc.tuple(
  fc.record({
    format: rarely(fc.constant(1), anyValue, 20),
    name: rarely(fc.constant('fuzzed experiment'), hostileText, 10),
    scenario: fc.oneof({ arbitrary: scenarioObject, weight: 6 }, { arbitrary: fc.constantFrom('../intrastate-conflict.json', '', '/etc/passwd'), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 }),
    factors: fc.array(factor, { minLength: 1, maxLength: 5 }),
    design: designOf,
    replicates: rarely(fc.integer({ min: 1, max: 50 }), anyValue, 20),
    seed: rarely(fc.integer({ min: 0, max: 2 ** 32 - 1 }), anyValue, 20),
    metrics: fc.array(metricOf, { maxLength: 4 }),
  }, { requiredKeys: ['factors', 'design', 'seed'] }),
  fc.boolean(),
).map(([e, forSweep]) => {
  // ordinary names and metrics once each (a repeat is refused, and drawn rarely enough by the odd values)
  const factors = e.factors.map((f, j) => (/^[a-z]/.test(String(f.name)) && /^[\w.-]+$/.test(String(f.name)) ? { ...f, name: `${f.name}${j}` } : f));
  const metrics = e.metrics?.filter((m, i, all) => all.findIndex((n) => JSON.stringify(n) === JSON.stringify(m)) === i);
  return { text: JSON.stringify({ ...e, factors, metrics }), forSweep };
});

/** The generator of each target's inputs. */
export const ARBITRARIES: { [K in keyof TargetInputs]: fc.Arbitrary<TargetInputs[K]> } = {
  scenario: scenarioText,
  overrides: overridesInput,
  kernel: kernelInput,
  share: shareInput,
  experiment: experimentInput,
};
