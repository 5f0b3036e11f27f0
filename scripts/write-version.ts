/*
 * Writes sim/version.ts from package.json's version, so the model knows its version without
 * node:fs (the browser has none). A test fails while they differ; `npm run version` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../', import.meta.url);

/** The text of sim/version.ts for a version. */
export function versionModule(version: string): string {
  return `/** Détente's version: package.json's, written here by \`npm run version\` (a test checks they agree). */\nexport const VERSION = '${version.replace(/[\\']/g, '\\$&')}';\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
  writeFileSync(new URL('sim/version.ts', root), versionModule(version));
  process.stderr.write(`wrote sim/version.ts: ${version}\n`);
}
