import { describe, expect, it } from 'vitest';
import { compareRuns, describeRuns } from '../../../sim/compare/index';
import { meanCI, newcombePaired, wilson } from '../../../sim/stats/index';
import type { RunSummary } from '../../../sim/summary';

/** A run summary with the fields the comparison reads. */
function run(seed: number, peakX: number, time: number | null): RunSummary {
  return { run: 0, seed, peakX, areaX: 2 * peakX, timeToDeescalation: time, deescalated: time !== null, settlements: seed % 3, collapses: 0, finalX: peakX / 2 };
}

describe('compareRuns', () => {
  it('compareRuns(variant, baseline) pairs runs by seed, whatever their order, and leaves out unmatched seeds', () => {
    const baseline = { summaries: [run(1, 0.5, 12), run(2, 0.6, null), run(3, 0.7, 24), run(9, 0.1, 1)], ticksPerYear: 12 };
    const variant = { summaries: [run(3, 0.4, 12), run(1, 0.45, 6), run(2, 0.5, 12), run(7, 0.9, null)], ticksPerYear: 12 };
    const c = compareRuns(variant, baseline);
    expect(c.pairs).toBe(3);
    // peakX: pairs (seed 3) 0.4−0.7, (1) 0.45−0.5, (2) 0.5−0.6
    expect(c.outcomes.peakX).toEqual(meanCI([0.4 - 0.7, 0.45 - 0.5, 0.5 - 0.6]));
    // years to de-escalation: only where both de-escalated (seeds 3 and 1), in years
    expect(c.outcomes.yearsToDeescalation).toEqual(meanCI([(12 - 24) / 12, (6 - 12) / 12]));
    // de-escalated: variant 1,1,1 against baseline 1,1,0 (seed 2 only in the variant)
    expect(c.outcomes.deescalated).toEqual(newcombePaired({ both: 2, firstOnly: 1, secondOnly: 0, neither: 0 }));
  });

  it('compareRuns gives times in years of each side\'s own ticks per year', () => {
    const monthly = { summaries: [run(1, 1, 24)], ticksPerYear: 12 };
    const weekly = { summaries: [run(1, 1, 52)], ticksPerYear: 52 };
    expect(compareRuns(monthly, weekly).outcomes.yearsToDeescalation.mean).toBeCloseTo(1, 12);
  });

  it('an ensemble compared with itself differs by exactly zero in every measure', () => {
    const e = { summaries: Array.from({ length: 12 }, (_, k) => run(k, k / 12, k % 2 ? 5 * k : null)), ticksPerYear: 12 };
    const c = compareRuns(e, e);
    expect(c.pairs).toBe(12);
    for (const key of ['peakX', 'areaX', 'yearsToDeescalation', 'settlements', 'collapses', 'finalX'] as const) {
      expect([c.outcomes[key].mean, c.outcomes[key].lo, c.outcomes[key].hi]).toEqual([0, 0, 0]);
    }
    expect(c.outcomes.deescalated.mean).toBe(0);
    expect(c.outcomes.deescalated.lo).toBeLessThan(0);
  });
});

describe('describeRuns', () => {
  it('describeRuns(ensemble) gives each measure\'s mean with its t-interval and the share de-escalated with Wilson\'s', () => {
    const summaries = [run(1, 0.2, 12), run(2, 0.4, null), run(3, 0.9, 36)];
    const d = describeRuns({ summaries, ticksPerYear: 12 });
    expect(d.peakX).toEqual(meanCI([0.2, 0.4, 0.9]));
    expect(d.deescalated).toEqual(wilson(2, 3));
    expect(d.yearsToDeescalation).toEqual(meanCI([1, 3]));
    expect(d.yearsToDeescalation.n).toBe(2);
  });
});
