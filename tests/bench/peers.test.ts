import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sim/index';
import { kernelTerms, scenarioOf } from '../../bench/model';
import { measurePeers, PEERS } from '../../bench/peers/measurePeers';

describe('bench/peers', () => {
  it('measurePeers: AgentScript\'s and flocc\'s contagion steps give Détente\'s kernel values to within float rounding', async () => {
    const sc = scenarioOf(1000);
    const { state } = createSimulation(sc, { seed: 2 });
    const input = { rowPtr: state.rowPtr, col: state.col, weight: state.weight, x: state.anger.slice() };
    const results = await measurePeers(input, { ...kernelTerms(sc), ticks: 2, reps: 1, check: 8 });
    expect(results.map((r) => r.name)).toEqual(Object.keys(PEERS));
    for (const r of results) {
      expect(r.agents).toBe(1000);
      expect(r.maxDiff, r.name).toBeLessThan(1e-6);
      expect(r.rate.median, r.name).toBeGreaterThan(0);
    }
  }, 30_000);
});
