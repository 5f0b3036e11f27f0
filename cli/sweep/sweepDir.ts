import { existsSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SWEEP_FILES } from '../../sim/experiments/sweepFiles';

export { SWEEP_FILES };

/** Whether `dir` already holds (part of) a sweep: any of the files a sweep writes. */
export function holdsSweep(dir: string): boolean {
  return Object.values(SWEEP_FILES).some((f) => existsSync(join(dir, f)));
}

/** Writes a file whole or not at all: beside it first, then renamed over it. */
export function writeAtomic(file: string, data: string | Uint8Array): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, file);
}

/** Files `writeAtomic` left behind when a process died between writing and renaming. */
export function removeTemporaries(dir: string): void {
  const names = new Set<string>(Object.values(SWEEP_FILES));
  for (const f of readdirSync(dir)) {
    const m = /^(.*)\.[0-9]+\.tmp$/.exec(f);
    if (m && names.has(m[1])) rmSync(join(dir, f), { force: true });
  }
}
