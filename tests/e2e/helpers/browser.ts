import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Flags that keep Debian's Chromium quiet on a closed network (see TOOLCHAIN.md). */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** A headless Chromium with a fresh profile (in `profile`); close() also removes the profile. */
export async function launch(executablePath: string, viewport = { width: 1280, height: 800 }): Promise<{ context: BrowserContext; profile: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'detente-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath, headless: true, args: CHROMIUM_ARGS, viewport, acceptDownloads: true });
  return {
    context,
    profile: dir,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens `url` in a new page of `context`, collecting console errors and page errors. */
export async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  return { page, errors };
}

/** Waits until the page records the run state `state` (document.body.dataset.runState). */
export async function waitState(page: Page, state: string, timeout = 90_000): Promise<void> {
  await page.waitForFunction((s) => document.body.dataset.runState === s, state, { timeout });
}
