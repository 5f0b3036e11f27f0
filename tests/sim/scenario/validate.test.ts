import { describe, expect, it } from 'vitest';
import { parseScenario, ScenarioError, validateScenario, type ScenarioLimits, type ValidationIssue } from '../../../sim/index';

type Json = Record<string, unknown>;

/** A minimal valid scenario as a file would hold it (defaults missing). */
function base(): Json {
  return {
    format: 1,
    name: 'test',
    parties: [{ name: 'A', population: 10 }, { name: 'B', population: 10 }],
    network: { type: 'smallWorld', degree: 4 },
  };
}

/** Sets a dot-separated path (0-based indices) in a copy of base(). */
function withField(path: string, value: unknown, from: Json = base()): Json {
  const out = structuredClone(from);
  const keys = path.split('.');
  let o: Record<string, unknown> = out;
  keys.slice(0, -1).forEach((k, i) => {
    if (o[k] === undefined) o[k] = /^\d+$/.test(keys[i + 1]) ? [] : {};
    o = o[k] as Record<string, unknown>;
  });
  o[keys[keys.length - 1]] = value;
  return out;
}

function issues(input: unknown, limits?: ScenarioLimits): ValidationIssue[] {
  const r = validateScenario(input, limits);
  if (r.ok) throw new Error('expected the scenario to be invalid');
  return r.issues;
}

