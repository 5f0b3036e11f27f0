import { describe, expect, it } from 'vitest';
import { createSimulation, run } from '../../../sim/index';
import { saveStreams } from '../../../sim/streams';
import { applyEvents, scheduleAfterSettlement } from '../../../sim/rules/events';
import { makeScenario } from '../../fixtures/sim/makeScenario';

describe('applyEvents()', () => {
  it('applyEvents() applies a timed power shift at the start of its tick\'s step, so it first shows at tick + 1', () => {
    const s = makeScenario({ ticks: 10, mode: 'meanfield', parties: [{ power: 2 }, {}], events: [{ tick: 4, type: 'powerShift', party: 'B', factor: 3 }] });
    const c = run(s).columns.data;
    expect(Array.from(c.power_B.subarray(0, 5))).toEqual([1, 1, 1, 1, 1]);
    expect(Array.from(c.power_B.subarray(5))).toEqual([3, 3, 3, 3, 3, 3]);
    expect(Array.from(c.power_A)).toEqual(new Array(11).fill(2));
  });

  it('applyEvents() fires a settlement-triggered event `delay` ticks after the signing, once unless repeat', () => {
    const s = makeScenario({
      events: [
        { after: 'settlement', delay: 3, type: 'powerShift', party: 'A', factor: 2 },
        { after: 'settlement', delay: 0, repeat: true, type: 'powerShift', party: 'B', factor: 0.5 },
      ],
    });
    const sim = createSimulation(s);
    const st = sim.state;
    scheduleAfterSettlement(st, sim.ctx, 5);
    scheduleAfterSettlement(st, sim.ctx, 7); // a second settlement: only the repeating event is queued again
    expect(st.pending).toEqual([[0, 8], [1, 5], [1, 7]]);
    const powers: number[][] = [];
    for (let t = 0; t < 10; t++) {
      st.tick = t;
      applyEvents(st, sim.ctx);
      powers.push(Array.from(st.power));
    }
    expect(powers[4]).toEqual([1, 1]);
    expect(powers[5]).toEqual([1, 0.5]);
    expect(powers[7]).toEqual([1, 0.25]);
    expect(powers[8]).toEqual([2, 0.25]);
    expect(powers[9]).toEqual([2, 0.25]);
    expect(st.pending).toEqual([]);
  });

  it('applyEvents() drifts log power as a random walk with σ·√dt steps, so its spread after a year is σ whatever dt', () => {
    const spreadAfterOneYear = (ticksPerYear: number) => {
      const s = makeScenario({ mode: 'meanfield', ticksPerYear, parties: [{ powerDrift: 0.4 }, {}] });
      const logs: number[] = [];
      for (let seed = 0; seed < 400; seed++) {
        const sim = createSimulation(s, { seed });
        for (let t = 0; t < ticksPerYear; t++) applyEvents(sim.state, sim.ctx);
        logs.push(Math.log(sim.state.power[0]));
        expect(sim.state.power[1]).toBe(1); // no drift without powerDrift
      }
      const m = logs.reduce((a, b) => a + b, 0) / logs.length;
      return Math.sqrt(logs.reduce((a, b) => a + (b - m) ** 2, 0) / (logs.length - 1));
    };
    // SD of a sample SD of 400 normals is about σ/√800 ≈ 0.014
    expect(spreadAfterOneYear(12)).toBeCloseTo(0.4, 1);
    expect(spreadAfterOneYear(48)).toBeCloseTo(0.4, 1);
  });

  it('applyEvents() draws from the drift stream even without drift, so adding drift to one party leaves the other\'s draws alone', () => {
    const walk = (drift0: number) => {
      const s = makeScenario({ mode: 'meanfield', parties: [{ powerDrift: drift0 }, { powerDrift: 0.3 }] });
      const sim = createSimulation(s, { seed: 3 });
      const out: number[] = [];
      for (let t = 0; t < 20; t++) {
        applyEvents(sim.state, sim.ctx);
        out.push(sim.state.power[1]);
      }
      return out;
    };
    expect(walk(0.5)).toEqual(walk(0));
  });
});

describe('applyEvents() with a shock', () => {
  it('applyEvents() moves tension and the anger and fear of every agent of the party hit size of the way to 1, and nothing of the other party', () => {
    const s = makeScenario({ ticks: 10, events: [{ tick: 3, type: 'shock', party: 'B', size: 0.5 }] });
    const sim = createSimulation(s);
    const st = sim.state;
    st.tick = 3;
    const before = { T: st.dyad[0], anger: Float32Array.from(st.anger), fear: Float32Array.from(st.fear) };
    applyEvents(st, sim.ctx);
    expect(st.dyad[0]).toBeCloseTo(before.T + 0.5 * (1 - before.T), 12);
    const [a0, b0, end] = st.partyStart;
    for (let i = a0; i < b0; i++) expect(st.anger[i]).toBe(before.anger[i]);
    for (let i = b0; i < end; i++) {
      expect(st.anger[i]).toBeCloseTo(before.anger[i] + 0.5 * (1 - before.anger[i]), 6);
      expect(st.fear[i]).toBeCloseTo(before.fear[i] + 0.5 * (1 - before.fear[i]), 6);
    }
  });

  it('a shock draws no random numbers: every stream is where it would be without it, and the run is the same up to the shock', () => {
    const base = makeScenario({ ticks: 30 });
    const shocked = makeScenario({ ticks: 30, events: [{ tick: 12, type: 'shock', size: 0.6 }] });
    const a = createSimulation(base);
    const b = createSimulation(shocked);
    for (const sim of [a, b]) {
      sim.state.tick = 12;
      applyEvents(sim.state, sim.ctx);
    }
    expect(saveStreams(b.ctx.streams)).toEqual(saveStreams(a.ctx.streams));
    const x = run(base).columns.data.X;
    const y = run(shocked).columns.data.X;
    expect(Array.from(y.subarray(0, 13))).toEqual(Array.from(x.subarray(0, 13)));
    expect(y[13]).toBeGreaterThan(x[13]);
  });

  it('a shock in mean-field mode moves the representative agents of both parties when no party is named', () => {
    const s = makeScenario({ ticks: 5, mode: 'meanfield', events: [{ tick: 0, type: 'shock', size: 1 }] });
    const sim = createSimulation(s);
    applyEvents(sim.state, sim.ctx);
    expect(Array.from(sim.state.mfAnger)).toEqual([1, 1]);
    expect(Array.from(sim.state.mfFear)).toEqual([1, 1]);
    expect(sim.state.dyad[0]).toBe(1);
  });
});
