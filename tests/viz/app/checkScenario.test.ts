import { afterAll, describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { createAppState } from '../../../viz/app/appState';
import { checkOnEdit, checkScenario } from '../../../viz/app/checkScenario';
import { small } from './helpers/finishedRun';
import { poolInWorker } from './helpers/poolInWorker';

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
