// Starts the sweep worker (sweepWorker.ts) from the sources: Node's worker threads cannot load
// TypeScript themselves, so this registers tsx first, as the bin does. mathjs is loaded before
// the hooks for the same reason as in cli/detente.mjs: its thousand modules then skip them.
import { register } from 'tsx/esm/api';

await import('mathjs');
register();
await import('./sweepWorker.ts');
