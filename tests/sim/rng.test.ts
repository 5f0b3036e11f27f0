import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { betaMeanSd, createStream, gammaMeanSd, MULBERRY32_STEP, mulberry32Hash, normal, poissonFromUniform, replicateSeed, STREAM_NAMES } from '../../sim/rng';

const draws = (rng: () => number, n: number) => Array.from({ length: n }, () => rng());

function poissonPmf(k: number, mean: number): number {
  let p = Math.exp(-mean);
  for (let i = 1; i <= k; i++) p *= mean / i;
  return p;
}

describe('createStream()', () => {
  it('createStream() gives the same sequence for the same seed and name, in [0, 1)', () => {
    const a = draws(createStream(5, 'violence'), 200);
    const b = draws(createStream(5, 'violence'), 200);
    expect(a).toEqual(b);
    for (const u of a) {
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  it('createStream() gives different sequences for different names and different seeds', () => {
    const base = draws(createStream(5, 'violence'), 20);
    expect(draws(createStream(5, 'agents'), 20)).not.toEqual(base);
    expect(draws(createStream(6, 'violence'), 20)).not.toEqual(base);
    const firsts = new Set(STREAM_NAMES.map((n) => createStream(5, n)()));
    expect(firsts.size).toBe(STREAM_NAMES.length);
  });

  it('createStream() draws of one stream do not depend on other streams being created or drawn from', () => {
    const alone = draws(createStream(9, 'violence'), 50);
    const others = [createStream(9, 'actor:0'), createStream(9, 'actor:1'), createStream(9, 'agents')];
    const violence = createStream(9, 'violence');
    const mixed: number[] = [];
    for (let i = 0; i < 50; i++) {
      for (const o of others) draws(o, 7);
      mixed.push(violence());
    }
    expect(mixed).toEqual(alone);
  });

  it('createStream(seed, name, state) resumes exactly where a saved stream stopped, also after structuredClone', () => {
    const s = createStream(3, 'trackOne');
    draws(s, 37);
    const saved = structuredClone(s.state());
    const next = draws(s, 100);
    expect(draws(createStream(3, 'trackOne', saved), 100)).toEqual(next);
    // the state is plain numbers (structured-cloneable, JSON-safe)
    expect(Object.values(saved).every((v) => typeof v === 'number')).toBe(true);
  });
});

describe('replicateSeed()', () => {
  /** murmur3's 32-bit finaliser over base ^ run·0x9e3779b9, in BigInt arithmetic, independent of Math.imul. */
  function reference(base: number, run: number): number {
    if (run === 0) return base >>> 0;
    const M = 0xffffffffn;
    const mul = (a: bigint, b: bigint) => (a * b) & M;
    let h = (BigInt(base >>> 0) ^ mul(BigInt(run), 0x9e3779b9n)) & M;
    h = mul(h ^ (h >> 16n), 0x85ebca6bn);
    h = mul(h ^ (h >> 13n), 0xc2b2ae35n);
    return Number((h ^ (h >> 16n)) & M);
  }

  it('replicateSeed(base, 0) is the base seed itself', () => {
    expect(replicateSeed(1, 0)).toBe(1);
    expect(replicateSeed(123456, 0)).toBe(123456);
  });

  it('replicateSeed() is stable: the documented mixing function, the same on every call', () => {
    for (const base of [0, 1, 42, 2 ** 32 - 1]) {
      for (let r = 0; r < 50; r++) {
        expect(replicateSeed(base, r)).toBe(reference(base, r));
        expect(replicateSeed(base, r)).toBe(replicateSeed(base, r));
      }
    }
  });

  it('replicateSeed() gives distinct 32-bit seeds for the replicates of a base and differs between bases', () => {
    const seeds = Array.from({ length: 2000 }, (_, r) => replicateSeed(1, r));
    expect(new Set(seeds).size).toBe(seeds.length);
    for (const s of seeds) {
      expect(Number.isInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(2 ** 32);
    }
    expect(replicateSeed(2, 5)).not.toBe(replicateSeed(1, 5));
  });
});

describe('poissonFromUniform()', () => {
  it.each([0.05, 0.5, 2, 7.5])('poissonFromUniform(u, %f) over evenly spaced u reproduces the Poisson pmf', (mean) => {
    const N = 100_000;
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const k = poissonFromUniform((i + 0.5) / N, mean);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (let k = 0; k <= 25; k++) {
      // quadrature error is at most one grid cell per boundary
      expect(Math.abs((counts.get(k) ?? 0) / N - poissonPmf(k, mean))).toBeLessThanOrEqual(2 / N);
    }
  });

  it('poissonFromUniform() returns k exactly where the CDF first reaches u', () => {
    const mean = 1.3;
    let cdf = 0;
    for (let k = 0; k < 8; k++) {
      cdf += poissonPmf(k, mean);
      expect(poissonFromUniform(cdf - 1e-9, mean)).toBe(k);
      expect(poissonFromUniform(cdf + 1e-9, mean)).toBe(k + 1);
    }
  });

  it('poissonFromUniform() is non-decreasing in the mean for a fixed u (so paired runs compare fairly)', () => {
    for (const u of [0.01, 0.3, 0.77, 0.999]) {
      let last = 0;
      for (let m = 0; m <= 10; m += 0.1) {
        const k = poissonFromUniform(u, m);
        expect(k).toBeGreaterThanOrEqual(last);
        last = k;
      }
    }
  });

  it('poissonFromUniform() returns 0 for a zero, negative or NaN mean and stays finite for a huge one', () => {
    expect(poissonFromUniform(0.99, 0)).toBe(0);
    expect(poissonFromUniform(0.99, -3)).toBe(0);
    expect(poissonFromUniform(0.99, Number.NaN)).toBe(0);
    const k = poissonFromUniform(0.5, 1e6);
    expect(Number.isFinite(k)).toBe(true);
  });

  it.each([650, 750, 1e4, 1e6])('poissonFromUniform(u, %f), where e^-mean underflows or nearly, still has the Poisson mean and spread', (mean) => {
    const N = 2000;
    let s = 0;
    let ss = 0;
    for (let i = 0; i < N; i++) {
      const k = poissonFromUniform((i + 0.5) / N, mean);
      s += k;
      ss += k * k;
    }
    const m = s / N;
    expect(Math.abs(m - mean)).toBeLessThan(1);
    expect((ss / N - m * m) / mean).toBeCloseTo(1, 1);
  });

  it('poissonFromUniform() moves by at most two counts where it switches to the normal approximation', () => {
    for (const u of [0.001, 0.2, 0.5, 0.9, 0.999]) {
      expect(Math.abs(poissonFromUniform(u, 700.0001) - poissonFromUniform(u, 700))).toBeLessThanOrEqual(2);
    }
  });
});

describe('normal() and betaMeanSd()', () => {
  it('normal() has mean 0 and variance 1', () => {
    const rng = createStream(1, 'test');
    const n = 40_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = normal(rng);
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.03);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.04);
  });

  it.each([[0.1, 0.15], [0.5, 0.2], [0.8, 0.05]])('betaMeanSd(rng, %f, %f) draws in [0, 1] with that mean and SD', (mean, sd) => {
    const rng = createStream(2, 'test');
    const n = 20_000;
    const xs = Array.from({ length: n }, () => betaMeanSd(rng, mean, sd));
    const m = xs.reduce((a, b) => a + b, 0) / n;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / n;
    for (const x of xs) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
    expect(Math.abs(m - mean)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(v) - sd)).toBeLessThan(0.01);
  });

  it('betaMeanSd() returns the mean itself for SD 0 or a mean at 0 or 1, without drawing', () => {
    const rng = createStream(2, 'test');
    const before = rng.state();
    expect(betaMeanSd(rng, 0.3, 0)).toBe(0.3);
    expect(betaMeanSd(rng, 0, 0.2)).toBe(0);
    expect(betaMeanSd(rng, 1, 0.2)).toBe(1);
    expect(rng.state()).toEqual(before);
  });

  it('betaMeanSd() returns (the mean) promptly for an SD far below Float32 resolution, including denormal inputs', () => {
    const rng = createStream(5, 'test');
    expect(betaMeanSd(rng, 0.5, 1e-200)).toBe(0.5);
    expect(betaMeanSd(rng, 1.5e-323, 9e-323)).toBe(1.5e-323);
    expect(betaMeanSd(rng, 0.3, 1e-12)).toBe(0.3);
    // a small but resolvable spread is still drawn
    expect(betaMeanSd(rng, 0.3, 1e-3)).not.toBe(0.3);
  });

  it('betaMeanSd() caps an SD larger than a Beta allows and still returns values in [0, 1]', () => {
    const rng = createStream(4, 'test');
    for (let i = 0; i < 2000; i++) {
      const x = betaMeanSd(rng, 0.5, 0.9);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
    }
  });
});

describe('gammaMeanSd()', () => {
  it.each([[0.08, 0.15], [0.12, 0.15], [0.5, 0.1], [0.002, 0.3]])('gammaMeanSd(rng, %f, %f) draws non-negative values with that mean and SD', (mean, sd) => {
    const rng = createStream(3, 'test');
    const n = 40_000;
    const xs = Array.from({ length: n }, () => gammaMeanSd(rng, mean, sd));
    const m = xs.reduce((a, b) => a + b, 0) / n;
    const v = xs.reduce((a, b) => a + (b - m) ** 2, 0) / n;
    for (const x of xs) expect(x).toBeGreaterThanOrEqual(0);
    // the mean within 4 standard errors: no truncation bias
    expect(Math.abs(m - mean)).toBeLessThan(4 * sd / Math.sqrt(n));
    expect(Math.abs(Math.sqrt(v) - sd) / sd).toBeLessThan(0.1);
  });

  it('gammaMeanSd() returns the mean itself for SD 0, and 0 for a mean at or below 0, without drawing', () => {
    const rng = createStream(2, 'test');
    const before = rng.state();
    expect(gammaMeanSd(rng, 0.3, 0)).toBe(0.3);
    expect(gammaMeanSd(rng, 0, 0.2)).toBe(0);
    expect(gammaMeanSd(rng, -0.1, 0.2)).toBe(0);
    expect(gammaMeanSd(rng, 0.3, 1e-12)).toBe(0.3);
    expect(rng.state()).toEqual(before);
  });

  it('gammaMeanSd() returns a finite value ≥ 0 promptly for any mean and SD the schema allows', () => {
    const rng = createStream(6, 'test');
    fc.assert(fc.property(fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 0.5, noNaN: true }), (mean, sd) => {
      const x = gammaMeanSd(rng, mean, sd);
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(0);
    }), { numRuns: 500 });
  });
});

describe('mulberry32Hash()', () => {
  it('mulberry32Hash(s) with MULBERRY32_STEP is mulberry32 as published (Ettinger), state by state', () => {
    // the published generator, as commonly written in JavaScript
    function reference(seed: number) {
      let a = seed;
      return () => {
        let t = (a += 0x6d2b79f5);
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return (t ^ (t >>> 14)) >>> 0;
      };
    }
    for (const seed of [0, 1, 42, -7, 0x7fffffff, 123456789]) {
      const next = reference(seed);
      let s = seed | 0;
      for (let k = 0; k < 1000; k++) {
        s = (s + MULBERRY32_STEP) | 0;
        expect(mulberry32Hash(s) >>> 0).toBe(next());
      }
    }
  });
});
