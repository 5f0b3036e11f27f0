import { describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { createAppState, DEFAULT_RUNS, type AppState, type Topic } from '../../../viz/app/appState';
import { MAX_RUNS, VARIANT_NAME_MAX } from '../../../viz/app/limits';
import type { RunResults } from '../../../viz/app/ensembleJob';
import { decodeShare, encodeShare } from '../../../viz/app/share';

const SOURCE = { id: 'intrastate-conflict', name: base.name };

/** A state with the default scenario loaded, and the topics announced since. */
function loaded(): { state: AppState; heard: Topic[] } {
  const state = createAppState();
  const heard: Topic[] = [];
  for (const t of ['scenario', 'edit', 'tracks', 'runs', 'variants', 'baseline', 'run', 'progress', 'status', 'issues', 'histogramTick'] as const) state.on(t, () => heard.push(t));
  expect(state.loadScenario(base, SOURCE)).toBe(true);
  heard.length = 0;
  return { state, heard };
}

const tracksOf = (s: AppState) => s.working.actors.map((a) => a.track);
const results = (progress: number): RunResults => ({ runs: [], summaries: [], bins: 0, progress, totalRows: 0, events: [] });

describe('createAppState', () => {
  it('loadScenario(json, source) fills defaults, keeps a separate baseline and announces scenario then issues', () => {
    const state = createAppState();
    const heard: Topic[] = [];
    state.on('scenario', () => heard.push('scenario'));
    state.on('issues', () => heard.push('issues'));
    expect(state.loadScenario({ ...base, ticks: undefined }, SOURCE)).toBe(true);
    expect(state.working.ticks).toBe(360);
    expect(state.baseline).toEqual(state.working);
    expect(state.baseline).not.toBe(state.working);
    expect(state.source).toEqual(SOURCE);
    expect(state.valid).toBe(true);
    expect(heard).toEqual(['scenario', 'issues']);
    expect(state.runsWanted).toBe(DEFAULT_RUNS);
  });

  it('loadScenario(json, source) refuses an invalid scenario with an error status naming the source and the field, and keeps the working one', () => {
    const { state, heard } = loaded();
    const before = state.working;
    expect(state.loadScenario({ ...base, ticks: -5 }, { id: '', name: 'mine.json' })).toBe(false);
    expect(state.working).toBe(before);
    expect(state.status.error).toBe(true);
    expect(state.status.text).toMatch(/^mine\.json is not a valid scenario: length of the run: must be 1 or more/);
    expect(heard).toEqual(['status']);
  });

  it('edit(path, value) changes the working scenario only: the baseline and the current run keep theirs', () => {
    const { state, heard } = loaded();
    const before = state.working.parties[1].reactivity;
    expect(before).not.toBe(0.45);
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    state.edit(['parties', 1, 'reactivity'], 0.45);
    expect(state.working.parties[1].reactivity).toBe(0.45);
    expect(state.baseline.parties[1].reactivity).toBe(before);
    expect(run.scenario.parties[1].reactivity).toBe(before);
    expect(heard).toEqual(['run', 'edit']);
  });

  it('edit(path, undefined) removes an optional field', () => {
    const { state } = loaded();
    state.editTrack(2, 'leaveAt', 100);
    expect(state.working.actors.filter((a) => a.track === 2).map((a) => a.leaveAt)).toEqual([100]);
    state.editTrack(2, 'leaveAt', undefined);
    expect(state.working.actors.find((a) => a.track === 2)).not.toHaveProperty('leaveAt');
  });

  it('setTrack(k, false) removes the track\'s actors and setTrack(k, true) brings them back as they were', () => {
    const { state, heard } = loaded();
    state.editTrack(3, 'capacity', 0.7);
    const three = state.working.actors.filter((a) => a.track === 3);
    state.setTrack(3, false);
    expect(tracksOf(state)).not.toContain(3);
    state.setTrack(3, true);
    expect(state.working.actors.filter((a) => a.track === 3)).toEqual(three);
    expect(heard).toEqual(['edit', 'tracks', 'tracks']);
  });

  it('setTrack(k, true) on a track the scenario never had adds one actor with the schema\'s defaults, named after the track', () => {
    const state = createAppState();
    state.loadScenario({ ...base, actors: base.actors.filter((a) => a.track !== 2) }, SOURCE);
    state.setTrack(2, true);
    const added = state.working.actors.filter((a) => a.track === 2);
    expect(added).toHaveLength(1);
    expect(added[0].name).toBe('Track Two actor');
    expect(added[0].entry).toBeDefined();
  });

  it('setRunsWanted(runs) takes whole numbers from 1 to MAX_RUNS; anything else keeps the size and records what is wrong until a valid one', () => {
    const { state, heard } = loaded();
    for (const bad of [0, -1, 2.5, MAX_RUNS + 1, Number.NaN]) {
      expect(state.setRunsWanted(bad)).toBe(false);
      expect(state.runsIssue).toBe(`a whole number from 1 to ${MAX_RUNS}`);
    }
    expect(state.runsWanted).toBe(DEFAULT_RUNS);
    expect(heard).toEqual(['runs', 'runs', 'runs', 'runs', 'runs']);
    expect(state.setRunsWanted(MAX_RUNS)).toBe(true);
    expect(state.runsWanted).toBe(MAX_RUNS);
    expect(state.runsIssue).toBe('');
  });

  it('currentIsStale() tells whether the scenario or the ensemble size changed since the current run began', () => {
    const { state } = loaded();
    expect(state.currentIsStale()).toBe(false);
    state.beginRun({ paused: false, histogramBins: 0 });
    expect(state.currentIsStale()).toBe(false);
    state.edit(['parties', 0, 'reactivity'], 0.31);
    expect(state.currentIsStale()).toBe(true);
    state.edit(['parties', 0, 'reactivity'], base.parties[0].reactivity ?? state.baseline.parties[0].reactivity);
    expect(state.currentIsStale()).toBe(false);
    state.setRunsWanted(DEFAULT_RUNS + 1);
    expect(state.currentIsStale()).toBe(true);
  });

  it('addVariant(name) numbers a name another variant has; the comparison\'s baseline defaults to the first variant, then the last run', () => {
    const { state, heard } = loaded();
    expect(state.comparisonBaseline()).toBe('run');
    const a = state.addVariant('mix');
    const b = state.addVariant('mix');
    const c = state.addVariant('mix');
    expect([a.name, b.name, c.name]).toEqual(['mix', 'mix (2)', 'mix (3)']);
    expect(state.comparisonBaseline()).toBe(a);
    state.setBaseline(b);
    expect(state.comparisonBaseline()).toBe(b);
    state.removeVariant(b);
    expect(state.baselineChoice).toBeUndefined();
    expect(state.comparisonBaseline()).toBe(a);
    state.setBaseline('run');
    expect(state.comparisonBaseline()).toBe('run');
    expect(heard.filter((t) => t === 'baseline')).toHaveLength(2);
  });

  it('addVariant(name) saves a copy of the working scenario, its name cut to VARIANT_NAME_MAX; removeVariant and updateVariant follow the list', () => {
    const { state, heard } = loaded();
    const v = state.addVariant('x'.repeat(VARIANT_NAME_MAX + 5));
    expect(v.name).toHaveLength(VARIANT_NAME_MAX);
    expect(v.status).toBe('queued');
    state.edit(['seed'], 99);
    expect(v.scenario.seed).toBe(base.seed);
    const w = state.addVariant('second');
    state.removeVariant(v);
    expect(state.variants).toEqual([w]);
    expect(state.updateVariant(v, { status: 'done' })).toBe(false);
    expect(state.updateVariant(w, { status: 'running' })).toBe(true);
    expect(w.status).toBe('running');
    expect(heard).toEqual(['variants', 'edit', 'variants', 'variants', 'variants']);
  });

  it('a run began later makes an earlier one\'s updates and ending be ignored', () => {
    const { state } = loaded();
    const first = state.beginRun({ paused: false, histogramBins: 20 });
    expect(state.running).toBe(true);
    expect(state.runState).toBe('running');
    expect(first.results.bins).toBe(20);
    const second = state.beginRun({ paused: true, histogramBins: 20 });
    expect(state.updateRun(first, results(0.5))).toBe(false);
    expect(state.finishRun(first, { status: 'cancelled', results: results(0.5) })).toBe(false);
    expect(state.current).toBe(second);
    expect(state.running).toBe(true);
    expect(state.updateRun(second, results(0.25))).toBe(true);
    expect(second.results.progress).toBe(0.25);
    expect(state.finishRun(second, { status: 'failed', results: results(0.25) })).toBe(true);
    expect(state.running).toBe(false);
    expect(state.runState).toBe('failed');
    expect(second.done).toBe(false);
  });

  it('setPaused(paused) acts on a running run only', () => {
    const { state } = loaded();
    state.setPaused(true);
    expect(state.current).toBeUndefined();
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    state.setPaused(true);
    expect(run.paused).toBe(true);
    state.finishRun(run, { status: 'cancelled', results: results(1) });
    state.setPaused(false);
    expect(run.paused).toBe(true);
  });

  it('clearRun() forgets the current run; one still going counts as cancelled, so nothing is left running', () => {
    const { state } = loaded();
    state.beginRun({ paused: false, histogramBins: 0 });
    state.setHistogramTick(5);
    state.clearRun();
    expect(state.current).toBeUndefined();
    expect(state.running).toBe(false);
    expect(state.runState).toBe('cancelled');
    expect(state.histogramTick).toBeUndefined();
  });

  it('setValidation(result) records the verdict and announces issues', () => {
    const { state, heard } = loaded();
    state.setValidation({ ok: false, issues: [{ path: 'ticks', message: 'too small' }] });
    expect(state.valid).toBe(false);
    expect(state.issues).toEqual([{ path: 'ticks', message: 'too small' }]);
    state.loadScenario(base, SOURCE);
    expect(state.valid).toBe(true);
    expect(state.issues).toEqual([]);
    expect(heard).toEqual(['issues', 'scenario', 'issues']);
  });

  it('on(topic, listener) returns a function that stops the listener', () => {
    const state = createAppState();
    let n = 0;
    const off = state.on('status', () => n++);
    state.setStatus('a');
    off();
    state.setStatus('b');
    expect(n).toBe(1);
  });
});

describe('share state', () => {
  it('openShared(decodeShare(encodeShare(shareState()))) reproduces the scenario as edited, the ensemble size, the variants, the baseline and the exploration', async () => {
    const { state: a } = loaded();
    a.edit(['parties', 0, 'reactivity'], 0.3);
    a.setTrack(4, false);
    a.addVariant('without Track Four');
    a.setTrack(4, true);
    a.addVariant('all five');
    a.setRunsWanted(3);
    a.setBaseline(a.variants[1]);
    const explore = { mode: 'two' as const, factors: [{ path: 'params.synergy', min: 0, max: 1 }, { path: 'actors.1.entry' }], levels: 4, replicates: 12, trajectories: 10 };
    a.setExploreLink(explore);
    const b = createAppState();
    const shared = await decodeShare((await encodeShare(a.shareState())).hash);
    expect(shared).toBeDefined();
    expect(b.openShared(shared!, { libraryId: (name) => (name === base.name ? 'intrastate-conflict' : '') })).toBe(true);
    expect(b.working).toEqual(a.working);
    expect(b.baseline).toEqual(a.working);
    expect(b.runsWanted).toBe(3);
    expect(b.variants.map((v) => [v.name, v.scenario, v.status])).toEqual(a.variants.map((v) => [v.name, v.scenario, 'queued']));
    expect(b.baselineChoice).toBe(b.variants[1]);
    expect(b.exploreLink).toEqual(explore);
    expect(b.source).toEqual({ id: 'intrastate-conflict', name: 'the shared link' });
    expect(b.status.error).toBe(false);
  });

  it('openShared(shared) skips an invalid variant with an error status naming it, and refuses an invalid scenario outright', () => {
    const { state } = loaded();
    expect(state.openShared({ v: 2, scenario: base, runs: 2, variants: [{ name: 'broken', scenario: { format: 2 } }, { name: 'fine', scenario: base }] }, { libraryId: () => '' })).toBe(true);
    expect(state.variants.map((v) => v.name)).toEqual(['fine']);
    expect(state.status.error).toBe(true);
    expect(state.status.text).toMatch(/^Variant "broken" in the link is invalid and was skipped: /);
    const other = createAppState();
    expect(other.openShared({ v: 2, scenario: { ...base, ticks: 0 }, runs: 7, variants: [{ name: 'fine', scenario: base }] }, { libraryId: () => '' })).toBe(false);
    expect(other.status.text).toMatch(/^the shared link is not a valid scenario: length of the run: must be 1 or more/);
    expect(other.variants).toEqual([]);
    expect(other.runsWanted).toBe(DEFAULT_RUNS);
  });
});
