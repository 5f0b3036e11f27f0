import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { launch, openPage, waitState } from './helpers/browser';
import { downloadText, shareLink } from './helpers/page';

/*
 * The page as a student meets it: accessible to axe-core's checks on its main views, usable with
 * the keyboard alone, and laid out for a phone.
 */
const baseURL = inject('baseURL');
const SHOTS = 'tests/e2e/screenshots';
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let browser: { context: BrowserContext; close: () => Promise<void> };
beforeAll(async () => {
  browser = await launch(inject('chromium'));
});
afterAll(async () => browser?.close());

const open = (url = baseURL, context = browser.context) => openPage(context, url);

/** Sets the ensemble size as a user would. */
async function setRuns(page: Page, runs: number): Promise<void> {
  await page.fill('#runs', String(runs));
  await page.dispatchEvent('#runs', 'change');
}

/** axe-core's violations on the page as it is now: "rule (impact): target…" per failing node. */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')}`));
}

describe('the page for a student', () => {
  it('axe-core finds no violations: loaded and run, instructor mode, the exercises, an explanation open, the glossary, the About dialog with the full ODD', async () => {
    const { page, errors } = await open();
    await waitState(page, 'done');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#instructor > summary');
    await page.click('[data-testid=exercises]');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-exercise="5-hate-or-peace-media"]');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-testid=escalation-chart] >> xpath=ancestor::section[1] >> button.info');
    await page.waitForSelector('#explain:not([hidden])');
    await page.click('#escalation-chart-table > summary');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-testid=glossary]');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.click('[data-testid=about]');
    await page.waitForSelector('#about-dialog[open] h1');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('#about-odd > summary');
    await page.waitForSelector('#about-odd .odd h1');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a keyboard-only walk: Tab reaches Open file… and Run, Enter runs, and the results table opens from the keyboard; an explanation closes with Esc and gives the focus back', async () => {
    const { page, errors } = await open();
    await waitState(page, 'done');
    await page.evaluate(() => delete document.body.dataset.runState);
    const seen: string[] = [];
    const tabTo = async (selector: string, max = 80) => {
      for (let k = 0; k < max; k++) {
        await page.keyboard.press('Tab');
        const here = await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim() || document.activeElement?.tagName || '');
        seen.push(here);
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
      }
      throw new Error(`${selector} not reached by Tab; focus went through ${seen.join(' › ')}`);
    };
    await tabTo('#open-file-button');
    // Enter on the button opens the file input (its dialog is stopped here: a headless browser has no user to pick a file)
    await page.evaluate(() => document.getElementById('open-file')?.addEventListener('click', (e) => {
      (window as unknown as { fileDialog: boolean }).fileDialog = true;
      e.preventDefault();
    }));
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (window as unknown as { fileDialog?: boolean }).fileDialog)).toBe(true);
    await tabTo('[data-testid=run]');
    await page.keyboard.press('Enter');
    await waitState(page, 'done');
    // on to the escalation chart's "i": the explanation takes the focus, Esc gives it back
    await tabTo('#charts button.info');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('explain');
    await page.keyboard.press('Escape');
    expect(await page.isHidden('#explain')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.matches('#charts button.info'))).toBe(true);
    await tabTo('#escalation-chart-table > summary');
    await page.keyboard.press('Enter');
    // the table is built when opened: 30 years, a row a year from year 0
    await page.waitForFunction(() => document.querySelectorAll('#escalation-chart-table tbody tr').length === 31);
    expect(await page.textContent('#escalation-chart-table caption')).toMatch(/Escalation \(0 = calm, 1 = all-out war\) over 10 runs/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('on a phone (390 × 844) the run controls come before the charts, and the summary table fits the screen', async () => {
    const { page, errors } = await open();
    await page.setViewportSize({ width: 390, height: 844 });
    await waitState(page, 'done');
    const runTop = await page.$eval('[data-testid=run]', (e) => e.getBoundingClientRect().top);
    const chartTop = await page.$eval('[data-testid=escalation-chart]', (e) => e.getBoundingClientRect().top);
    expect(runTop).toBeLessThan(chartTop);
    expect(runTop).toBeLessThan(844);
    await setRuns(page, 2);
    await page.fill('#variant-name', 'with all tracks');
    await page.click('[data-testid=compare-add]');
    await page.waitForSelector('[data-testid=summary-table] tbody tr[data-row^=variant]', { timeout: 120_000 });
    const fits = await page.$eval('[data-testid=summary-table]', (t) => ({ table: t.scrollWidth, wrap: (t.parentElement as HTMLElement).clientWidth, page: document.documentElement.scrollWidth }));
    expect(fits.table).toBeLessThanOrEqual(fits.wrap);
    expect(fits.page).toBeLessThanOrEqual(390);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#compare-section').screenshot({ path: `${SHOTS}/phone-summary.png` });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an exercise from prediction to debrief: choose, predict, run, see the prediction against the runs with their spread, print', async () => {
    const { page, errors } = await open();
    await waitState(page, 'done');
    await page.click('[data-testid=exercises]');
    await page.click('[data-exercise="1-track-one-alone"]');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Official diplomacy alone, or with Track Two?');
    // no running before predicting
    expect(await page.isDisabled('[data-testid=exercise-run]')).toBe(true);
    await page.check('.prediction input[value="first lower"]');
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-testid=exercise-run]');
    await page.waitForFunction(() => document.body.dataset.exerciseState === 'done', undefined, { timeout: 120_000 });
    const text = await page.textContent('#exercise');
    expect(text).toContain('You predicted: Track One alone: talks between governments are what matter.');
    // each arm's typical value with the range of 90 % of its runs, and the paired difference
    expect(text).toMatch(/Track One alone: \d+\.\d\d \(90 % of runs: \d+\.\d\d to \d+\.\d\d\)/);
    expect(text).toMatch(/Run by run \(same chance events\), “Track One alone” minus “Track One with Track Two”: -?\d+\.\d\d/);
    const verdict = await page.textContent('[data-testid=exercise-verdict]');
    expect(verdict).toMatch(/^(Your prediction matches the runs\.|The runs say otherwise\.) What the runs support: /);
    expect(await page.$$eval('[data-testid=exercise-chart] g.series', (g) => g.map((x) => x.getAttribute('data-name')))).toEqual(['Track One alone (typical run)', 'Track One with Track Two (typical run)']);
    expect(await page.$$eval('[data-testid=exercise-chart] path.band', (b) => b.length)).toBe(4);
    expect(await page.textContent('#exercise')).toContain('What happened');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('#exercise').screenshot({ path: `${SHOTS}/exercise.png` });
    // the debrief: the print stylesheet keeps the exercise, its chart and verdict, and drops the controls
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#controls')).toBe(false);
    expect(await page.isVisible('[data-testid=exercise-chart] svg')).toBe(true);
    expect(await page.isVisible('[data-testid=exercise-verdict]')).toBe(true);
    expect(await page.isVisible('[data-testid=exercise-print]')).toBe(false);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('instructor mode: a shock injected during a run replays from tick 0, shows on the curve and in the event list, and the share link reproduces the same bytes (equal to the CLI\'s)', async () => {
    const { page, errors } = await open();
    await waitState(page, 'done');
    await setRuns(page, 1);
    await page.evaluate(() => delete document.body.dataset.runState);
    await page.click('[data-testid=run]');
    await waitState(page, 'done');
    const dir = mkdtempSync(join(tmpdir(), 'detente-inject-'));
    const download = (selector: string, name: string) => downloadText(page, selector, join(dir, name));
    try {
      const before = await download('[data-testid=export-csv]', 'before.csv');
      // pause a new run part-way, as an instructor would, and inject at the tick it reached
      await page.evaluate(() => delete document.body.dataset.runState);
      await page.click('[data-testid=step]');
      await page.click('#instructor > summary');
      await page.selectOption('#inject-kind', 'shock');
      await page.fill('#inject-tick', '120');
      await page.fill('#inject-size', '0.5');
      await page.click('[data-testid=inject]');
      await waitState(page, 'done');
      expect(await page.textContent('[data-testid=scheduled-events]')).toContain('tick 120: a shock hits both sides');
      expect(await page.$$eval('[data-testid=escalation-chart] .marker text', (t) => t.map((x) => x.textContent))).toContain('shock');
      const after = await download('[data-testid=export-csv]', 'after.csv');
      const rows = (csv: string) => csv.split('\n');
      // the same history up to the shock (header and ticks 0…120), a different one after it
      expect(rows(after).slice(0, 122)).toEqual(rows(before).slice(0, 122));
      expect(after).not.toBe(before);
      const scenario = await download('#download-scenario', 'scenario.json');
      expect(JSON.parse(scenario).events).toEqual([{ tick: 120, type: 'shock', size: 0.5 }]);
      const cli = execFileSync(process.execPath, ['cli/detente.mjs', 'run', join(dir, 'scenario.json'), '--runs', '1'], { encoding: 'utf8', maxBuffer: 1 << 28 });
      expect(after === cli).toBe(true);

      // the session's debrief on paper: what ran, the charts with the marker, the events; no controls
      await page.emulateMedia({ media: 'print' });
      expect(await page.isVisible('#controls')).toBe(false);
      expect(await page.textContent('[data-testid=debrief-summary]')).toMatch(/^Debrief: “Intra-state conflict”, seed 1, 1 run\. .*Done/);
      expect(await page.isVisible('[data-testid=debrief-summary]')).toBe(true);
      expect(await page.isVisible('[data-testid=scheduled-events]')).toBe(true);
      expect(await page.isVisible('[data-testid=escalation-chart] .marker')).toBe(true);
      expect((await page.pdf({ format: 'A4' })).subarray(0, 5).toString('latin1')).toBe('%PDF-');
      await page.emulateMedia({ media: 'screen' });
      expect(await page.isVisible('[data-testid=debrief-summary]')).toBe(false);

      const link = await shareLink(page);
      const other = await launch(inject('chromium'));
      try {
        const { page: p2, errors: e2 } = await open(link, other.context);
        await waitState(p2, 'done');
        expect(await p2.textContent('[data-testid=scheduled-events]')).toContain('tick 120: a shock hits both sides');
        const [d2] = await Promise.all([p2.waitForEvent('download'), p2.click('[data-testid=export-csv]')]);
        await d2.saveAs(join(dir, 'replayed.csv'));
        expect(readFileSync(join(dir, 'replayed.csv'), 'utf8') === after).toBe(true);
        expect(e2).toEqual([]);
      } finally {
        await other.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  });

  it('model events: listed under the charts and marked on them, and the event log exported equals the CLI\'s --event-log for the same scenario, seed and runs, in CSV and JSON', async () => {
    const { page, errors } = await open();
    await waitState(page, 'done');
    await setRuns(page, 2);
    await page.evaluate(() => delete document.body.dataset.runState);
    await page.selectOption('[data-testid=scenario-select]', 'leaky-facilitator');
    await waitState(page, 'done');
    const dir = mkdtempSync(join(tmpdir(), 'detente-events-'));
    const download = (selector: string, name: string) => downloadText(page, selector, join(dir, name));
    try {
      await download('#download-scenario', 'scenario.json');
      const cli = (format: string) => {
        execFileSync(process.execPath, ['cli/detente.mjs', 'run', join(dir, 'scenario.json'), '--runs', '2', '--event-log', join(dir, `cli.${format}`)], { encoding: 'utf8', maxBuffer: 1 << 28 });
        return readFileSync(join(dir, `cli.${format}`), 'utf8');
      };
      const csv = await download('[data-testid=export-events-csv]', 'app.csv');
      expect(csv === cli('csv')).toBe(true);
      const json = await download('[data-testid=export-events-json]', 'app.json');
      expect(json === cli('json')).toBe(true);
      // the list shows run 0's events, each with its tick, its kind in words and the model's reason
      const rows = (JSON.parse(json) as { run: number; tick: number; why: string }[]).filter((r) => r.run === 0);
      expect(rows.length).toBeGreaterThan(5);
      const shown = await page.$$eval('[data-testid=model-events] li', (li) => li.map((x) => x.textContent ?? ''));
      expect(shown.length).toBe(Math.min(rows.length, 300));
      shown.forEach((text, k) => expect(text).toMatch(new RegExp(`^tick ${rows[k].tick}, [^:]+: `)));
      expect(shown.map((t) => t.slice(t.indexOf(': ') + 2))).toEqual(rows.slice(0, shown.length).map((r) => r.why));
      expect(shown.some((t) => /^tick \d+, leak: /.test(t))).toBe(true);
      // marked on the escalation chart and the Track One timeline, each mark carrying its reason
      const marks = await page.$$eval('[data-testid=escalation-chart] .marker title', (t) => t.map((x) => x.textContent ?? ''));
      expect(marks.length).toBeGreaterThan(0);
      for (const m of marks) expect(rows.some((r) => m === `tick ${r.tick}: ${r.why}`)).toBe(true);
      expect(await page.$$eval('[data-testid=trackone-chart] .marker', (m) => m.length)).toBeGreaterThan(0);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(errors).toEqual([]);
    await page.close();
  });
});
