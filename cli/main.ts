// The command-line program: the bundle's entry point (see cli/bundle.mjs), and what
// `npm run detente:dev` runs from the TypeScript sources.
import { cli } from './detente';

await cli();
