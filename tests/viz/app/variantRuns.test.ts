import { afterAll, describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { createAppState } from '../../../viz/app/appState';
import { variantRuns } from '../../../viz/app/variantRuns';
import { small as smallScenario } from './helpers/finishedRun';
import { poolInWorker } from './helpers/poolInWorker';

const small = smallScenario(base, 24);
// One worker for the file: a second one would not start under the shim once the pool's modules are loaded.
const pool = await poolInWorker();
afterAll(() => pool.dispose());

describe('variantRuns', () => {
  it('drain() runs each queued variant once, in order, on the pool, as ensembles of runsWanted', async () => {
    const state = createAppState();
    state.loadScenario(small, { id: '', name: 'small' });
    state.setRunsWanted(2);
    const queue = variantRuns({ state, pool });
    const a = state.addVariant('all five');
    state.setTrack(2, false);
    const b = state.addVariant('without Track Two');
    const first = queue.drain();
    // a second drain while one is under way leaves the work to it
    await queue.drain();
    expect(a.status).toBe('running');
    await first;
    expect([a.status, b.status]).toEqual(['done', 'done']);
    expect(a.stats?.runs).toBe(2);
    expect(a.band?.median).toHaveLength(25);
    // each replicate's summary and columns are kept, for the paired comparison and its export
    expect(a.summaries?.map((s) => s.run)).toEqual([0, 1]);
    expect(a.columns?.map((c) => c.rows)).toEqual([25, 25]);
    expect(a.summaries?.map((s) => s.seed)).toEqual(b.summaries?.map((s) => s.seed));
    // the same seeds with a different track mix: the variants differ
    expect(Array.from(a.band!.median)).not.toEqual(Array.from(b.band!.median));
  });

  it('drain() does not run a variant too large for the page: it fails with the reason', async () => {
    const state = createAppState();
    state.loadScenario({ ...small, parties: small.parties.map((p) => ({ ...p, population: 90_000_000 })) }, { id: '', name: 'huge' });
    const v = state.addVariant('huge');
    await variantRuns({ state, pool }).drain();
    expect(v.status).toBe('failed');
    expect(state.status.text).toMatch(/^Variant "huge" did not run: This would need about .* GiB of memory in the browser/);
  });

  it('drain() marks a variant the worker refuses as failed and says why', async () => {
    const state = createAppState();
    state.loadScenario({ ...small, parties: small.parties.map((p) => ({ ...p, name: 'Same' })) }, { id: '', name: 'dup' });
    const v = state.addVariant('duplicate names');
    await variantRuns({ state, pool }).drain();
    expect(v.status).toBe('failed');
    expect(state.status.error).toBe(true);
    expect(state.status.text).toMatch(/^Variant "duplicate names" did not run: the name of party 2: must differ from "the name of party 1"/);
  });
});
