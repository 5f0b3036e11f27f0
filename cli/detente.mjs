#!/usr/bin/env node
// The bin: runs the bundled CLI (bundle/detente.mjs, built by `npm install`), rebuilding it first
// when a source file is newer than it, so a checkout always runs its own code. The bundle starts
// in well under a tenth of a second; the sources through tsx take over a second (cli/dev.mjs).
import { ensureBundle } from './bundle.mjs';

await import(await ensureBundle('detente'));
