import { describe, expect, it } from 'vitest';
import { cos, exp, log, pow } from '../../sim/portableMath';

const view = new DataView(new ArrayBuffer(8));
/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  view.setFloat64(0, a);
  const x = view.getBigInt64(0);
  view.setFloat64(0, b);
  const y = view.getBigInt64(0);
  return Number(x > y ? x - y : y - x);
}

// A fixed LCG: the inputs are the same on every run and machine.
function inputs(n: number, lo: number, hi: number): number[] {
  let s = 12345;
  return Array.from({ length: n }, () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return lo + (hi - lo) * (s / 2 ** 32);
  });
}

describe('portableMath', () => {
  it('exp(x) is within 1 ulp of Math.exp over the model\'s range, and exact at 0', () => {
    expect(exp(0)).toBe(1);
    const worst = Math.max(...inputs(20000, -40, 40).map((x) => ulps(exp(x), Math.exp(x))));
    expect(worst).toBeLessThanOrEqual(1);
    expect(exp(800)).toBe(Infinity);
    expect(exp(-800)).toBe(0);
    expect(exp(-745)).toBeGreaterThan(0);
  });

  it('log(x) is within 1 ulp of Math.log, from subnormals to huge values', () => {
    expect(log(1)).toBe(0);
    const xs = [...inputs(20000, 1e-6, 10), ...inputs(2000, 10, 1e12), 5e-324, 1e-310, 1e300];
    const worst = Math.max(...xs.map((x) => ulps(log(x), Math.log(x))));
    expect(worst).toBeLessThanOrEqual(1);
    expect(log(0)).toBe(-Infinity);
    expect(log(-1)).toBeNaN();
  });

  it('cos(x) is within 1 ulp of Math.cos on [−8π, 8π], including near multiples of π/2', () => {
    const xs = [...inputs(20000, -8 * Math.PI, 8 * Math.PI), ...[1, 2, 3, 4, 5].map((k) => (k * Math.PI) / 2)];
    const bad = xs.filter((x) => {
      const a = cos(x);
      const b = Math.cos(x);
      // Near a zero of cos, ulps are tiny: there the absolute error counts.
      return ulps(a, b) > 1 && Math.abs(a - b) > 1e-17;
    });
    expect(bad).toEqual([]);
  });

  it('pow(x, y) multiplies exactly for integer exponents and follows exp(y·log x) otherwise', () => {
    expect(pow(0.9, 3)).toBe(0.9 * 0.9 * 0.9);
    expect(pow(2, -2)).toBe(0.25);
    expect(pow(5, 0)).toBe(1);
    const rel = Math.max(...inputs(5000, 0, 3).map((y) => Math.abs(pow(0.5, y + 0.1) / Math.pow(0.5, y + 0.1) - 1)));
    expect(rel).toBeLessThan(1e-14);
  });
});
