import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifestText, type Manifest } from '../../sim/experiments/sweepManifest';
import { InputError } from '../command';
import { SWEEP_FILES, writeAtomic } from './sweepDir';

export { manifestHead, manifestWith, ORDER_NOTE, type Manifest, type ManifestHead, type RunStatus } from '../../sim/experiments/sweepManifest';

/** Reads DIR/manifest.json; a missing or unreadable one is an InputError naming the directory. */
export function readManifest(dir: string): Manifest {
  const file = join(dir, SWEEP_FILES.manifest);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new InputError([`${dir}: not a sweep's output directory (no ${SWEEP_FILES.manifest})`]);
  }
  let m: Manifest;
  try {
    m = JSON.parse(text) as Manifest;
  } catch (e) {
    throw new InputError([`${file}: invalid JSON: ${(e as Error).message}`]);
  }
  if (m?.format !== 1 || typeof m.detente !== 'string' || typeof m.experimentHash !== 'string' || !m.experiment || !Array.isArray(m.design?.points) || !Array.isArray(m.seeds)) {
    throw new InputError([`${file}: not a Détente sweep manifest (format 1)`]);
  }
  return m;
}

/** Writes DIR/manifest.json atomically (its text as `manifestText` lays it out). */
export function writeManifest(dir: string, m: Manifest): void {
  writeAtomic(join(dir, SWEEP_FILES.manifest), manifestText(m));
}
