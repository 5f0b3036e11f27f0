import { describe, expect, it } from 'vitest';
import { columnNames, createSimulation, distributions, run } from '../../../sim/index';
import { makeScenario } from '../../fixtures/sim/makeScenario';

describe('columnNames()', () => {
  it('columnNames() lists the base columns, then H_ and F_ per party, then B_track2…B_track5', () => {
    const names = columnNames(['Government', 'Rebels']);
    expect(names.slice(0, 17)).toEqual([
      'run', 'seed', 'tick', 'X', 'T', 'C', 'U', 'E', 'incidents', 'trackOne', 'settlements', 'collapses', 'B',
      'H_Government', 'F_Government', 'H_Rebels', 'F_Rebels',
    ]);
    expect(names.slice(17, 21)).toEqual(['B_track2', 'B_track3', 'B_track4', 'B_track5']);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('observe()', () => {
  it('run() records each column from the state it observes', () => {
    const s = makeScenario({
      ticks: 6, parties: [{ name: 'North', initialAnger: 0.9 }, { name: 'South', initialAnger: 0.9 }],
      actors: [{ name: 'W', track: 2, prepTicks: 0, consent: false }], params: { incidentRate: 200 },
    });
    const r = run(s);
    const d = r.columns.data;
    const st = r.state;
    const last = 6;
    expect(d.T[last]).toBe(st.dyad[0]);
    expect(d.C[last]).toBe(st.dyad[1]);
    expect(d.U[last]).toBe(st.dyad[2]);
    expect(d.E[last]).toBe(st.dyad[3]);
    expect(d.X[last]).toBe(st.escalation);
    expect(st.incidents[0]).toBeGreaterThan(0);
    expect(st.incidents[1]).toBeGreaterThan(0);
    expect(d.incidents[last]).toBe(st.incidents[0] + st.incidents[1]);
    expect(d.H_North[last]).toBe(st.hostility[0]);
    expect(d.F_South[last]).toBe(st.meanFear[1]);
    expect(d.B[last]).toBe(st.powerBase);
    expect(d.B_track2[last]).toBe(st.powerBaseByTrack[2]);
    expect(d.V[last]).toBe(st.violence);
    expect(d.R[last]).toBe(st.ripeness);
    expect(d.power_North[last]).toBe(st.power[0]);
  });

  it('run({histogramBins}) records anger and fear histograms whose shares sum to 1 per party and quantity', () => {
    const r = run(makeScenario({ ticks: 3 }), { histogramBins: 10 });
    expect(r.histograms!.length).toBe(4 * 4 * 10);
    for (let row = 0; row < 4; row++) {
      for (let block = 0; block < 4; block++) {
        const slice = r.histograms!.subarray((row * 4 + block) * 10, (row * 4 + block + 1) * 10);
        expect(slice.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  it('distributions() puts each agent in the bin of its anger, with anger 1 in the last bin', () => {
    const { state } = createSimulation(makeScenario({ parties: [{ population: 4, initialSpread: 0 }, { population: 2, initialSpread: 0 }], network: { type: 'edges', edges: [] } }));
    state.anger.set([0, 0.26, 0.5, 1, 0.99, 0.01]);
    const h = distributions(state, 4);
    expect(Array.from(h.subarray(0, 4))).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(Array.from(h.subarray(8, 12))).toEqual([0.5, 0, 0, 0.5]);
  });
});
