#!/usr/bin/env node
// Makes sure a Chromium exists for the browser tests, and says where: it prints the path on stdout.
// Browser tests are never skipped silently: without a browser this exits non-zero and says how to get one.
import { accessSync, constants } from 'node:fs';
import { aptInstall, canAptInstall } from './aptInstall.mjs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'].filter(Boolean);

function find() {
  for (const p of candidates) {
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

let found = find();
if (!found && canAptInstall()) {
  process.stderr.write('ensure-chromium: no Chromium found; installing Debian\'s chromium with apt-get (for the browser tests)…\n');
  aptInstall(['chromium']);
  found = find();
}
if (!found) {
  process.stderr.write([
    'ensure-chromium: no Chromium found for the browser tests (tried: ' + candidates.join(', ') + ').',
    'Install one, e.g. on Debian/Ubuntu: sudo apt-get install chromium,',
    'or point CHROMIUM_PATH at a Chromium or Chrome executable. To run everything but the browser tests: npm run test:unit',
    '',
  ].join('\n'));
  process.exit(1);
}
process.stdout.write(found + '\n');
