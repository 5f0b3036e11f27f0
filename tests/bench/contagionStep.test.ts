import { describe, expect, it } from 'vitest';
import { contagionStep } from '../../bench/contagionStep';
import { edgeListGraph, smallWorld } from '../../sim/network';
import { createStream } from '../../sim/rng';

describe('contagionStep()', () => {
  it('contagionStep() at rate 1 without noise replaces each value by its row\'s weighted mean (DeGroot)', () => {
    // 0 listens to 1 (weight 1) and 2 (weight 3); 1 to 0; 2 to 0 and 1 equally
    const g = edgeListGraph(3, [[0, 1, 1], [0, 2, 3], [1, 0, 2], [2, 0, 0.5], [2, 1, 0.5]]);
    const x = Float32Array.from([0.2, 0.4, 0.8]);
    const out = new Float32Array(3);
    contagionStep(out, x, { graph: g, rate: 1, noise: 0, seed: 1 });
    expect(out[0]).toBeCloseTo((1 * 0.4 + 3 * 0.8) / 4, 6);
    expect(out[1]).toBeCloseTo(0.2, 6);
    expect(out[2]).toBeCloseTo((0.2 + 0.4) / 2, 6);
  });

  it('contagionStep() keeps the value of an agent without ties or with zero weights', () => {
    const g = edgeListGraph(3, [[1, 0, 0], [2, 0, 1]]);
    const x = Float32Array.from([0.9, 0.3, 0.1]);
    const out = new Float32Array(3);
    contagionStep(out, x, { graph: g, rate: 0.7, noise: 0, seed: 1 });
    expect(out[0]).toBe(x[0]);
    expect(out[1]).toBe(x[1]);
    expect(out[2]).toBeCloseTo(0.1 + 0.7 * (0.9 - 0.1), 6);
  });

  it('contagionStep() repeated on a connected mutual network reaches consensus at the initial mean', () => {
    // mutual unit ties make the averaging doubly stochastic, so the mean is conserved
    const g = smallWorld([200], { degree: 4, rewire: 0.2, crossTies: 0, contactWeight: 1 }, createStream(3, 'network'));
    const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);
    let x = Float32Array.from({ length: 200 }, (_, i) => (i % 10) / 10);
    let out = new Float32Array(200);
    const mean = sum(x) / 200;
    for (let t = 0; t < 2000; t++) {
      contagionStep(out, x, { graph: g, rate: 0.5, noise: 0, seed: t });
      [x, out] = [out, x];
    }
    expect(Math.max(...x) - Math.min(...x)).toBeLessThan(1e-4);
    // duplicate ties after rewiring break exact double stochasticity slightly
    expect(Math.abs(sum(x) / 200 - mean)).toBeLessThan(0.02);
  });

  it('contagionStep() adds noise of the given SD, reproducibly from the seed, and clamps to [0, 1]', () => {
    const n = 20000;
    const g = edgeListGraph(n, []);
    const x = new Float32Array(n).fill(0.5);
    const a = new Float32Array(n);
    const b = new Float32Array(n);
    const next = contagionStep(a, x, { graph: g, rate: 0, noise: 0.01, seed: 42 });
    contagionStep(b, x, { graph: g, rate: 0, noise: 0.01, seed: 42 });
    expect(b).toEqual(a);
    contagionStep(b, x, { graph: g, rate: 0, noise: 0.01, seed: next });
    expect(b).not.toEqual(a);
    let m = 0, v = 0;
    for (const y of a) m += y - 0.5;
    m /= n;
    for (const y of a) v += (y - 0.5 - m) ** 2;
    expect(Math.abs(m)).toBeLessThan(0.0005);
    expect(Math.sqrt(v / (n - 1))).toBeGreaterThan(0.0095);
    expect(Math.sqrt(v / (n - 1))).toBeLessThan(0.0105);
    x.fill(1);
    contagionStep(a, x, { graph: g, rate: 0, noise: 0.5, seed: 7 });
    expect(Math.max(...a)).toBe(1);
    expect(Math.min(...a)).toBeLessThan(1);
  });
});
