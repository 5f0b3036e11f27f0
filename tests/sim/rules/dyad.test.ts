import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../sim/index';
import { updateDyad } from '../../../sim/rules/dyad';
import { createEffects } from '../../../sim/rules/effects';
import { makeScenario } from '../../fixtures/sim/makeScenario';

const P = { tensionFromViolence: 0.8, tensionFromHostility: 0.3, tensionRelief: 1.5, tensionDecay: 0.2, relationDecay: 0.1 };

describe('updateDyad()', () => {
  it('updateDyad() moves T by dt·[(τ_v·V + τ_h·mean H)·(1 − T) − τ_d·T·(C + U)/2 − τ_0·T], reading the hostility before the step', () => {
    const sim = createSimulation(makeScenario({ ticksPerYear: 12, params: P }));
    const st = sim.state;
    st.dyad.set([0.5, 0.2, 0.4, 0.3]);
    st.violence = 0.25;
    st.hostility.set([0.9, 0.9]); // what the step just computed: must not be used
    updateDyad(st, sim.ctx, createEffects(), [0.6, 0.2]);
    const dt = 1 / 12;
    expect(st.dyad[0]).toBeCloseTo(0.5 + dt * ((0.8 * 0.25 + 0.3 * 0.4) * (1 - 0.5) - 1.5 * 0.5 * 0.3 - 0.2 * 0.5), 12);
  });

  it('updateDyad() adds the tracks\' increments to C, U, E and decays them at relationDecay', () => {
    const sim = createSimulation(makeScenario({ ticksPerYear: 12, params: P }));
    const st = sim.state;
    st.dyad.set([0.5, 0.2, 0.4, 0.3]);
    const fx = createEffects();
    fx.dC = 0.01;
    fx.dU = 0.02;
    fx.dE = -0.5; // a drop larger than E clamps at 0
    updateDyad(st, sim.ctx, fx, [0, 0]);
    expect(st.dyad[1]).toBeCloseTo(0.2 + 0.01 - 0.1 * 0.2 / 12, 12);
    expect(st.dyad[2]).toBeCloseTo(0.4 + 0.02 - 0.1 * 0.4 / 12, 12);
    expect(st.dyad[3]).toBe(0);
  });

  it('updateDyad() keeps T in [0, 1] under extreme rates', () => {
    const sim = createSimulation(makeScenario({ params: { ...P, tensionFromViolence: 1000 } }));
    sim.state.dyad[0] = 0.9;
    sim.state.violence = 1;
    updateDyad(sim.state, sim.ctx, createEffects(), [1, 1]);
    expect(sim.state.dyad[0]).toBe(1);
  });

  it('updateDyad() never pins T at its ceiling: from T < 1 it stays below 1 for any pushes with dt·(τ_v + τ_h) < 1', () => {
    fc.assert(fc.property(
      fc.double({ min: 0, max: 0.999, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }),
      (T, V, H, tv, th, t0) => {
        const sim = createSimulation(makeScenario({ ticksPerYear: 12, params: { ...P, tensionFromViolence: tv, tensionFromHostility: th, tensionDecay: t0 } }));
        sim.state.dyad.set([T, 0, 0, 0]);
        sim.state.violence = V;
        updateDyad(sim.state, sim.ctx, createEffects(), [H, H]);
        expect(sim.state.dyad[0]).toBeLessThan(1);
        expect(sim.state.dyad[0]).toBeGreaterThanOrEqual(0);
      },
    ));
  });

  it('updateDyad() settles T at a/(a + τ_0 + τ_d·(C + U)/2), a = τ_v·V + τ_h·mean H, inside (0, 1)', () => {
    const sim = createSimulation(makeScenario({ ticksPerYear: 12, params: P }));
    const st = sim.state;
    st.dyad.set([0.1, 0.1, 0.1, 0]);
    for (let t = 0; t < 12 * 40; t++) {
      st.violence = 0.5;
      st.dyad[1] = 0.1;
      st.dyad[2] = 0.1;
      updateDyad(st, sim.ctx, createEffects(), [0.5, 0.5]);
    }
    const a = 0.8 * 0.5 + 0.3 * 0.5;
    expect(st.dyad[0]).toBeCloseTo(a / (a + 0.2 + 1.5 * 0.1), 6);
  });
});
