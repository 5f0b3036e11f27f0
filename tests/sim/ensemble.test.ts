import { describe, expect, it } from 'vitest';
import { bands, createColumns, ensembleStats, interval, replicates, replicateSeed, replicateSeeds, run } from '../../sim/index';
import type { RunSummary } from '../../sim/index';
import { makeScenario } from '../fixtures/sim/makeScenario';

describe('interval()', () => {
  it('interval() gives the median and the 5th and 95th percentiles by linear interpolation (R-7)', () => {
    const values = Array.from({ length: 21 }, (_, i) => 20 - i); // 0…20, unsorted
    const r = interval(values);
    expect(r.median).toBe(10);
    expect(r.lo).toBeCloseTo(1, 12);
    expect(r.hi).toBeCloseTo(19, 12);
    expect(r.n).toBe(21);
    expect(interval([1, 2, 3, 4], 0.5)).toEqual({ median: 2.5, lo: 1.75, hi: 3.25, n: 4 });
  });

  it('interval() of nothing is zeros with n 0, never NaN', () => {
    expect(interval([])).toEqual({ median: 0, lo: 0, hi: 0, n: 0 });
  });
});

describe('ensembleStats()', () => {
  const summary = (time: number | null, peakX: number): RunSummary => ({
    run: 0, seed: 0, peakX, areaX: 1, timeToDeescalation: time, deescalated: time !== null, settlements: 0, collapses: 0, finalX: 0.2,
  });

  it('ensembleStats() reports the share de-escalated and the median time over the runs that did', () => {
    const st = ensembleStats([summary(10, 0.5), summary(null, 0.9), summary(30, 0.7), summary(null, 0.6)]);
    expect(st.runs).toBe(4);
    expect(st.shareDeescalated).toBe(0.5);
    expect(st.timeToDeescalation.median).toBe(20);
    expect(st.timeToDeescalation.n).toBe(2);
    expect(st.peakX.median).toBeCloseTo(0.65, 12);
  });

  it('ensembleStats() of no runs has share 0, not NaN', () => {
    expect(ensembleStats([]).shareDeescalated).toBe(0);
  });
});

describe('bands() and replicates()', () => {
  it('bands() gives per-tick quantiles across runs', () => {
    const runs = [0, 1, 2, 3, 4].map((k) => {
      const c = createColumns(['tick', 'X'], 2);
      c.data.tick.set([0, 1]);
      c.data.X.set([k, 10 * k]);
      c.rows = 2;
      return c;
    });
    const b = bands(runs);
    expect(Array.from(b.tick)).toEqual([0, 1]);
    expect(Array.from(b.median)).toEqual([2, 20]);
    expect(Array.from(b.q25)).toEqual([1, 10]);
    expect(Array.from(b.q95)).toEqual([3.8, 38]);
  });

  it('replicates() opens replicates 0…runs−1 one at a time, each the run run({run: r}) gives', () => {
    const s = makeScenario({ ticks: 12 });
    const seen: number[] = [];
    for (const session of replicates(s, { runs: 3 })) {
      // opened lazily: the previous replicate is done before the next one exists
      expect(session.done).toBe(false);
      session.advance();
      seen.push(session.run);
      expect(session.seed).toBe(replicateSeed(s.seed, session.run));
      expect(Array.from(session.columns.data.X)).toEqual(Array.from(run(s, { run: session.run }).columns.data.X));
    }
    expect(seen).toEqual([0, 1, 2]);
    expect(replicateSeeds(s, 3)).toEqual([0, 1, 2].map((r) => replicateSeed(s.seed, r)));
  });
});
