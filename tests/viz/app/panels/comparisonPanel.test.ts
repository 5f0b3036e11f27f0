// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { VARIANT_NAME_MAX } from '../../../../viz/app/limits';
import { comparisonPanel } from '../../../../viz/app/panels/comparisonPanel';
import { variantRuns } from '../../../../viz/app/variantRuns';
import type { WorkerPool } from '../../../../viz/app/workerPool';
import { finishedRun, small } from '../helpers/finishedRun';
import { noWorker, pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
let revealed: number;
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const two = finishedRun(small(base), 2);

beforeEach(() => {
  pageMarkup();
  state = createAppState();
  revealed = 0;
  comparisonPanel({ state, pool: noWorker, variantRuns: variantRuns({ state, pool: noWorker }), revealComparison: () => void revealed++ });
  state.loadScenario(small(base), { id: 'intrastate-conflict', name: base.name });
});

describe('comparisonPanel', () => {
  it('comparisonPanel(options) limits variant names to VARIANT_NAME_MAX characters, stays hidden without variants, and puts the chart in a card with SVG and PNG downloads', () => {
    expect($<HTMLInputElement>('variant-name').maxLength).toBe(VARIANT_NAME_MAX);
    expect($('compare-section').hidden).toBe(true);
    const tools = [...$('compare-chart').closest('.card')!.querySelectorAll('.card-tools button')].map((b) => b.textContent);
    expect(tools).toEqual(expect.arrayContaining(['SVG', 'PNG']));
  });

  it('a finished variant appears in the list and the comparison chart; remove takes it out of both', () => {
    const v = state.addVariant('all five');
    expect($('compare-section').hidden).toBe(false);
    expect($('variant-list').textContent).toContain('all five — queued');
    state.updateVariant(v, { status: 'done', band: two.band, stats: two.stats, summaries: two.results.summaries, columns: two.results.runs });
    expect($('variant-list').textContent).toContain('all five — done');
    expect([...document.querySelectorAll('[data-testid=compare-chart] g.series')].map((g) => g.getAttribute('data-name'))).toEqual(['all five']);
    expect(document.querySelectorAll('#compare-multiples svg')).toHaveLength(1);
    ($('variant-list').querySelector('button') as HTMLButtonElement).click();
    expect(state.variants).toEqual([]);
    expect($('compare-section').hidden).toBe(true);
  });

  it('saving a variant keeps the settings and name on screen at the click, though they change while the workers check them', async () => {
    pageMarkup();
    state = createAppState();
    let answer!: () => void;
    const slow = { ...noWorker, validate: () => new Promise((resolve) => (answer = () => resolve({ ok: true, issues: [] }))) } as unknown as WorkerPool;
    comparisonPanel({ state, pool: slow, variantRuns: { drain: async () => {} }, revealComparison: () => {} });
    state.loadScenario(small(base), { id: 'intrastate-conflict', name: base.name });
    state.setTrack(2, false);
    $<HTMLInputElement>('variant-name').value = 'without Track Two';
    $('compare-add').click();
    // the user goes on while the check runs
    state.setTrack(2, true);
    $<HTMLInputElement>('variant-name').value = 'next';
    answer();
    await expect.poll(() => state.variants.length).toBe(1);
    expect(state.variants[0].name).toBe('without Track Two');
    expect(state.variants[0].scenario.actors.some((a) => a.track === 2)).toBe(false);
    expect(state.working.actors.some((a) => a.track === 2)).toBe(true);
    expect($<HTMLInputElement>('variant-name').value).toBe('next');
  });
});