describe('validateScenario()', () => {
  it('validateScenario() accepts a minimal scenario and fills in every default', () => {
    const r = validateScenario(base());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const s = r.scenario;
    expect(s.mode).toBe('agent');
    expect(s.ticksPerYear).toBe(12);
    expect(s.ticks).toBe(360);
    expect(s.seed).toBe(1);
    expect(s.parties[0].initialSpread).toBe(0.15);
    expect(s.parties[1].eliteShare).toBe(0.02);
    expect(s.dyad).toEqual({ T: 0.3, C: 0.1, U: 0.1, E: 0.1 });
    expect(s.kernel).toEqual({ formula: 'exp(-(d-1)/L)', params: { L: 1 } });
    expect(s.actors).toEqual([]);
    expect(s.events).toEqual([]);
    expect(s.network).toEqual({ type: 'smallWorld', degree: 4, rewire: 0.1, crossTies: 0.001 });
    // every Params field gets a value
    for (const v of Object.values(s.params)) expect(v).toBeDefined();
    expect(s.params.offWindowFactor).toBe(0.3);
    expect(s.params.stageWindowTrack2).toEqual([3, 6]);
  });

  it('validateScenario() fills in actor defaults and leaves leaveAt and consent to the engine', () => {
    const r = validateScenario(withField('actors', [{ name: 'W', track: 2 }]));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const a = r.scenario.actors[0];
    expect(a.entry).toBe('immediate');
    expect(a.start).toBe(0);
    expect(a.confidentiality).toBe(0.05);
    expect(a.leaveAt).toBeUndefined();
    expect(a.consent).toBeUndefined();
  });

  it('validateScenario() does not change its input', () => {
    const input = base();
    const copy = structuredClone(input);
    validateScenario(input);
    expect(input).toEqual(copy);
  });

  const invalid: Array<[string, Json | unknown, string, RegExp?]> = [
    ['a non-positive power', withField('parties.1.power', 0), 'parties.1.power', />0/],
    ['a track out of 1–5', withField('actors', [{ name: 'x', track: 6 }]), 'actors.0.track'],
    ['a fractional track', withField('actors', [{ name: 'x', track: 2.5 }]), 'actors.0.track'],
    ['an actor without a name', withField('actors', [{ track: 2 }]), 'actors.0.name'],
    ['an unknown entry', withField('actors', [{ name: 'x', track: 2, entry: 'dawn' }]), 'actors.0.entry'],
    ['a credibility above 1', withField('actors', [{ name: 'x', track: 2, credibility: 1.5 }]), 'actors.0.credibility'],
    ['valence on a non-media actor', withField('actors', [{ name: 'x', track: 2, valence: -1 }]), 'actors.0.valence', /Track Five/],
    ['leaveAt before start', withField('actors', [{ name: 'x', track: 2, start: 10, leaveAt: 5 }]), 'actors.0.leaveAt', /start \(10\)/],
    ['an actor naming an unknown party', withField('actors', [{ name: 'x', track: 2, parties: ['A', 'Z'] }]), 'actors.0.parties.1', /"Z" is not a party/],
    ['an actor naming one party twice', withField('actors', [{ name: 'x', track: 2, parties: ['A', 'A'] }]), 'actors.0.parties'],
    ['an edge to an agent that does not exist', withField('network', { type: 'edges', edges: [[0, 1, 1], [1, 0, 1], [2, 3, 1], [4, 20, 1]] }), 'network.edges.3.1', /agent 20 does not exist/],
    ['an edge from an agent that does not exist', withField('network', { type: 'edges', edges: [[25, 1, 1]] }), 'network.edges.0.0'],
    ['a NaN edge weight', withField('network', { type: 'edges', edges: [[0, 1, Number.NaN]] }), 'network.edges.0.2'],
    ['an infinite edge weight', withField('network', { type: 'edges', edges: [[0, 1, Number.POSITIVE_INFINITY]] }), 'network.edges.0.2'],
    ['an edge weight too large for single precision', withField('network', { type: 'edges', edges: [[0, 1, 1e39]] }), 'network.edges.0.2'],
    ['a NaN kernel param', withField('kernel.params', { L: Number.NaN }), 'kernel.params.L'],
    ['a negative edge weight', withField('network', { type: 'edges', edges: [[0, 1, -1]] }), 'network.edges.0.2'],
    ['an edge that is not a triple', withField('network', { type: 'edges', edges: [[0, 1]] }), 'network.edges.0'],
    ['an unknown network type', withField('network', { type: 'ring' }), 'network.type'],
    ['an odd degree', withField('network.degree', 3), 'network.degree', /even/],
    ['a degree above the population', withField('network.degree', 12), 'network.degree', /less than the population/],
    ['a lull window so long that every step would sum a year of windows of it', withField('params.lullWindow', 1e8), 'params.lullWindow'],
    ['contagion × dt above 1', withField('params.contagion', 13), 'params.contagion', /at most 1/],
    ['a kernel formula that is not arithmetic', withField('kernel.formula', 'import("fs")'), 'kernel.formula', /not allowed/],
    ['a kernel formula with a negative weight', withField('kernel.formula', '1 - d'), 'kernel.formula', /non-negative/],
    ['a kernel param with a bad name', withField('kernel.params', { '1x': 1 }), 'kernel.params.1x'],
    ['an unknown top-level field', withField('colour', 'red'), '', /unknown field "colour"/],
    ['an unknown param', withField('params.contagin', 1), 'params', /unknown field "contagin"/],
    ['an unknown party field', withField('parties.0.size', 1), 'parties.0', /unknown field "size"/],
    ['an unknown actor field', withField('actors', [{ name: 'x', track: 2, budget: 1 }]), 'actors.0', /unknown field "budget"/],
    ['three parties', withField('parties', [{ name: 'A' }, { name: 'B' }, { name: 'C' }]), 'parties', /<=2/],
    ['one party', withField('parties', [{ name: 'A' }]), 'parties'],
    ['duplicate party names', withField('parties.1.name', 'A'), 'parties.1.name', /must differ/],
    ['an event naming an unknown party', withField('events', [{ tick: 3, type: 'powerShift', party: 'Z', factor: 2 }]), 'events.0.party', /"Z" is not a party/],
    ['an event with a zero factor', withField('events', [{ tick: 3, type: 'powerShift', party: 'A', factor: 0 }]), 'events.0.factor'],
    ['an event that is neither timed nor triggered', withField('events', [{ type: 'powerShift', party: 'A', factor: 2 }]), 'events.0', /"tick"/],
    ['a stage window whose from exceeds to', withField('params.stageWindowTrack2', [6, 3]), 'params.stageWindowTrack2', /from \(6\) must not exceed to \(3\)/],
    ['a stage outside 1–9', withField('params.stageWindowTrack4', [0, 5]), 'params.stageWindowTrack4.0'],
    ['all-zero escalation weights', withField('params.escalationWeights', [0, 0, 0, 0]), 'params.escalationWeights'],
    ['eliteShare + businessShare above 1', withField('parties.0', { name: 'A', population: 10, eliteShare: 0.6, businessShare: 0.6 }), 'parties.0.businessShare'],
    ['format 2', withField('format', 2), 'format'],
    ['a missing name', (() => { const b = base(); delete b.name; return b; })(), 'name'],
    ['ticksPerYear 0', withField('ticksPerYear', 0), 'ticksPerYear'],
    ['a fractional population', withField('parties.0.population', 10.5), 'parties.0.population'],
    ['a negative seed', withField('seed', -1), 'seed'],
    ['a seed above 2^32 − 1', withField('seed', 2 ** 32), 'seed'],
    ['an unknown mode', withField('mode', 'fast'), 'mode'],
    ['initial anger above 1', withField('parties.0.initialAnger', 1.2), 'parties.0.initialAnger'],
    ['a negative rate', withField('params.incidentRate', -1), 'params.incidentRate'],
    ['a number where a list is expected', withField('actors', 3), 'actors'],
    ['something that is not an object', 42, ''],
    ['null', null, ''],
  ];
  it.each(invalid)('validateScenario() rejects %s, naming the field', (_label, input, path, message) => {
    const found = issues(input);
    const hit = found.find((i) => i.path === path);
    expect(hit, `issues were ${JSON.stringify(found)}`).toBeDefined();
    expect(hit!.message.length).toBeGreaterThan(0);
    if (message) expect(hit!.message).toMatch(message);
  });

  const nonNumbers: Array<[string, unknown]> = [['NaN', Number.NaN], ['Infinity', Number.POSITIVE_INFINITY], ['-Infinity', Number.NEGATIVE_INFINITY], ['a string', '12'], ['null', null], ['a boolean', true]];
  const numericFields = ['ticks', 'ticksPerYear', 'seed', 'parties.0.power', 'parties.1.reactivity', 'dyad.T', 'params.noise', 'params.collapseBase', 'kernel.params.L'];
  for (const field of numericFields) {
    it.each(nonNumbers)(`validateScenario() rejects %s as ${field}`, (_label, value) => {
      expect(issues(withField(field, value)).map((i) => i.path)).toContain(field);
    });
  }

  it('validateScenario() reports every problem, not just the first', () => {
    const bad = withField('parties.1.power', -1, withField('ticks', 0, withField('params.noise', 'loud')));
    const paths = issues(bad).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['parties.1.power', 'ticks', 'params.noise']));
  });

  it('validateScenario() accepts contagion × dt exactly 1 and a finer step that allows a larger contagion', () => {
    expect(validateScenario(withField('params.contagion', 12)).ok).toBe(true);
    expect(validateScenario(withField('ticksPerYear', 52, withField('params.contagion', 50))).ok).toBe(true);
  });

  it('validateScenario() skips network checks in mean-field mode, where there is no network', () => {
    const mf = withField('mode', 'meanfield', withField('network', { type: 'edges', edges: [[0, 99, 1]] }));
    expect(validateScenario(mf).ok).toBe(true);
  });
});

