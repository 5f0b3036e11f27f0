// Starts the sweep worker (sweepWorker.ts) from the sources: Node's worker threads cannot load
// TypeScript themselves, so this registers tsx first, as the bin does. The model's kernel uses
// mathjs/number, several hundred plain-JavaScript modules: loaded before tsx's hooks exist, none of
// them goes through the hooks (measured here: the worker ready in about a third of the time).
import { register } from 'tsx/esm/api';

await import('mathjs/number');
register();
await import('./sweepWorker.ts');
