#!/usr/bin/env node
// Bundles the Node entry points (the CLI, and any worker it starts) into one plain-JavaScript file
// each under bundle/, with their dependencies inlined, so a command starts in a few tens of
// milliseconds instead of compiling TypeScript and resolving a thousand modules at every call.
// `npm install` runs it (the prepare script); the bin runs it again whenever a source is newer
// than the bundle, so a checkout always runs its own code. `node cli/bundle.mjs` rebuilds by hand.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The bundled entry points: output name → source, relative to the checkout's root. Each becomes
 * bundle/<name>.mjs. Adding an entry (a worker-thread script, say) is one line here.
 */
export const ENTRIES = {
  detente: 'cli/main.ts',
  // the sweep's worker thread: cli/sweep/workerPool.ts starts ./sweepWorker.mjs beside its module,
  // which in the bundle is this file beside bundle/detente.mjs
  sweepWorker: 'cli/sweep/sweepWorker.ts',
};

/** Files outside the bundle's module graph whose change also makes it stale. */
const ALSO_WATCHED = ['package.json', 'package-lock.json', 'cli/bundle.mjs'];

const MANIFEST = 'manifest.json';

/** The checkout's root (this file sits in cli/) and the default output folder. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const OUT_DIR = `${ROOT}bundle/`;

/**
 * Builds every entry into `outDir` with rolldown, then writes the manifest: the project files the
 * bundles were made from, and when the build started. Each file is written beside its final name
 * and renamed into place, so a process starting meanwhile reads either the old file or the new one.
 * @param {{ root?: string, outDir?: string, entries?: Record<string, string> }} [o]
 * @returns {Promise<{ files: string[], inputs: string[] }>}
 */
export async function buildBundle(o = {}) {
  const root = o.root ?? ROOT;
  const outDir = o.outDir ?? OUT_DIR;
  const entries = o.entries ?? ENTRIES;
  const { rolldown } = await import('rolldown');
  const startedAt = Date.now();
  mkdirSync(outDir, { recursive: true });
  const inputs = new Set(ALSO_WATCHED);
  const files = await Promise.all(Object.entries(entries).map(async ([name, source]) => {
    const build = await rolldown({ input: `${root}${source}`, platform: 'node', cwd: root, logLevel: 'warn', onLog: (level, log) => process.stderr.write(`bundle ${name}: ${level}: ${log.message}\n`) });
    const { output } = await build.generate({ format: 'esm', codeSplitting: false });
    await build.close();
    const [chunk] = output;
    for (const id of chunk.moduleIds) {
      const path = relative(root, id);
      // dependencies are checked through package-lock.json; the project's own files one by one
      if (!path.startsWith('..') && !path.includes('node_modules') && !id.startsWith('\0')) inputs.add(path);
    }
    const file = `${outDir}${name}.mjs`;
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, chunk.code);
    renameSync(tmp, file);
    return file;
  }));
  const manifest = { startedAt, entries, inputs: [...inputs].sort() };
  const tmp = `${outDir}${MANIFEST}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(manifest, null, 1)}\n`);
  renameSync(tmp, `${outDir}${MANIFEST}`);
  return { files, inputs: manifest.inputs };
}

/**
 * Why the bundle in `outDir` cannot be used as it is, or undefined when it is up to date: it is
 * missing, was built from other entries, or one of its inputs changed after its build started.
 * Costs one stat per input (about fifty), well under a millisecond.
 * @param {{ root?: string, outDir?: string, entries?: Record<string, string> }} [o]
 * @returns {string | undefined}
 */
export function staleness(o = {}) {
  const root = o.root ?? ROOT;
  const outDir = o.outDir ?? OUT_DIR;
  const entries = o.entries ?? ENTRIES;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(`${outDir}${MANIFEST}`, 'utf8'));
  } catch {
    return 'not built yet';
  }
  if (JSON.stringify(manifest.entries) !== JSON.stringify(entries)) return 'its entry points changed';
  for (const path of manifest.inputs) {
    let mtime;
    try {
      mtime = statSync(`${root}${path}`).mtimeMs;
    } catch {
      // a deleted source was imported by a file that changed too, which is seen on its own
      continue;
    }
    if (mtime >= manifest.startedAt) return `${path} changed`;
  }
  for (const name of Object.keys(entries)) {
    try {
      statSync(`${outDir}${name}.mjs`);
    } catch {
      return `bundle/${name}.mjs is missing`;
    }
  }
  return undefined;
}

/**
 * The path of the bundled entry `name`, rebuilt first if it is stale. If it cannot be rebuilt
 * (no rolldown in an installed copy, a read-only folder) an existing bundle is used with a
 * warning on stderr; with no bundle at all, the error is thrown.
 * @param {string} name
 * @param {{ root?: string, outDir?: string, entries?: Record<string, string> }} [o]
 * @returns {Promise<string>}
 */
export async function ensureBundle(name, o = {}) {
  const root = o.root ?? ROOT;
  const file = `${o.outDir ?? OUT_DIR}${name}.mjs`;
  const why = staleness(o);
  if (why === undefined) return file;
  try {
    await buildBundle(o);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    try {
      statSync(file);
    } catch {
      throw new Error(`cannot build ${relative(root, file)} (${why}): ${reason}; run npm install in ${root}`);
    }
    process.stderr.write(`detente: using an out-of-date bundle (${why}); rebuilding it failed: ${reason}\n`);
  }
  return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = performance.now();
  const { files } = await buildBundle();
  process.stderr.write(`bundled ${files.map((f) => relative(ROOT, f)).join(', ')} in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
