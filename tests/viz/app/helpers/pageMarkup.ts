import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WorkerPool } from '../../../../viz/app/workerPool';

/** Puts index.html's body into the (jsdom) document, so panels find their elements by id as on the page. */
export function pageMarkup(): void {
  const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../../../index.html'), 'utf8');
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1];
  delete document.body.dataset.runState;
}

/**
 * A pool for panels whose behaviour under test never reaches a worker (there is none under
 * jsdom): any use throws, so a test that reached it would fail rather than pass unseen.
 */
export const noWorker = new Proxy({}, {
  get: (_t, p) => {
    throw new Error(`the worker was used (${String(p)}) in a test without one`);
  },
}) as WorkerPool;
