import { afterAll, describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { toCSV } from '../../../sim/csv';
import { parseScenario, run } from '../../../sim/index';
import { createAppState } from '../../../viz/app/appState';
import { HIST_BINS } from '../../../viz/app/limits';
import { startEnsemble } from '../../../viz/app/ensembleJob';
import { currentRunner } from '../../../viz/app/runCurrent';
import { small as smallScenario } from './helpers/finishedRun';
import { poolInWorker } from './helpers/poolInWorker';

const small = smallScenario(base, 30);
const pool = await poolInWorker();
afterAll(() => pool.dispose());

describe('currentRunner', () => {
  it('currentRunner({state, pool}).run() runs the working scenario\'s ensemble into the state, the same rows as run()', async () => {
    const state = createAppState();
    state.loadScenario(small, { id: '', name: 'small' });
    state.setRunsWanted(2);
    let progressed = 0;
    state.on('progress', () => progressed++);
    await currentRunner({ state, pool }).run();
    const c = state.current!;
    expect(state.runState).toBe('done');
    expect(state.running).toBe(false);
    expect(c.done).toBe(true);
    expect(c.stats?.runs).toBe(2);
    expect(c.band?.median).toHaveLength(31);
    expect(c.results.bins).toBe(HIST_BINS);
    expect(progressed).toBeGreaterThan(0);
    const scenario = parseScenario(small);
    expect(toCSV(c.results.runs)).toBe(toCSV([0, 1].map((r) => run(scenario, { run: r }).columns)));
    expect(state.status.text).toMatch(/^Done: 2 runs in /);
  });

  it('run() shows the link\'s problem beside the first finished run\'s status, once', async () => {
    const state = createAppState();
    state.loadScenario(small, { id: '', name: 'small' });
    state.setRunsWanted(1);
    state.setLinkNotice('The shared link could not be read.');
    await currentRunner({ state, pool }).run();
    expect(state.status).toEqual({ text: expect.stringMatching(/^The shared link could not be read\. Done: 1 run in /), error: true });
    await currentRunner({ state, pool }).run();
    expect(state.status).toEqual({ text: expect.stringMatching(/^Done: 1 run in /), error: false });
  });

  it('run() does not start while something stops a run: it says why in the status line', async () => {
    const state = createAppState();
    state.loadScenario(small, { id: '', name: 'small' });
    state.setRunsWanted(0);
    await currentRunner({ state, pool }).run();
    expect(state.current).toBeUndefined();
    expect(state.status).toEqual({ text: 'Fix the ensemble size to run: a whole number from 1 to 1000.', error: true });
    state.setRunsWanted(2);
    state.edit(['parties', 1, 'population'], 90_000_000);
    state.setLinkNotice('Variant "x" in the link is invalid and was skipped.');
    await currentRunner({ state, pool }).run();
    expect(state.current).toBeUndefined();
    expect(state.status.text).toMatch(/^Variant "x" in the link is invalid and was skipped\. This would need about .* GiB .* npx detente run \S+\.json --runs 2 --summary$/);
  });

  it('startEnsemble(pool, request) ends with a failed outcome naming an internal error when the worker throws, instead of never ending', async () => {
    // a request the worker cannot handle (an event count that is no number) makes its start throw
    const { outcome } = await startEnsemble(pool, { scenario: small, runs: 1, eventRuns: 1n as unknown as number, partyNames: small.parties.map((p) => p.name) }, () => undefined).done;
    expect(outcome).toEqual({ status: 'failed', message: expect.stringMatching(/^internal error in the simulation \(a bug in Détente; please report it with the scenario\): /) });
  });

  it('run() on a scenario the worker refuses ends invalid and records the issues', async () => {
    const state = createAppState();
    // Valid to the schema (checked on the main thread), but two parties of one name are not.
    state.loadScenario({ ...small, parties: small.parties.map((p) => ({ ...p, name: 'Same' })) }, { id: '', name: 'dup' });
    await currentRunner({ state, pool }).run();
    expect(state.runState).toBe('invalid');
    expect(state.status.error).toBe(true);
    await expect.poll(() => state.issues.length).toBeGreaterThan(0);
    expect(state.valid).toBe(false);
  });
});
