import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import base from '../../scenarios/intrastate-conflict.json';
import { encodeShare } from '../../viz/app/share';
import { launch, openPage, waitState } from './helpers/browser';
import { runAndWait, setField } from './helpers/page';

const baseURL = inject('baseURL');
let browser: { context: BrowserContext; close: () => Promise<void> };
beforeAll(async () => {
  browser = await launch(inject('chromium'));
});
afterAll(async () => browser?.close());

const runDisabled = (page: Page) => page.$eval('[data-testid=run]', (b) => (b as HTMLButtonElement).disabled);
const status = (page: Page) => page.textContent('#status');

/** Starts a long run and waits until it is under way. */
async function startLongRun(page: Page): Promise<void> {
  await setField(page, '#runs', '1');
  await setField(page, '[data-path="ticks"]', '100000');
  await page.evaluate(() => delete document.body.dataset.runState);
  await page.click('[data-testid=run]');
  await page.waitForFunction(() => Number((document.querySelector('[data-testid=progress]') as HTMLProgressElement).value) > 0.0005);
}

describe('guards', () => {
  it('an invalid ensemble size keeps Run disabled, whatever else is valid, until it is fixed', async () => {
    const { page, errors } = await openPage(browser.context, baseURL);
    await waitState(page, 'done');
    for (const bad of ['0', '', '1001', '2.5']) {
      await setField(page, '#runs', bad);
      expect(await runDisabled(page)).toBe(true);
      expect(await page.textContent('#runs-error')).toBe('a whole number from 1 to 1000');
    }
    // Step would start a run too: it does not, and says why
    await page.evaluate(() => delete document.body.dataset.runState);
    await page.click('[data-testid=step]');
    await page.waitForFunction(() => /Fix the ensemble size to run/.test(document.getElementById('status')?.textContent ?? ''));
    expect(await page.evaluate(() => document.body.dataset.runState)).toBeUndefined();
    await setField(page, '#runs', '2');
    expect(await runDisabled(page)).toBe(false);
    await runAndWait(page);
    expect(await status(page)).toMatch(/^Done: 2 runs in /);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a link that needs more memory than the page allows is not run on open but explained, with the command that runs it', async () => {
    // 55 million agents a party and no ties: valid for the command line (under the 4 GiB a run's agents and ties may take), far beyond the page
    const huge = { ...base, network: { type: 'smallWorld', degree: 0 }, parties: base.parties.map((p) => ({ ...p, population: 55_000_000 })) };
    const { page, errors } = await openPage(browser.context, baseURL + (await encodeShare({ v: 2, scenario: huge, runs: 10, variants: [] })).hash);
    await page.waitForFunction(() => /This would need about/.test(document.getElementById('status')?.textContent ?? ''));
    const text = await status(page);
    expect(text).toMatch(/^This would need about 4\.0 GiB of memory in the browser \(110,000,000 agents, 0 ties, 10 runs of 361 observed ticks\); the page allows 1\.0 GiB\..*npx detente run \S+\.json --runs 10 --summary$/);
    expect(await page.getAttribute('#status', 'role')).toBe('alert');
    expect(await runDisabled(page)).toBe(true);
    expect(await page.evaluate(() => document.body.dataset.runState)).toBeUndefined();
    // the scenario is there to download and take to the command line
    expect(await page.$eval('[data-path="parties.0.population"]', (e) => (e as HTMLInputElement).value)).toBe('55000000');
    const memory = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    expect(memory).toBeLessThan(500 * 1024 ** 2);
    expect(errors).toEqual([]);
    await page.close();
  });

  // A worker that throws raises an error event; one that closes itself (as one killed from outside)
  // sends nothing more and raises nothing, so only its silence, confirmed by an unanswered ping, tells.
  const deaths = [
    { how: 'throws', kill: () => void setTimeout(() => { throw new Error('boom'); }), reason: /\(.*boom\)/ },
    { how: 'vanishes without a word', kill: () => void setTimeout(() => self.close()), reason: /\(it stopped answering for 8 s\)/ },
  ];
  for (const { how, kill, reason } of deaths) {
    it(`a worker that ${how} during a run is found out, reported and replaced; the page runs again`, async () => {
      // one worker, so the one killed is the one running
      const { page, errors } = await openPage(browser.context, `${baseURL}?workers=1`);
      await waitState(page, 'done');
      await startLongRun(page);
      const [worker] = page.workers();
      await worker.evaluate(kill);
      await waitState(page, 'failed', 30_000);
      const text = (await status(page)) ?? '';
      expect(text).toMatch(/^The run failed: a simulation worker stopped \(.*\); a new one has started: press Run to try again$/);
      expect(text).toMatch(reason);
      await setField(page, '[data-path="ticks"]', '60');
      await runAndWait(page);
      expect(await status(page)).toMatch(/^Done: 1 run in /);
      expect(errors).toEqual([]);
      await page.close();
    });
  }
});
