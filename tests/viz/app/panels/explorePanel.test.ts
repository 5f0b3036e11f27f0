// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { validateExperiment, type ExperimentInput } from '../../../../sim/experiments/experiment';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { emptyData } from '../../../../viz/app/explore/exploreData';
import type { ExploreRunner } from '../../../../viz/app/explore/exploreRunner';
import type { ExploreSettings } from '../../../../viz/app/explore/exploreSettings';
import { createExploreState, type ExploreState } from '../../../../viz/app/explore/exploreState';
import { explorePanel } from '../../../../viz/app/panels/explorePanel';
import type { ManifestHead } from '../../../../sim/experiments/sweepManifest';
import { small } from '../helpers/finishedRun';
import { pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
let explore: ExploreState;
let calls: Array<{ what: string; input?: ExperimentInput; settings?: ExploreSettings }>;
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const byTest = <T extends HTMLElement = HTMLElement>(id: string) => document.querySelector(`[data-testid="${id}"]`) as T;
const change = (e: HTMLElement, value: string) => {
  (e as HTMLInputElement).value = value;
  e.dispatchEvent(new Event('change'));
};

beforeEach(() => {
  pageMarkup();
  state = createAppState();
  explore = createExploreState();
  calls = [];
  const runner: ExploreRunner = {
    run: async (input, settings) => void calls.push({ what: 'run', input, settings }),
    pause: () => void calls.push({ what: 'pause' }),
    resume: () => void calls.push({ what: 'resume' }),
    cancel: () => void calls.push({ what: 'cancel' }),
    files: async () => [],
    open: async () => void calls.push({ what: 'open' }),
    analyze: async () => void calls.push({ what: 'analyze' }),
  };
  explorePanel({ state, explore, runner });
  state.loadScenario(small(base), { id: 'intrastate-conflict', name: base.name });
});

describe('explorePanel', () => {
  it('explorePanel(options) starts on one factor with its default range, and a mode sets as many factors as it varies', () => {
    expect(byTest<HTMLSelectElement>('explore-mode').value).toBe('one');
    expect(byTest<HTMLSelectElement>('explore-factor-0').value).toBe('params.synergy');
    expect([byTest<HTMLInputElement>('explore-min-0').value, byTest<HTMLInputElement>('explore-max-0').value]).toEqual(['0.25', '0.75']);
    change(byTest('explore-mode'), 'two');
    expect(document.querySelectorAll('.explore-factor')).toHaveLength(2);
    expect($('explore-trajectories').closest('label')!.hidden).toBe(true);
    change(byTest('explore-mode'), 'morris');
    expect(document.querySelectorAll('.explore-factor')).toHaveLength(4);
    expect($('explore-levels').closest('label')!.hidden).toBe(true);
    expect($('explore-add-factor').hidden).toBe(false);
    $('explore-add-factor').click();
    expect(document.querySelectorAll('.explore-factor')).toHaveLength(5);
    (document.querySelector('[aria-label="Remove factor 1"]') as HTMLButtonElement).click();
    expect(explore.settings!.factors.map((f) => f.path)).not.toContain('params.synergy');
  });

  it('a factor chosen from the list takes its own range; a choice field shows its options and has no range', () => {
    change(byTest('explore-factor-0'), 'actors.1.entry');
    expect(byTest('explore-min-0')).toBeNull();
    expect(document.querySelector('.explore-factor')!.textContent).toMatch(/each of .*lull/);
    change(byTest('explore-factor-0'), 'parties.1.population');
    expect(explore.settings!.factors[0]).toEqual({ path: 'parties.1.population', min: 20, max: 60 });
  });

  it('Run stays disabled, with the problems listed, while the settings or the scenario are invalid', () => {
    const run = byTest<HTMLButtonElement>('explore-run');
    expect(run.disabled).toBe(false);
    change(byTest('explore-max-0'), '0.1');
    expect(run.disabled).toBe(true);
    expect($('explore-issues').textContent).toMatch(/highest value must be above the lowest/);
    change(byTest('explore-max-0'), '0.9');
    change(byTest('explore-replicates'), '0');
    expect(run.disabled).toBe(true);
    change(byTest('explore-replicates'), '3');
    expect(run.disabled).toBe(false);
    state.setValidation({ ok: false, issues: [{ path: 'ticks', message: 'must be 1 or more' }] });
    expect(run.disabled).toBe(true);
  });

  it('Run starts the experiment of the settings on the scenario as edited, and keeps them for the share link', () => {
    change(byTest('explore-levels'), '3');
    byTest('explore-run').click();
    expect(calls.map((c) => c.what)).toEqual(['run']);
    const v = validateExperiment(JSON.parse(JSON.stringify(calls[0].input)), { forSweep: true });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.experiment.factors.map((f) => [f.path, f.min, f.max])).toEqual([['params.synergy', 0.25, 0.75]]);
    expect(state.exploreLink).toEqual(calls[0].settings);
  });

  it('Pause, Resume and Cancel act on an exploration under way; exports wait for it to end, Parquet for it to be complete', () => {
    const head = { design: { factors: ['params.synergy'], points: [{ point: 0, values: [0] }] }, replicates: 1, experiment: { metrics: ['peakX'], design: { type: 'grid', levels: 2 }, scenario: small(base) } } as unknown as ManifestHead;
    const x = { source: 'page' as const, data: emptyData(head), records: { runs: new Map(), failures: new Map() }, status: 'running' as const };
    explore.show(x);
    const pause = byTest<HTMLButtonElement>('explore-pause');
    expect(pause.disabled).toBe(false);
    expect(byTest<HTMLButtonElement>('explore-export-runs.csv').disabled).toBe(true);
    pause.click();
    explore.setExplorationStatus(x, 'paused');
    expect(pause.textContent).toBe('Resume');
    pause.click();
    byTest('explore-cancel').click();
    expect(calls.map((c) => c.what)).toEqual(['pause', 'resume', 'cancel']);
    explore.setExplorationStatus(x, 'cancelled');
    expect(byTest<HTMLButtonElement>('explore-export-runs.csv').disabled).toBe(false);
    expect(byTest<HTMLButtonElement>('explore-export-runs.parquet').disabled).toBe(true);
    // no series in this experiment
    expect(byTest<HTMLButtonElement>('explore-export-series.csv').disabled).toBe(true);
    explore.setExplorationStatus(x, 'done');
    expect(byTest<HTMLButtonElement>('explore-export-runs.parquet').disabled).toBe(false);
    expect(document.body.dataset.exploreState).toBe('done');
  });
});
