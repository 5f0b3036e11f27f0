import { describe, expect, it } from 'vitest';
import { compileKernel, KernelError } from '../../sim/kernel';

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
