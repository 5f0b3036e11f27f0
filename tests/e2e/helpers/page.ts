import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch, waitState } from './browser';

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

/** The share link once it holds every change made so far (the panel marks it busy until then). */
export async function shareLink(page: Page): Promise<string> {
  await page.waitForSelector('[data-testid=share-link]:not([aria-busy])', { state: 'attached', timeout: 30_000 });
  return page.inputValue('[data-testid=share-link]');
}

/** Clicks `selector`, saves the download it starts as `path`, and returns its text. */
export async function downloadText(page: Page, selector: string, path: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  await d.saveAs(path);
  return readFileSync(path, 'utf8');
}

/** Where the end-to-end tests leave their screenshots. */
export const SHOTS = 'tests/e2e/screenshots';

/**
 * The test file's browser (a fresh profile) and a temporary directory for its downloads, made
 * before its tests and removed after them; read them inside the tests.
 */
export function filesAndBrowser(prefix: string): { readonly context: BrowserContext; readonly dir: string } {
  let browser: { context: BrowserContext; close: () => Promise<void> } | undefined;
  let dir = '';
  beforeAll(async () => {
    browser = await launch(inject('chromium'));
    dir = mkdtempSync(join(tmpdir(), `detente-${prefix}-`));
    mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get context() {
      return browser!.context;
    },
    get dir() {
      return dir;
    },
  };
}
