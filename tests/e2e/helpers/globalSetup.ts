import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    chromium: string;
  }
}

let server: PreviewServer | undefined;
let outDir: string | undefined;

/** Builds the app into a private directory and serves it on 127.0.0.1 at a free port. */
export async function setup(project: TestProject): Promise<void> {
  const chromium = execFileSync(process.execPath, ['scripts/ensure-chromium.mjs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  // A private outDir, so a colleague's `vite build` into dist/ cannot swap files under the tests.
  outDir = mkdtempSync(join(tmpdir(), 'detente-e2e-'));
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  server = await preview({ logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  project.provide('baseURL', url);
  project.provide('chromium', chromium);
}

export async function teardown(): Promise<void> {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
