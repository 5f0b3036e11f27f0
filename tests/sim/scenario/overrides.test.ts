import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../sim/index';
import { applyOverrides, OverrideError, parseOverride } from '../../../sim/scenario/overrides';

type Json = Record<string, unknown>;

/** A minimal valid scenario as a file would hold it: no kernel, params or actors sections. */
function file(): Json {
  return {
    format: 1,
    name: 'test',
    parties: [{ name: 'A', population: 10 }, { name: 'B', population: 10 }],
    network: { type: 'smallWorld', degree: 4 },
    actors: [{ name: 'Workshop', track: 2 }],
  };
}

const set = (input: unknown, ...texts: string[]) => applyOverrides(input, texts.map(parseOverride)) as Json;

function overrideError(f: () => unknown): OverrideError {
  try {
    f();
  } catch (e) {
    if (e instanceof OverrideError) return e;
    throw e;
  }
  throw new Error('expected an OverrideError');
}

describe('parseOverride', () => {
  it('parseOverride(text) reads the value as JSON when it parses', () => {
    expect(parseOverride('parties.1.power=2')).toEqual({ path: ['parties', '1', 'power'], value: 2 });
    expect(parseOverride('actors.0.consent=false').value).toBe(false);
    expect(parseOverride('params.stageWindowTrack2=[2,7]').value).toEqual([2, 7]);
    expect(parseOverride('name="Two words"').value).toBe('Two words');
    expect(parseOverride('actors.0.leaveAt=null').value).toBeNull();
  });

  it('parseOverride(text) keeps text that is not JSON as a string', () => {
    expect(parseOverride('kernel.formula=1/(1+d)^2').value).toBe('1/(1+d)^2');
    expect(parseOverride('parties.0.name=Rebels').value).toBe('Rebels');
    // only the first "=" separates path from value
    expect(parseOverride('description=a=b').value).toBe('a=b');
    expect(parseOverride('description=').value).toBe('');
  });

  it('parseOverride(text) rejects a missing "=", an empty path or empty segments, naming them', () => {
    expect(overrideError(() => parseOverride('parties.1.power')).message).toMatch(/parties\.1\.power.*=/);
    expect(overrideError(() => parseOverride('=2')).message).toMatch(/path.*empty/);
    const e = overrideError(() => parseOverride('parties..power=2'));
    expect(e.path).toBe('parties..power');
    expect(e.message).toMatch(/empty segment/);
  });

  it('parseOverride(text) refuses paths that would reach an object prototype', () => {
    for (const t of ['__proto__.x=1', 'params.constructor.x=1', 'a.prototype=1']) {
      expect(overrideError(() => parseOverride(t)).message).toMatch(/not a scenario field/);
    }
  });
});

describe('applyOverrides', () => {
  it('applyOverrides(input, overrides) sets fields by 0-based index and leaves the input unchanged', () => {
    const input = file();
    const out = set(input, 'parties.1.power=2', 'actors.0.track=3', 'network.degree=6');
    expect((out.parties as Json[])[1].power).toBe(2);
    expect((out.parties as Json[])[0].power).toBeUndefined();
    expect((out.actors as Json[])[0].track).toBe(3);
    expect((out.network as Json).degree).toBe(6);
    expect(input).toEqual(file());
  });

  it('applyOverrides(input, overrides) creates sections the file leaves to their defaults', () => {
    const out = set(file(), 'kernel.formula=1/(1+d)^2', 'params.synergy=0');
    expect(out.kernel).toEqual({ formula: '1/(1+d)^2' });
    expect(out.params).toEqual({ synergy: 0 });
    const r = validateScenario(out);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.kernel.formula).toBe('1/(1+d)^2');
      expect(r.scenario.params.synergy).toBe(0);
    }
  });

  it('applyOverrides(input, overrides) applies overrides in order, the last one winning', () => {
    expect(set(file(), 'seed=3', 'seed=5').seed).toBe(5);
  });

  it('applyOverrides(input, overrides) can replace a whole element or section with a JSON value', () => {
    const out = set(file(), 'actors.0={"name":"Traders","track":3}');
    expect(out.actors).toEqual([{ name: 'Traders', track: 3 }]);
  });

  it('applyOverrides(input, overrides) names the path of an index beyond the array', () => {
    const e = overrideError(() => set(file(), 'parties.2.power=2'));
    expect(e.path).toBe('parties.2');
    expect(e.message).toMatch(/parties has 2 elements/);
    expect(overrideError(() => set(file(), 'actors.5.name=x')).path).toBe('actors.5');
  });

  it('applyOverrides(input, overrides) names an index into an array the file does not have', () => {
    const input = file();
    delete input.actors;
    const e = overrideError(() => set(input, 'actors.0.capacity=0.5'));
    expect(e.path).toBe('actors.0');
    expect(e.message).toMatch(/actors is missing/);
  });

  it('applyOverrides(input, overrides) refuses a path through a number, string or null', () => {
    const e = overrideError(() => set(file(), 'parties.0.name.first=x'));
    expect(e.path).toBe('parties.0.name.first');
    expect(e.message).toMatch(/parties\.0\.name is a string/);
    expect(overrideError(() => set(file(), 'format.x=1')).message).toMatch(/format is a number/);
    expect(overrideError(() => set({ ...file(), kernel: null }, 'kernel.formula=d')).message).toMatch(/kernel is null/);
  });

  it('applyOverrides(input, overrides) refuses a name where an array needs an index', () => {
    const e = overrideError(() => set(file(), 'parties.Rebels.power=2'));
    expect(e.path).toBe('parties.Rebels');
    expect(e.message).toMatch(/0-based index/);
  });

  it('applyOverrides(input, overrides) leaves bad values to validation, which names the same path', () => {
    const r = validateScenario(set(file(), 'parties.1.power=-2'));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path)).toEqual(['parties.1.power']);
    const unknown = validateScenario(set(file(), 'params.nonsense=1'));
    expect(unknown.ok).toBe(false);
    if (!unknown.ok) expect(unknown.issues[0].message).toMatch(/nonsense/);
  });

  it('applyOverrides(input, overrides) copies only the path it writes, so a deeply nested input cannot overflow the stack', () => {
    let deep: Json = { leaf: 1 };
    for (let k = 0; k < 100_000; k++) deep = { x: deep };
    const input: Json = { ...file(), junk: deep };
    const out = applyOverrides(input, [parseOverride('parties.1.power=2')]) as Json;
    expect((out.parties as Json[])[1].power).toBe(2);
    expect(out.junk).toBe(deep);
    expect((input.parties as Json[])[1].power).toBeUndefined();
  });

  it('applyOverrides(input, []) returns the input itself', () => {
    const input = file();
    expect(applyOverrides(input, [])).toBe(input);
  });

  it('applyOverrides(input, overrides) refuses a scenario that is not an object', () => {
    expect(overrideError(() => set([1, 2], 'name=x')).message).toMatch(/array, not an object/);
  });
});
