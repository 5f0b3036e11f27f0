import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileKernel, KernelError, MAX_WEIGHT } from '../../sim/kernel';
import { pow } from '../../sim/portableMath';

describe('compileKernel()', () => {
  it('compileKernel("exp(-(d-1)/L)", {L: 1}) gives weights 1, .368, .135, .050 for Tracks Two to Five', () => {
    const w = compileKernel('exp(-(d-1)/L)', { L: 1 });
    expect(w[2]).toBe(1);
    expect(w[3]).toBeCloseTo(Math.exp(-1), 12);
    expect(w[4]).toBeCloseTo(Math.exp(-2), 12);
    expect(w[5]).toBeCloseTo(Math.exp(-3), 12);
    expect([w[3], w[4], w[5]].map((x) => Number(x.toFixed(3)))).toEqual([0.368, 0.135, 0.05]);
    // Track One (index 1) is not part of the power base
    expect(w[0]).toBe(0);
    expect(w[1]).toBe(0);
  });

  it('compileKernel() uses the declared params: a longer L flattens the kernel', () => {
    const w = compileKernel('exp(-(d-1)/L)', { L: 4 });
    expect(w[5]).toBeCloseTo(Math.exp(-3 / 4), 12);
  });

  it('compileKernel() accepts other arithmetic kernels: "1/(1+d)^2", the flat "1", and allowed functions', () => {
    const inv = compileKernel('1/(1+d)^2', {});
    expect(Array.from(inv.subarray(2))).toEqual([1 / 4, 1 / 9, 1 / 16, 1 / 25]);
    expect(Array.from(compileKernel('1', {}).subarray(2))).toEqual([1, 1, 1, 1]);
    const mixed = compileKernel('max(0, 2 - d/2) * sqrt(d) + abs(-1) * pi * 0 + pow(e, 0) - 1', {});
    expect(mixed[2]).toBeCloseTo(1.5, 12);
    expect(mixed[5]).toBe(0);
    // implicit multiplication is still arithmetic
    expect(compileKernel('2d', {})[3]).toBe(4);
  });

  const rejected: Array<[string, string, RegExp]> = [
    ['import(...)', 'import({}, {override: true})', /not allowed/],
    ['evaluate', 'evaluate("1")', /not allowed/],
    ['parse', 'parse("d")', /not allowed/],
    ['createUnit', 'createUnit("foo")', /not allowed/],
    ['a function not on the list', 'sin(d)', /function "sin" is not allowed/],
    ['property access', 'a.b', /not allowed/],
    ['indexing', 'L[1]', /not allowed/],
    ['function definition', 'f(x) = x', /not allowed/],
    ['variable definition', 'x = 1', /not allowed/],
    ['an unknown symbol', 'd * Q', /unknown symbol "Q"/],
    ['a function name used as a value', 'exp', /unknown symbol "exp"/],
    ['an inherited object property (constructor)', 'constructor', /unknown symbol "constructor"/],
    ['an inherited object method (toString)', 'd * toString', /unknown symbol "toString"/],
    ['a matrix', '[1, 2, 3]', /not allowed/],
    ['a string', '"1"', /only numbers are allowed/],
    ['a conditional', 'd > 1 ? 1 : 0', /not allowed/],
    ['a comparison', 'd > 1', /operator ">" is not allowed/],
    ['a range', '1:4', /not allowed/],
    ['an object', '{a: 1}', /not allowed/],
    ['a unit', '5 cm', /unknown symbol "cm"/],
    ['factorial', 'd!', /operator "!" is not allowed/],
    ['several statements', 'd; 1', /not allowed/],
    ['a syntax error', 'exp(', /cannot parse/],
  ];
  it.each(rejected)('compileKernel() rejects %s', (_label, formula, message) => {
    expect(() => compileKernel(formula, { L: 1 })).toThrow(KernelError);
    expect(() => compileKernel(formula, { L: 1 })).toThrow(message);
  });

  const badValues: Array<[string, RegExp]> = [
    ['-d', /at d = 1 it gives -1/],
    ['1/(d-1)', /at d = 1 it gives Infinity/],
    ['log(d-1)', /at d = 1 it gives -Infinity/],
    ['0/(d-1)', /at d = 1 it gives NaN/],
    ['sqrt(-d)', /finite, non-negative number/],
    ['exp(1000*d)', /at d = 1 it gives Infinity/],
    ['2 - d', /at d = 3 it gives -1/],
  ];
  it.each(badValues)('compileKernel("%s") rejects a negative or non-finite weight, naming the distance', (formula, message) => {
    expect(() => compileKernel(formula, {})).toThrow(KernelError);
    expect(() => compileKernel(formula, {})).toThrow(message);
  });

  it('compileKernel() rejects a param named d and non-finite params', () => {
    expect(() => compileKernel('d', { d: 2 })).toThrow(/must not define "d"/);
    expect(() => compileKernel('d * L', { L: Number.NaN })).toThrow(/finite/);
    expect(() => compileKernel('d * L', { L: Number.POSITIVE_INFINITY })).toThrow(/finite/);
  });

  it('compileKernel() error messages quote the formula so the user sees what was rejected', () => {
    expect(() => compileKernel('import(1)', {})).toThrow('"import(1)"');
  });
});

