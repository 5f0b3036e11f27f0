import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../../sim/summary';
import { exerciseVerdict } from '../../../../viz/app/exercise/exerciseVerdict';
import { sketchCurve } from '../../../../viz/app/exercise/sketchInput';

const runs = (areas: number[]): RunSummary[] => areas.map((areaX, run) => ({ run, seed: run, peakX: 0, areaX, timeToDeescalation: null, deescalated: false, settlements: 0, collapses: 0, finalX: 0 }));

describe('exerciseVerdict', () => {
  it('exerciseVerdict(measure, arms) reads the outcome from the run-by-run difference: clear only when its 90 % range leaves out zero', () => {
    // the first arm is lower in every pair, though the arms' ranges overlap
    const lower = exerciseVerdict('areaX', [runs([5, 9, 13, 7]), runs([6, 10, 14, 8])]);
    expect(lower.outcome).toBe('first lower');
    expect(lower.difference?.median).toBe(-1);
    expect(exerciseVerdict('areaX', [runs([6, 10, 14, 8]), runs([5, 9, 13, 7])]).outcome).toBe('first higher');
    const mixed = exerciseVerdict('areaX', [runs([5, 11, 13, 7]), runs([6, 10, 14, 6])]);
    expect(mixed.outcome).toBe('no clear difference');
    expect(mixed.arms.map((a) => a.n)).toEqual([4, 4]);
  });

  it('exerciseVerdict(measure, [arm]) of one arm gives its interval and no outcome', () => {
    const v = exerciseVerdict('areaX', [runs([1, 2, 3])]);
    expect(v.arms[0].median).toBe(2);
    expect(v.outcome).toBeUndefined();
  });
});

describe('sketchCurve', () => {
  it('sketchCurve(points, years) joins the sketch\'s points with straight lines and holds its ends', () => {
    const c = sketchCurve({ years: [0, 10, 20], values: [0.2, 0.8, 0.4] }, [0, 5, 10, 15, 20, 25]);
    expect(Array.from(c).map((v) => Number(v.toFixed(6)))).toEqual([0.2, 0.5, 0.8, 0.6, 0.4, 0.4]);
  });
});