describe('validateScenario() refuses impossible sizes with the memory they would need', () => {
  it('validateScenario() refuses 10^9 agents, naming parties and the memory', () => {
    const huge = withField('parties', [{ name: 'A', population: 5e8 }, { name: 'B', population: 5e8 }]);
    const found = issues(huge);
    const hit = found.find((i) => i.path === 'parties');
    expect(hit).toBeDefined();
    expect(hit!.message).toMatch(/\d+(\.\d)? GiB/);
    expect(hit!.message).toMatch(/1,000,000,000 agents/);
    const parsed = validateScenario(withField('parties', [{ name: 'A', population: 5 }, { name: 'B', population: 5 }]));
    expect(parsed.ok).toBe(true);
  });

  it('validateScenario(input, {heap}) refuses an edge list of 2·10^7 ties for a 4 GiB heap by its length, before checking the list, naming network.edges and the ties that fit', () => {
    // a sparse array: the length of the issue's list without its memory. Its 2·10^7 holes would each
    // be an issue if the schema checked them: one issue shows the length alone was looked at
    const edges = new Array(2e7);
    const r = validateScenario(withField('network', { type: 'edges', edges }), { heap: 4 * 1024 ** 3 });
    expect(r.ok).toBe(false);
    const found = (r as { issues: ValidationIssue[] }).issues;
    expect(found).toHaveLength(1);
    expect(found[0].path).toBe('network.edges');
    expect(found[0].message).toMatch(/^an edge list of 20,000,000 ties needs about 5\.2 GiB of JavaScript heap .* more than the 4\.0 GiB this process has; at most 15,339,168 ties fit/);
    // within the heap, the list is checked as ever
    const small = withField('network', { type: 'edges', edges: [[0, 1, 1]] });
    expect(validateScenario(small, { heap: 4 * 1024 ** 3 }).ok).toBe(true);
    expect(issues(withField('network', { type: 'edges', edges: [[0, 1, 1]] }), { heap: 100 })[0]).toMatchObject({ path: 'network.edges', message: expect.stringMatching(/at most 0 ties fit/) });
  });

  it('validateScenario(input, {memory}) applies the given memory limit instead of 8 GiB', () => {
    const s = withField('ticks', 1e6);
    expect(validateScenario(s).ok).toBe(true);
    expect(issues(s, { memory: 2 ** 20 }).find((i) => i.path === 'ticks')?.message).toMatch(/the limit is 0\.0 GiB$/);
  });

  it('validateScenario() refuses 10^8 ticks, naming ticks and the memory', () => {
    const hit = issues(withField('ticks', 1e8)).find((i) => i.path === 'ticks');
    expect(hit).toBeDefined();
    expect(hit!.message).toMatch(/GiB/);
    expect(hit!.message).toMatch(/100,000,001 observed ticks/);
  });
});

