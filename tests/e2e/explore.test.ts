import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'd3';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import base from '../../scenarios/intrastate-conflict.json';
import { encodeShare } from '../../viz/app/share';
import { launch, openPage, waitState } from './helpers/browser';
import { filesAndBrowser, SHOTS, shareLink } from './helpers/page';

const baseURL = inject('baseURL');
const browser = filesAndBrowser('explore');

// Small and short, so an exploration of a few dozen runs takes a second or two.
const small = { ...base, ticks: 48, parties: base.parties.map((p) => ({ ...p, population: 60 })) };
const smallLink = async (extra: Record<string, unknown> = {}) => baseURL + (await encodeShare({ v: 2, scenario: small, runs: 1, variants: [], ...extra })).hash;

/** Waits until the exploration on screen is in `state` (the page records it on the body). */
const exploreState = (page: Page, state: string, timeout = 120_000) => page.waitForFunction((s) => document.body.dataset.exploreState === s, state, { timeout });

/** Waits until the charts show `runs` runs (they are redrawn a little after runs come in). */
const drawn = (page: Page, runs: number) => page.waitForFunction((n) => document.getElementById('explore-charts')?.dataset.runs === String(n), runs);

/** Sets an Explore input (by test id) as a user would. */
async function setExplore(page: Page, testId: string, value: string): Promise<void> {
  await page.fill(`[data-testid=${testId}]`, value);
  await page.dispatchEvent(`[data-testid=${testId}]`, 'change');
}

/** Chooses the mode and the factors (paths) with their ranges. */
async function setUp(page: Page, mode: string, factors: Array<[string, string, string]>, o: { levels?: string; replicates?: string; trajectories?: string } = {}) {
  await page.selectOption('[data-testid=explore-mode]', mode);
  for (let k = 0; k < factors.length; k++) {
    if (!(await page.$(`[data-testid=explore-factor-${k}]`))) await page.click('#explore-add-factor');
    const [path, min, max] = factors[k];
    await page.selectOption(`[data-testid=explore-factor-${k}]`, path);
    await setExplore(page, `explore-min-${k}`, min);
    await setExplore(page, `explore-max-${k}`, max);
  }
  // a screening starts with four factors: fewer asked, the rest go
  while ((await page.$$('.explore-factor')).length > factors.length) await page.click(`[aria-label="Remove factor ${factors.length + 1}"]`);
  if (o.levels) await setExplore(page, 'explore-levels', o.levels);
  if (o.trajectories) await setExplore(page, 'explore-trajectories', o.trajectories);
  if (o.replicates) await setExplore(page, 'explore-replicates', o.replicates);
}

/**
 * Clicks `testId` in the page as soon as the exploration reaches `state` (or, for `progress`,
 * its first run is in): in the same task as the change, before more results arrive, so a test
 * can pause or cancel a short exploration part-way.
 */
async function clickWhen(page: Page, when: 'running' | 'progress', testId: string): Promise<void> {
  await page.evaluate(([w, id]) => {
    const target = w === 'running' ? document.body : document.getElementById('explore-progress-label')!;
    const seen = () => (w === 'running' ? document.body.dataset.exploreState === 'running' : /^[1-9]/.test(target.textContent ?? ''));
    const o = new MutationObserver(() => {
      if (!seen()) return;
      o.disconnect();
      (document.querySelector(`[data-testid=${id}]`) as HTMLButtonElement).click();
    });
    o.observe(target, { attributes: true, childList: true, characterData: true, subtree: true });
  }, [when, testId]);
}

/** Saves the download `click` triggers into the temporary directory as `name`; returns the path. */
async function save(page: Page, click: () => Promise<void>, name: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(browser.dir, name);
  await d.saveAs(path);
  return path;
}

const EXPORTS = ['runs.csv', 'series.csv', 'runs.parquet', 'series.parquet', 'manifest.json'];

