/**
 * The web app's timings in real headless Chromium (Debian's), measured on a production build:
 * time to the first escalation curve on cold loads (a fresh browser profile each time) and warm
 * reloads, and the wall time of a 100-run ensemble of the default scenario in the Web Worker.
 * Run with `npm run bench:page`. Options: --loads 5 (loads per kind), --runs 100 (ensemble size).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { build, preview } from 'vite';
import type { Page } from 'playwright-core';
import { launch } from '../tests/e2e/helpers/browser';

const { values } = parseArgs({ options: { loads: { type: 'string', default: '5' }, runs: { type: 'string', default: '100' } } });
const loads = Number(values.loads);
const runs = Number(values.runs);
if (!(loads >= 1 && runs >= 1)) {
  console.error('bench:page: --loads and --runs take whole numbers ≥ 1');
  process.exit(2);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const range = (xs: number[]) => `[${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)}]`;

/** Milliseconds from navigation start to the first drawn curve (the page's own `first-curve` mark). */
async function firstCurve(page: Page): Promise<number> {
  await page.waitForFunction(() => performance.getEntriesByName('first-curve').length > 0, undefined, { timeout: 60_000 });
  return page.evaluate(() => performance.getEntriesByName('first-curve')[0].startTime);
}

const chromium = execFileSync(process.execPath, ['scripts/ensure-chromium.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
const outDir = mkdtempSync(join(tmpdir(), 'detente-bench-page-'));
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
const url = server.resolvedUrls!.local[0];
try {
  const cold: number[] = [];
  for (let k = 0; k < loads; k++) {
    const b = await launch(chromium);
    const page = await b.context.newPage();
    await page.goto(url);
    cold.push(await firstCurve(page));
    await b.close();
  }
  const b = await launch(chromium);
  const page = await b.context.newPage();
  await page.goto(url);
  await firstCurve(page);
  const warm: number[] = [];
  for (let k = 0; k < loads; k++) {
    await page.reload();
    warm.push(await firstCurve(page));
  }
  await page.waitForFunction(() => document.body.dataset.runState === 'done', undefined, { timeout: 120_000 });
  await page.fill('#runs', String(runs));
  await page.dispatchEvent('#runs', 'change');
  const t0 = Date.now();
  await page.click('[data-testid=run]');
  await page.waitForFunction((n) => new RegExp(`^Done: ${n} runs? in`).test(document.getElementById('status')?.textContent ?? ''), runs, { timeout: 600_000 });
  const ensemble = (Date.now() - t0) / 1000;
  const reported = await page.textContent('#status');
  await b.close();
  console.log(`Détente page bench — Chromium (${chromium}), production build, ${loads} loads each`);
  console.log(`time to first curve, cold load (fresh profile): median ${median(cold).toFixed(0)} ms ${range(cold)}  target ≤ 500 ms`);
  console.log(`time to first curve, warm reload:               median ${median(warm).toFixed(0)} ms ${range(warm)}  target ≤ 500 ms`);
  console.log(`${runs}-run ensemble of the default scenario in the worker: ${ensemble.toFixed(1)} s from click to done (page: "${reported}")`);
} finally {
  await server.close();
  rmSync(outDir, { recursive: true, force: true });
}
