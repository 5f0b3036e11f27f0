// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { VARIANT_NAME_MAX } from '../../../../viz/app/limits';
import { comparisonPanel } from '../../../../viz/app/panels/comparisonPanel';
import { variantRuns } from '../../../../viz/app/variantRuns';
import { finishedRun, small } from '../helpers/finishedRun';
import { noWorker, pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const rows = () => [...document.querySelectorAll('[data-testid=summary-table] tbody tr')].map((r) => [r.getAttribute('data-row'), ...[...r.children].map((c) => c.textContent)]);
const two = finishedRun(small(base), 2);

beforeEach(() => {
  pageMarkup();
  state = createAppState();
  comparisonPanel({ state, runner: noWorker, variantRuns: variantRuns({ state, createRunner: () => noWorker }) });
  state.loadScenario(small(base), { id: 'intrastate-conflict', name: base.name });
});

describe('comparisonPanel', () => {
  it('comparisonPanel(options) limits variant names to VARIANT_NAME_MAX characters and stays hidden without variants', () => {
    expect($<HTMLInputElement>('variant-name').maxLength).toBe(VARIANT_NAME_MAX);
    expect($('compare-section').hidden).toBe(true);
    expect(rows()).toEqual([]);
  });

  it('a finished variant appears in the list, the comparison chart and the summary table; remove takes it out of all three', () => {
    const v = state.addVariant('all five');
    expect($('compare-section').hidden).toBe(false);
    expect($('variant-list').textContent).toContain('all five — queued');
    state.updateVariant(v, { status: 'done', band: two.band, stats: two.stats });
    expect($('variant-list').textContent).toContain('all five — done');
    expect([...document.querySelectorAll('[data-testid=compare-chart] g.series')].map((g) => g.getAttribute('data-name'))).toEqual(['all five']);
    expect(document.querySelectorAll('#compare-multiples svg')).toHaveLength(1);
    const [row] = rows();
    expect(row.slice(0, 3)).toEqual(['variant-0', 'all five', '2']);
    expect(row[3]).toMatch(/^\d\.\d\d \[\d\.\d\d–\d\.\d\d\]$/);
    ($('variant-list').querySelector('button') as HTMLButtonElement).click();
    expect(state.variants).toEqual([]);
    expect(rows()).toEqual([]);
    expect($('compare-section').hidden).toBe(true);
  });

  it('the summary table opens with the current settings once their run is done', () => {
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    expect(rows()).toEqual([]);
    state.finishRun(run, { status: 'done', ...two });
    expect(rows().map((r) => r.slice(0, 3))).toEqual([['current', 'Current settings', '2']]);
  });
});
