import { describe, expect, it } from 'vitest';
import { createSimulation, glaslStage, run } from '../../../sim/index';
import { escalationIndex } from '../../../sim/rules/escalation';
import { makeScenario } from '../../fixtures/sim/makeScenario';

describe('glaslStage()', () => {
  it('glaslStage(X) is 1 + min(8, ⌊9X⌋): nine equal bands of X, stage 9 including X = 1', () => {
    expect(glaslStage(0)).toBe(1);
    expect(glaslStage(0.11)).toBe(1);
    expect(glaslStage(0.12)).toBe(2);
    expect(glaslStage(0.5)).toBe(5);
    expect(glaslStage(0.88)).toBe(8);
    expect(glaslStage(0.9)).toBe(9);
    expect(glaslStage(1)).toBe(9);
    for (let k = 0; k < 9; k++) expect(glaslStage((k + 0.5) / 9)).toBe(k + 1);
  });
});

describe('escalationIndex()', () => {
  function stateWith(T: number, H: [number, number], F: [number, number], V: number) {
    const { state } = createSimulation(makeScenario());
    state.dyad[0] = T;
    state.hostility.set(H);
    state.meanFear.set(F);
    state.violence = V;
    return state;
  }
  const st = stateWith(0.8, [0.2, 0.6], [0.1, 0.3], 0.5);

  it('escalationIndex() with equal weights is the mean of T, mean H, mean F and V', () => {
    expect(escalationIndex(st, [1, 1, 1, 1])).toBeCloseTo((0.8 + 0.4 + 0.2 + 0.5) / 4, 12);
    // only relative weights matter
    expect(escalationIndex(st, [3, 3, 3, 3])).toBeCloseTo(escalationIndex(st, [1, 1, 1, 1]), 12);
  });

  it('escalationIndex() with one non-zero weight picks out that component', () => {
    expect(escalationIndex(st, [1, 0, 0, 0])).toBeCloseTo(0.8, 12);
    expect(escalationIndex(st, [0, 1, 0, 0])).toBeCloseTo(0.4, 12);
    expect(escalationIndex(st, [0, 0, 1, 0])).toBeCloseTo(0.2, 12);
    expect(escalationIndex(st, [0, 0, 0, 2])).toBeCloseTo(0.5, 12);
    expect(escalationIndex(st, [1, 0, 0, 1])).toBeCloseTo(0.65, 12);
  });

  it('escalationIndex() is 0, not NaN, for all-zero weights, and stays in [0, 1]', () => {
    expect(escalationIndex(st, [0, 0, 0, 0])).toBe(0);
    expect(escalationIndex(stateWith(1, [1, 1], [1, 1], 1), [1, 2, 3, 4])).toBeCloseTo(1, 12);
  });

  it('run() observes X with the scenario\'s escalation weights and the Glasl stage of it', () => {
    const c = run(makeScenario({ ticks: 12, params: { escalationWeights: [1, 0, 0, 0] } })).columns.data;
    for (let t = 0; t <= 12; t++) {
      expect(c.X[t]).toBeCloseTo(c.T[t], 12);
      expect(c.stage[t]).toBe(glaslStage(c.X[t]));
    }
  });
});
