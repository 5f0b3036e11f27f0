import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, openRun } from '../../../sim/index';
import { entryConditions } from '../../../sim/rules/actors';
import { recordIncidents } from '../../../sim/rules/recordIncidents';
import { makeScenario } from '../../fixtures/sim/makeScenario';

/** S(end): the lullWindow sum summed afresh from a full history, in the order s = end − W … end − 1. */
function windowSum(h: readonly number[], end: number, W: number): number {
  let sum = 0;
  for (let s = end - W; s < end; s++) sum += s < 0 ? 0 : h[s];
  return sum;
}

describe('recordIncidents()', () => {
  it('recordIncidents() keeps every window sum of the trailing year equal, to the bit, to the sum of the history afresh (whole and fractional counts)', () => {
    fc.assert(fc.property(
      fc.integer({ min: 12, max: 40 }), fc.integer({ min: 1, max: 60 }), fc.boolean(),
      fc.array(fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 7, noNaN: true })), { minLength: 1, maxLength: 150 }),
      (year, W, meanfield, draws) => {
        const s = makeScenario({ ticksPerYear: year, mode: meanfield ? 'meanfield' : 'agent', params: { lullWindow: W } });
        const { state, ctx } = createSimulation(s);
        // agent mode counts whole incidents only
        const h = draws.map((x) => (meanfield ? x : Math.round(x)));
        h.forEach((x, t) => {
          state.tick = t;
          recordIncidents(state, ctx, x);
          state.tick = t + 1;
          const e = entryConditions(state, ctx);
          expect(Object.is(e.recent, windowSum(h, t + 1, W))).toBe(true);
          let peak = 0;
          let mean = 0;
          for (let end = t + 2 - year; end <= t + 1; end++) {
            const w = windowSum(h, end, W);
            if (w > peak) peak = w;
            mean += w / year;
          }
          expect([e.peakWindow, e.meanWindow]).toEqual([peak, mean]);
        });
      }), { numRuns: 200, seed: 12 });
  });

  it('a run with lullWindow 10 000 at 365 ticks a year keeps its window sums as it goes: the last equals the history summed afresh', () => {
    // summed afresh at every step, a year of windows of 10 000 ticks is 3.65 × 10^6 additions a step (bench/ times it)
    const s = makeScenario({ ticksPerYear: 365, ticks: 365, parties: [{ population: 20 }, { population: 20 }], params: { lullWindow: 10_000, contagion: 1 }, actors: [{ name: 'L', track: 2, entry: 'lull' }] });
    const session = openRun(s);
    session.advance();
    expect(session.columns.rows).toBe(366);
    // window sums of a run counted as it went, against the history summed afresh at the end
    const h = Array.from(session.columns.data.incidents).slice(1);
    expect(entryConditions(session.state, session.ctx).recent).toBe(windowSum(h, 365, 10_000));
  });
});
