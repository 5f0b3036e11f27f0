import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../sim/index';
import { computeHostility } from '../../../sim/rules/hostility';
import { ROLE_BUSINESS, ROLE_ELITE, ROLE_GENERAL } from '../../../sim/state';
import { makeScenario } from '../../fixtures/sim/makeScenario';

describe('computeHostility()', () => {
  it('computeHostility() weighs the elites\' mean anger by eliteWeight: H = w·mean_elite + (1 − w)·mean_all', () => {
    const sim = createSimulation(makeScenario({
      parties: [{ population: 4, eliteShare: 0.25, businessShare: 0.25 }, { population: 2, eliteShare: 0, businessShare: 0 }],
      network: { type: 'edges', edges: [] },
      params: { eliteWeight: 0.3 },
    }));
    const st = sim.state;
    const anger = [0.9, 0.1, 0.2, 0.4, 0.6, 0.8];
    st.anger.set(anger);
    st.fear.set([0.5, 0.5, 0.5, 0.5, 0.1, 0.3]);
    computeHostility(st, sim.ctx);
    const elite = [0, 1, 2, 3].find((i) => st.role[i] === ROLE_ELITE)!;
    expect([0, 1, 2, 3].filter((i) => st.role[i] === ROLE_ELITE)).toHaveLength(1);
    expect([0, 1, 2, 3].filter((i) => st.role[i] === ROLE_BUSINESS)).toHaveLength(1);
    const meanAll = (0.9 + 0.1 + 0.2 + 0.4) / 4;
    expect(st.meanAnger[0]).toBeCloseTo(meanAll, 6);
    expect(st.hostility[0]).toBeCloseTo(0.3 * anger[elite] + 0.7 * meanAll, 6);
    // a party with no elites uses mean_all for both terms
    expect(st.roleCount[1 * 3 + ROLE_ELITE]).toBe(0);
    expect(st.hostility[1]).toBeCloseTo(0.7, 6);
    expect(st.meanFear[1]).toBeCloseTo(0.2, 6);
    expect(st.roleCount[1 * 3 + ROLE_GENERAL]).toBe(2);
  });

  it('computeHostility() in mean-field mode is the representative agent\'s anger, whatever eliteWeight says', () => {
    const sim = createSimulation(makeScenario({ mode: 'meanfield', params: { eliteWeight: 0.9 } }));
    sim.state.mfAnger.set([0.25, 0.75]);
    computeHostility(sim.state, sim.ctx);
    expect(Array.from(sim.state.hostility)).toEqual([0.25, 0.75]);
  });
});
