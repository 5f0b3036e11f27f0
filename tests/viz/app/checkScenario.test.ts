// the model first, before the page's modules (see helpers/poolInWorker): otherwise the worker never answers
import '../../../sim/index';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { createAppState } from '../../../viz/app/appState';
import { checkOnEdit, checkScenario } from '../../../viz/app/checkScenario';
import { small } from './helpers/finishedRun';
import { poolInWorker } from './helpers/poolInWorker';
import type { WorkerPool } from '../../../viz/app/workerPool';

const pool = await poolInWorker();
afterAll(() => pool.dispose());

describe('checkScenario', () => {
  it('checkScenario({state, pool}) records the worker\'s issues, which name the field', async () => {
    const state = createAppState();
    state.loadScenario(small(base), { id: '', name: 'small' });
    expect(await checkScenario({ state, pool })).toBe(true);
    state.edit(['kernel', 'formula'], 'exp(-nonsense * d)');
    expect(await checkScenario({ state, pool })).toBe(false);
    expect(state.valid).toBe(false);
    expect(state.issues.map((i) => i.path)).toContain('kernel.formula');
  });

  it('the latest check decides, whatever order the workers answer in: a late answer to an earlier edit neither marks the fields nor speaks', async () => {
    await fc.assert(fc.asyncProperty(fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }), fc.func(fc.nat()), async (valid, pick) => {
      // a pool whose answers wait until the test releases them, in any order; it copies the scenario as posting it to a worker does
      const waiting: Array<() => void> = [];
      const slow = { validate: (s: { ticks: number }) => new Promise((resolve) => waiting.push(((ticks) => () => resolve(ticks > 0 ? { ok: true, issues: [] } : { ok: false, issues: [{ path: 'ticks', message: 'too small' }] }))(structuredClone(s.ticks)))) } as unknown as WorkerPool;
      const state = createAppState();
      state.loadScenario(small(base), { id: '', name: 'small' });
      checkOnEdit({ state, pool: slow });
      for (const ok of valid) state.edit(['ticks'], ok ? 30 : -5);
      state.setStatus('');
      const order = [...waiting.keys()];
      for (let k = 0; k < order.length; k++) {
        const j = k + (pick(k) % (order.length - k));
        [order[k], order[j]] = [order[j], order[k]];
      }
      for (const k of order) {
        waiting[k]();
        await new Promise((r) => setTimeout(r, 0));
      }
      const last = valid[valid.length - 1];
      expect(state.valid).toBe(last);
      expect(state.status.text).toBe(last ? 'Changed: press Run to see the result.' : 'Fix the fields marked in red to run.');
    }), { numRuns: 60 });
  });

  it('checkOnEdit(options) checks after every edit and track switch and says what to do next', async () => {
    const state = createAppState();
    state.loadScenario(small(base), { id: '', name: 'small' });
    checkOnEdit({ state, pool });
    state.edit(['ticks'], -5);
    await expect.poll(() => state.status).toEqual({ text: 'Fix the fields marked in red to run.', error: true });
    expect(state.issues.map((i) => i.path)).toContain('ticks');
    state.edit(['ticks'], 30);
    await expect.poll(() => state.status).toEqual({ text: 'Changed: press Run to see the result.', error: false });
    state.setStatus('');
    state.setTrack(2, false);
    await expect.poll(() => state.status.text).toBe('Changed: press Run to see the result.');
  });
});