describe('the Explore view', () => {
  let oneFactor: { out: string; link: string; experiment: string } | undefined;

  it('runs one factor: each outcome over it with 95 % ribbons, drawn as runs come in, and exports what detente sweep writes', async () => {
    const { page, errors } = await openPage(browser.context, await smallLink());
    await waitState(page, 'done');
    await setUp(page, 'one', [['params.synergy', '0', '1']], { levels: '3', replicates: '10' });
    await page.evaluate(() => {
      const w = window as unknown as { longTasks: number[] };
      w.longTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.longTasks.push(e.duration))).observe({ type: 'longtask' });
    });
    // pause at the start, to see results drawn while runs are missing
    await clickWhen(page, 'progress', 'explore-pause');
    await page.click('[data-testid=explore-run]');
    await exploreState(page, 'paused');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=explore-peakX] circle').length > 0);
    expect(await page.$eval('[data-testid=explore-progress]', (p) => (p as HTMLProgressElement).value)).toBeLessThan(1);
    await page.click('[data-testid=explore-pause]');
    await exploreState(page, 'done');
    expect(await page.textContent('#explore-status')).toMatch(/^Done: 30 of 30 runs done in /);
    await drawn(page, 30);
    // a chart per outcome; in 48 ticks no run de-escalates, so the times to de-escalation and relapses stay empty
    for (const m of ['peakX', 'deescalated', 'timeToDeescalation', 'relapse10y']) expect(await page.$(`[data-testid=explore-${m}] svg`), m).not.toBeNull();
    for (const m of ['peakX', 'deescalated']) {
      expect(await page.$$eval(`[data-testid=explore-${m}] circle`, (c) => c.map((x) => Number(x.getAttribute('data-n')))), m).toEqual([10, 10, 10]);
    }
    // 10 runs at each level: the peak's ribbon spans all three
    expect(await page.$$eval('[data-testid=explore-peakX] circle', (c) => c.map((x) => x.getAttribute('data-level')))).toEqual(['0', '0.5', '1']);
    expect(await page.$$('[data-testid=explore-peakX] path.ribbon')).toHaveLength(1);
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks)).toEqual([]);
    await page.locator('#explore-section').screenshot({ path: `${SHOTS}/explore-one.png` });

    const out = join(browser.dir, 'page-one');
    mkdirSync(out);
    for (const name of EXPORTS) await save(page, () => page.click(`[data-testid="explore-export-${name}"]`), join('page-one', name));
    const experiment = await save(page, () => page.click('[data-testid=explore-download]'), 'one.json');
    for (const kind of ['SVG', 'PNG']) {
      const file = await save(page, () => page.click(`#explore-peakX >> xpath=ancestor::section[1] >> button:text-is("${kind}")`), `peak.${kind.toLowerCase()}`);
      const bytes = readFileSync(file);
      if (kind === 'SVG') expect(bytes.toString('utf8')).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*class="ribbon"/);
      else expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    oneFactor = { out, link: await shareLink(page), experiment };
    expect(errors).toEqual([]);
    await page.close();
  });

  it('"Download experiment" is what detente sweep runs to the page\'s numbers: every file byte for byte', () => {
    expect(oneFactor).toBeDefined();
    const cli = join(browser.dir, 'cli-one');
    execFileSync(process.execPath, ['cli/detente.mjs', 'sweep', oneFactor!.experiment, '--out', cli, '--workers', '2'], { stdio: 'pipe' });
    for (const name of EXPORTS) expect(readFileSync(join(oneFactor!.out, name)).equals(readFileSync(join(cli, name))), name).toBe(true);
  });

  it('the share link reproduces the exploration: opened elsewhere, it runs to the same runs', async () => {
    expect(oneFactor?.link).toContain('#s=');
    const other = await launch(inject('chromium'));
    try {
      const { page, errors } = await openPage(other.context, oneFactor!.link);
      await exploreState(page, 'done');
      const file = await save(page, () => page.click('[data-testid="explore-export-runs.csv"]'), 'linked-runs.csv');
      expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(oneFactor!.out, 'runs.csv'), 'utf8'));
      expect(errors).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('opens a finished sweep\'s manifest.json and runs.parquet and draws them without running', async () => {
    const { page, errors } = await openPage(browser.context, await smallLink());
    await waitState(page, 'done');
    const cli = join(browser.dir, 'cli-one');
    await page.setInputFiles('#explore-open', [join(cli, 'manifest.json'), join(cli, 'runs.parquet')]);
    await exploreState(page, 'opened');
    await drawn(page, 30);
    expect(await page.textContent('#explore-status')).toMatch(/^Opened “.*”: 30 of 30 runs, complete\./);
    const n = await page.$$eval('[data-testid=explore-deescalated] circle', (c) => c.map((x) => Number(x.getAttribute('data-n'))));
    expect(n).toEqual([10, 10, 10]);
    expect(errors).toEqual([]);
    await page.close();
  });

  /** Writes an experiment on the small scenario into the test's directory; returns its path. */
  const writeExperiment = (name: string, design: Record<string, unknown>, seed: number): string => {
    const path = join(browser.dir, `${name}.json`);
    writeFileSync(path, JSON.stringify({
      format: 1, name, scenario: small, design, replicates: 1, seed, metrics: ['peakX', 'areaX'],
      factors: [{ name: 'synergy', path: 'params.synergy', min: 0, max: 1 }, { name: 'reactivity', path: 'parties.1.reactivity', min: 0.2, max: 0.5 }],
    }));
    return path;
  };
  const cli = (...args: string[]) => execFileSync(process.execPath, ['cli/detente.mjs', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('opens an experiment file and runs it as detente sweep does, with Sobol\' indices equal to detente analyze\'s', async () => {
    const file = writeExperiment('sobol-in-the-page', { type: 'sobol', samples: 8 }, 3);
    const out = join(browser.dir, 'cli-sobol');
    cli('sweep', file, '--out', out, '--workers', '1');
    const expected = JSON.parse(cli('analyze', file, '--data', join(out, 'runs.csv'), '--method', 'sobol', '--metric', 'peakX', '--json')) as { indices: Array<{ factor: string; S1: number; ST: number }> };
    const { page, errors } = await openPage(browser.context, await smallLink());
    await waitState(page, 'done');
    await page.setInputFiles('#explore-open', file);
    await exploreState(page, 'done');
    expect(await page.textContent('#explore-status')).toMatch(/^Done: 32 of 32 runs done in /);
    // the first metric (peakX) is analysed once every run is in
    await page.waitForFunction(() => document.getElementById('explore-charts')?.dataset.analysis === 'sobol 32');
    const bars = await page.$$eval('[data-testid=explore-sobol] g.factor', (g) => g.map((x) => ({
      factor: x.getAttribute('data-factor'), S1: Number(x.querySelector('rect.S1')!.getAttribute('data-value')), ST: Number(x.querySelector('rect.ST')!.getAttribute('data-value')),
    })));
    expect(bars.sort((a, b) => a.factor!.localeCompare(b.factor!))).toEqual(expected.indices.map(({ factor, S1, ST }) => ({ factor, S1, ST })).sort((a, b) => a.factor.localeCompare(b.factor)));
    const runs = await save(page, () => page.click('[data-testid="explore-export-runs.csv"]'), 'sobol-runs.csv');
    expect(readFileSync(runs, 'utf8')).toBe(readFileSync(join(out, 'runs.csv'), 'utf8'));
    const svg = await save(page, () => page.click('#explore-sobol >> xpath=ancestor::section[1] >> button:text-is("SVG")'), 'sobol.svg');
    expect(readFileSync(svg, 'utf8')).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*data-factor="reactivity"/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a Latin hypercube sweep\'s manifest.json and runs.csv and finds the PRIM boxes detente analyze finds', async () => {
    const file = writeExperiment('prim-in-the-page', { type: 'lhs', samples: 40 }, 5);
    const out = join(browser.dir, 'cli-lhs');
    cli('sweep', file, '--out', out, '--workers', '1');
    const expected = JSON.parse(cli('analyze', file, '--data', join(out, 'runs.csv'), '--method', 'prim', '--metric', 'peakX', '--threshold', '0.55', '--json')) as { boxes: Array<{ coverage: number; density: number; limits: Record<string, [number, number]> }> };
    expect(expected.boxes.length).toBeGreaterThan(0);
    const { page, errors } = await openPage(browser.context, await smallLink());
    await waitState(page, 'done');
    await page.setInputFiles('#explore-open', [join(out, 'manifest.json'), join(out, 'runs.csv')]);
    await exploreState(page, 'opened');
    expect(await page.textContent('#explore-status')).toMatch(/^Opened “prim-in-the-page”: 40 of 40 runs, complete\./);
    expect(await page.inputValue('[data-testid=explore-metric]')).toBe('peakX');
    await page.fill('[data-testid=explore-threshold]', '0.55');
    await page.click('[data-testid=explore-prim-run]');
    await page.waitForFunction(() => document.getElementById('explore-charts')?.dataset.analysis === 'prim 40');
    expect(await page.textContent('[data-testid=explore-prim] caption')).toMatch(/^Boxes where peak escalation is at least 0\.55 \(over 40 points\)\.$/);
    const rows = await page.$$eval('[data-testid=explore-prim] tbody tr', (r) => r.map((x) => [...x.children].map((c) => c.textContent)));
    const pct = (x: number) => `${Math.round(100 * x)} %`;
    const limits = (l: Record<string, [number, number]>) => Object.entries(l).map(([f, [lo, hi]]) => `${f}: ${format('.4~g')(lo)} to ${format('.4~g')(hi)}`).join('; ');
    expect(rows).toEqual(expected.boxes.map((b, k) => [String(k + 1), pct(b.coverage), pct(b.density), expect.any(String), limits(b.limits)]));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs two factors as a heatmap with the value and n on hover and in a table, pausing and resuming on the way', async () => {
    const { page, errors } = await openPage(browser.context, await smallLink());
    await waitState(page, 'done');
    await setUp(page, 'two', [['params.synergy', '0', '1'], ['parties.1.reactivity', '0.2', '0.5']], { levels: '3', replicates: '2' });
    await clickWhen(page, 'running', 'explore-pause');
    await page.click('[data-testid=explore-run]');
    await exploreState(page, 'paused');
    await page.waitForTimeout(600);
    // a paused exploration starts no run; those under way (one a worker) finish
    const runs = () => page.$eval('#explore-progress-label', (e) => Number(/^\d+/.exec(e.textContent ?? '')?.[0] ?? 0));
    const paused = await runs();
    expect(paused).toBeLessThanOrEqual(4);
    await page.waitForTimeout(300);
    expect(await runs()).toBe(paused);
    await page.click('[data-testid=explore-pause]');
    await exploreState(page, 'done');
    await drawn(page, 18);
    const cells = await page.$$eval('[data-testid=explore-heatmap] rect[data-n]', (r) => r.map((x) => ({ n: Number(x.getAttribute('data-n')), title: x.querySelector('title')?.textContent ?? '' })));
    expect(cells).toHaveLength(9);
    expect(cells.every((c) => c.n === 2 && /, n = 2$/.test(c.title))).toBe(true);
    const rows = await page.$$eval('[data-testid=explore-heatmap-table] tbody tr', (r) => r.map((x) => x.children.length));
    expect(rows).toEqual([4, 4, 4]);
    expect(await page.textContent('[data-testid=explore-heatmap-table] tbody')).toMatch(/\(n = 2\)/);
    await page.locator('#explore-section').screenshot({ path: `${SHOTS}/explore-two.png` });
    const heatmapSVG = await save(page, () => page.click('#explore-heatmap >> xpath=ancestor::section[1] >> button:text-is("SVG")'), 'heatmap.svg');
    expect(readFileSync(heatmapSVG, 'utf8').match(/<rect[^>]*data-n="2"/g)).toHaveLength(9);
    const tsv = await save(page, () => page.click('[data-testid="explore-export-runs.csv"]'), 'two.csv');
    expect(readFileSync(tsv, 'utf8').split('\n')[0]).toBe('point,replicate,seed,params.synergy,parties.1.reactivity,peakX,deescalated,timeToDeescalation,relapse10y');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('screens parameters with Morris: a μ*–σ plot and ranked bars of μ*, and cancel keeps the runs already in', async () => {
    const { page, errors } = await openPage(browser.context, await smallLink());
    await waitState(page, 'done');
    await setUp(page, 'morris', [['params.synergy', '0', '1'], ['parties.1.reactivity', '0.2', '0.5'], ['params.consentRate', '1', '6']], { trajectories: '4', replicates: '1' });
    await page.click('[data-testid=explore-run]');
    await exploreState(page, 'done');
    await page.waitForFunction(() => document.getElementById('explore-charts')?.dataset.analysis === 'morris 16');
    expect((await page.$$eval('[data-testid=explore-morris] g.factor', (g) => g.map((x) => x.getAttribute('data-factor')))).sort()).toEqual(['params.consentRate', 'params.synergy', 'parties.1.reactivity']);
    const values = await page.$$eval('[data-testid=explore-tornado] g.bar', (g) => g.map((x) => Number(x.getAttribute('data-value'))));
    expect(values).toEqual([...values].sort((a, b) => b - a));
    await page.locator('#explore-section').screenshot({ path: `${SHOTS}/explore-morris.png` });
    for (const [id, kind, mark] of [['explore-morris', 'SVG', 'data-factor="params.synergy"'], ['explore-tornado', 'PNG', '']]) {
      const bytes = readFileSync(await save(page, () => page.click(`#${id} >> xpath=ancestor::section[1] >> button:text-is("${kind}")`), `${id}.${kind.toLowerCase()}`));
      if (kind === 'SVG') expect(bytes.toString('utf8')).toContain(mark);
      else expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    // again, cancelled part-way
    await setExplore(page, 'explore-trajectories', '40');
    await clickWhen(page, 'progress', 'explore-cancel');
    await page.click('[data-testid=explore-run]');
    await exploreState(page, 'cancelled');
    expect(await page.textContent('#explore-status')).toMatch(/^Cancelled: \d+ of 160 runs done\.$/);
    expect(await page.$eval('[data-testid="explore-export-runs.parquet"]', (b) => (b as HTMLButtonElement).disabled)).toBe(true);
    expect(await page.$eval('[data-testid="explore-export-runs.csv"]', (b) => (b as HTMLButtonElement).disabled)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the pool', () => {
  it('gives the same bytes with one worker and with four: an ensemble\'s CSV and an exploration\'s runs', async () => {
    const outputs: string[][] = [];
    for (const workers of [1, 4]) {
      const { page, errors } = await openPage(browser.context, `${baseURL}?workers=${workers}${(await smallLink({ runs: 12 })).slice(baseURL.length)}`);
      await waitState(page, 'done');
      const csv = await save(page, () => page.click('[data-testid=export-csv]'), `pool-${workers}.csv`);
      await setUp(page, 'one', [['parties.0.reactivity', '0.2', '0.4']], { levels: '4', replicates: '3' });
      await page.click('[data-testid=explore-run]');
      await exploreState(page, 'done');
      expect(await page.textContent('#explore-status')).toMatch(/^Done: 12 of 12 runs done/);
      const runs = await save(page, () => page.click('[data-testid="explore-export-runs.csv"]'), `pool-${workers}-runs.csv`);
      outputs.push([readFileSync(csv, 'utf8'), readFileSync(runs, 'utf8')]);
      expect(errors).toEqual([]);
      await page.close();
    }
    expect(outputs[1][0] === outputs[0][0]).toBe(true);
    expect(outputs[1][1] === outputs[0][1]).toBe(true);
  });
});