describe('parseScenario()', () => {
  it('parseScenario() throws a ScenarioError whose message and issues name every field at fault', () => {
    let err: unknown;
    try {
      parseScenario(withField('parties.1.power', 0, withField('kernel.formula', 'x=1')));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    const se = err as ScenarioError;
    expect(se.message).toMatch(/parties\.1\.power: /);
    expect(se.issues.map((i) => i.path)).toContain('parties.1.power');
  });

  it('parseScenario() names kernel.formula when the schema passes but the formula is code', () => {
    expect(() => parseScenario(withField('kernel.formula', 'evaluate("1")'))).toThrow(/kernel\.formula: /);
  });
});

describe('validateScenario() on names and keys', () => {
  it('validateScenario() refuses lone surrogates in names ("\\ud800", "\\udc00" would both be written as U+FFFD)', () => {
    const lone = JSON.parse('{"format": 1, "name": "x", "parties": [{"name": "\\ud800"}, {"name": "\\udc00"}]}');
    const found = issues(lone);
    for (const path of ['parties.0.name', 'parties.1.name']) {
      expect(found.find((i) => i.path === path)?.message).toMatch(/well-formed Unicode/);
    }
    // a surrogate pair is a character like any other
    expect(validateScenario(withField('parties.0.name', 'Party 😀')).ok).toBe(true);
    for (const field of ['name', 'description', 'sources', 'actors']) {
      const value = field === 'sources' ? ['\udfff'] : field === 'actors' ? [{ name: 'a\ud800', track: 2 }] : 'a\ud800b';
      const path = field === 'sources' ? 'sources.0' : field === 'actors' ? 'actors.0.name' : field;
      expect(issues(withField(field, value)).map((i) => i.path)).toContain(path);
    }
  });

  it.each([['U+0085 (next line)', '\u0085'], ['U+2028 (line separator)', '\u2028'], ['U+2029 (paragraph separator)', '\u2029'], ['a tab', '\t'], ['U+009B (a C1 control)', '\u009b']])(
    'validateScenario() refuses %s in party, actor and scenario names',
    (_label, ch) => {
      expect(issues(withField('parties.0.name', `A${ch}B`)).find((i) => i.path === 'parties.0.name')?.message).toMatch(/control characters, line or paragraph separators/);
      expect(issues(withField('actors', [{ name: `W${ch}`, track: 2 }])).map((i) => i.path)).toContain('actors.0.name');
      expect(issues(withField('name', `S${ch}`)).map((i) => i.path)).toContain('name');
    },
  );

  it('validateScenario() refuses party names that are the same text in different Unicode forms (NFC)', () => {
    const found = issues(withField('parties', [{ name: 'Caf\u00e9' }, { name: 'Cafe\u0301' }]));
    expect(found.find((i) => i.path === 'parties.1.name')?.message).toMatch(/normal form \(NFC\)/);
  });

  it('validateScenario() refuses a population of 2^53 − 1 at the field, and never prints a negative size', () => {
    const hit = issues(withField('parties.0.population', 2 ** 53 - 1)).find((i) => i.path === 'parties.0.population');
    expect(hit?.message).toMatch(/1000000000/);
    const largest = issues(withField('parties', [{ name: 'A', population: 1e9 }, { name: 'B', population: 1e9 }]));
    const memory = largest.find((i) => i.path === 'parties');
    expect(memory?.message).toMatch(/2,000,000,000 agents, [\d,]+ ties/);
    for (const i of largest) expect(i.message).not.toMatch(/-\d/);
  });

  it('validateScenario() reports a "__proto__" key in kernel.params instead of dropping it', () => {
    const input = JSON.parse('{"format": 1, "name": "x", "parties": [{"name": "A"}, {"name": "B"}], "kernel": {"formula": "exp(-(d-1)/L)", "params": {"L": 1, "__proto__": 3}}}');
    expect(issues(input).find((i) => i.path === 'kernel.params.__proto__')?.message).toMatch(/reserved name/);
    const nested = JSON.parse('{"format": 1, "name": "x", "parties": [{"name": "A"}, {"name": "B"}], "kernel": {"params": {"__proto__": {"L": 2}}}}');
    expect(issues(nested).map((i) => i.path)).toContain('kernel.params.__proto__');
  });

  it.each(['constructor', 'toString', 'valueOf', 'hasOwnProperty'])('validateScenario() refuses a kernel param named %s at kernel.params.<name>', (name) => {
    const found = issues(withField('kernel.params', { L: 1, [name]: 2 }));
    expect(found).toEqual([{ path: `kernel.params.${name}`, message: expect.stringMatching(/reserved name/) }]);
  });

  it('validateScenario() reports a formula with a nested ^ as valid instead of failing with an internal error', () => {
    for (const formula of ['(1+(d/L)^2)^(-1)', '2^d^2', '(d^2)^2']) expect(validateScenario(withField('kernel.formula', formula)).ok).toBe(true);
  });
});
