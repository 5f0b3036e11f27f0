import type { Page } from 'playwright-core';
import { waitState } from './browser';

/** Sets an input generated from the schema (by its scenario path) or a run control, as a user would. */
export async function setField(page: Page, selector: string, value: string): Promise<void> {
  await page.$eval(selector, (e) => {
    const group = e.closest('details');
    if (group) group.open = true;
  });
  await page.fill(selector, value);
  await page.dispatchEvent(selector, 'change');
}

/** Presses Run and waits for the run to finish. */
export async function runAndWait(page: Page): Promise<void> {
  await page.evaluate(() => delete document.body.dataset.runState);
  await page.click('[data-testid=run]');
  await waitState(page, 'done');
}

/** Clicks `selector`, saves the download it starts as `path`, and returns its text. */
export async function downloadText(page: Page, selector: string, path: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  await d.saveAs(path);
  const { readFileSync } = await import('node:fs');
  return readFileSync(path, 'utf8');
}
