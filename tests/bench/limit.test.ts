import { afterAll, describe, expect, it } from 'vitest';
import { createSimulation, step } from '../../sim/index';
import { compileLimit, gccVersion, measureLimit } from '../../bench/limit/limit';
import { scenarioOf, type Warm } from '../../bench/model';

/** A warm state of 2,000 agents in which every term of the pass is at work. */
function warmWithEveryTerm(): Warm {
  const scenario = scenarioOf(2000);
  const sim = createSimulation(scenario, { seed: 3 });
  for (let t = 0; t < 48; t++) step(sim.state, sim.ctx);
  const { state } = sim;
  const effects = structuredClone(sim.ctx.scratch.fx);
  effects.reliefAnger.set([0.01, 0.05, 0.02, 0.03, 0.04, 0.06]);
  effects.reliefFear.set([0.02, 0.01, 0, 0.05, 0.03, 0.01]);
  effects.backlash.set([0.02, 0.03]);
  effects.cohortDepth.set([0.1, 0.2]);
  state.incidents.set([3, 2]);
  state.media.set([0.3, -0.2]);
  for (let i = 0; i < 2000; i += 7) state.participant[i] = 2;
  for (let i = 0; i < 1000; i += 11) {
    state.contact[i] = 1000 + i;
    state.contact[1000 + i] = i;
  }
  return { scenario, state, effects };
}

const gcc = gccVersion();
const program = gcc ? compileLimit() : undefined;
afterAll(() => program?.dispose());

describe.skipIf(!gcc)('bench/limit (needs gcc)', () => {
  it('measureLimit: the C pass gives the JavaScript pass\'s anger, fear, perceived hostility, participation and hostility bit for bit', () => {
    const r = measureLimit(program!, warmWithEveryTerm(), { ticks: 3, reps: 1, check: 6 });
    expect(r.agreement).toEqual({ steps: 6, identical: true, maxDiff: 0 });
    expect(r.agents).toBe(2000);
    expect(r.c.median).toBeGreaterThan(0);
    expect(r.js.median).toBeGreaterThan(0);
  });

  it('measureLimit notices a pass that rounds differently: its arithmetic in single precision (-DREAL=float), C no longer matches', () => {
    const loose = compileLimit(['-O3', '-DREAL=float'])!;
    try {
      const r = measureLimit(loose, warmWithEveryTerm(), { ticks: 1, reps: 1, check: 6 });
      expect(r.agreement.identical).toBe(false);
      expect(r.agreement.maxDiff).toBeGreaterThan(0);
      expect(r.agreement.maxDiff).toBeLessThan(1e-3);
    } finally {
      loose.dispose();
    }
  });
});
