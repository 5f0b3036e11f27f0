#!/usr/bin/env node
// The CLI straight from the TypeScript sources (`npm run detente:dev -- run …`): tsx compiles them
// at every call, which costs about a second; the bin (cli/detente.mjs) runs the bundle instead.
import { register } from 'tsx/esm/api';

// mathjs (the model's kernel parser) is over a thousand plain-JavaScript modules; loaded before
// tsx's loader hooks exist, none of them goes through the hooks (measured here: a default run in
// 1.0 s instead of 1.2 s on an idle machine, 2.3 s instead of 3.4 s on a busy one). Help and
// version never load the model, so they skip it.
if (!process.argv.slice(2).some((a) => a === '-h' || a === '--help' || a === '-V' || a === '--version')) {
  await import('mathjs');
}
register();
await import('./main.ts');
