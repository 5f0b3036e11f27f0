// A worker thread that runs fuzz cases (see scripts/fuzz.ts): registers tsx so it can load the
// TypeScript targets, then answers each { id, target, input } with its outcome or its failure.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runTarget } = await import('./targets.ts');
parentPort.on('message', async ({ id, target, input }) => {
  const started = performance.now();
  try {
    const outcome = await runTarget(target, input);
    parentPort.postMessage({ id, outcome, ms: performance.now() - started });
  } catch (e) {
    parentPort.postMessage({ id, failure: e instanceof Error ? (e.name === 'Violation' ? e.message : e.stack ?? e.message) : String(e), ms: performance.now() - started });
  }
});
parentPort.postMessage({ ready: true });