describe('compileKernel() on nested powers, huge formulas and reserved names', () => {
  it('compileKernel() evaluates a ^ inside another ^ ("(1+(d/L)^2)^(-1)", "2^d^2", "(d^2)^2")', () => {
    expect(Array.from(compileKernel('(1+(d/L)^2)^(-1)', { L: 1 }).subarray(2))).toEqual([1 / 2, 1 / 5, 1 / 10, 1 / 17]);
    // ^ is right-associative: 2^(d^2)
    expect(Array.from(compileKernel('2^d^2', {}).subarray(2))).toEqual([2, 16, 512, 65536]);
    expect(Array.from(compileKernel('(d^2)^2', {}).subarray(2))).toEqual([1, 16, 81, 256]);
  });

  it('compileKernel() evaluates every nested ^ with the portable pow, to the bit', () => {
    const w = compileKernel('((d + 0.3)^1.7)^(L^0.9)', { L: 2.2 });
    for (const d of [1, 2, 3, 4]) expect(w[d + 1]).toBe(pow(pow(d + 0.3, 1.7), pow(2.2, 0.9)));
  });

  it('compileKernel() refuses a 1 MB formula with a KernelError naming the length limit, not a stack overflow', () => {
    for (const formula of ['1+'.repeat(500_000) + '1', '('.repeat(500_000) + 'd' + ')'.repeat(500_000), 'd^'.repeat(300_000) + 'd']) {
      expect(() => compileKernel(formula, {})).toThrow(KernelError);
      expect(() => compileKernel(formula, {})).toThrow(/characters long; the limit is 400/);
    }
  });

  it('compileKernel() compiles or refuses with a KernelError the deepest nesting 400 characters allow', () => {
    expect(compileKernel('('.repeat(199) + 'd' + ')'.repeat(199), {})[3]).toBe(2);
    expect(compileKernel('1^'.repeat(199) + 'd', {})[3]).toBe(1);
    expect(() => compileKernel('-'.repeat(399) + 'd', {})).toThrow(KernelError);
  });

  it('compileKernel() refuses every property of a plain object and every word of the formula language as a param name, naming params.<name>', () => {
    const names = [...Object.getOwnPropertyNames(Object.prototype), 'mod', 'to', 'in', 'and', 'or', 'xor', 'not', 'true', 'false', 'null', 'undefined', 'NaN', 'Infinity'];
    expect(names).toEqual(expect.arrayContaining(['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']));
    for (const name of names) {
      const params = JSON.parse(`{"L": 1, ${JSON.stringify(name)}: 2}`) as Record<string, number>;
      let err: unknown;
      try {
        compileKernel('exp(-(d-1)/L)', params);
      } catch (e) {
        err = e;
      }
      expect(err, name).toBeInstanceOf(KernelError);
      expect((err as KernelError).field).toBe(`params.${name}`);
      expect((err as KernelError).message).toMatch(new RegExp(`param "${name.replace(/[$]/g, '\\$&')}" is a reserved name`));
    }
  });

  it('compileKernel() either tabulates finite weights in [0, 10^6] or throws a KernelError, whatever the formula', () => {
    const token = fc.constantFrom('d', 'L', '1', '0', '2.5', '1e308', '-', '+', '*', '/', '^', '(', ')', ',', 'exp', 'log', 'pow', 'sqrt', 'min', 'max', 'e', 'pi', '!', '=', '[', ']', '{', '}', ':', '?', '.', '"', "'", ';', 'constructor', '__proto__', 'mod', 'to', ' ');
    fc.assert(fc.property(fc.array(token, { maxLength: 40 }), (tokens) => {
      const formula = tokens.join('');
      try {
        const w = compileKernel(formula, { L: 1.5 });
        for (const d of [1, 2, 3, 4]) expect(Number.isFinite(w[d + 1]) && w[d + 1] >= 0 && w[d + 1] <= MAX_WEIGHT).toBe(true);
      } catch (e) {
        expect(e, formula).toBeInstanceOf(KernelError);
      }
    }), { numRuns: 2000, seed: 1207 });
  });
});
