import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { paramTables, undocumentedFields } from './paramTables';

/*
 * `npm run docs`: regenerates the parameter and calibration tables of docs/ODD.md from the
 * scenario schema. Warns (on stderr) about schema fields that carry no documentation.
 */
const file = fileURLToPath(new URL('../docs/ODD.md', import.meta.url));
const before = readFileSync(file, 'utf8');
const after = paramTables(before);
if (after !== before) writeFileSync(file, after);
const missing = undocumentedFields();
if (missing.length) process.stderr.write(`fields without documentation: ${missing.join(', ')}\n`);
process.stderr.write(after === before ? 'docs/ODD.md is up to date\n' : 'docs/ODD.md: tables regenerated\n');
