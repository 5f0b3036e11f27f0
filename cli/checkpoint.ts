import { randomBytes } from 'node:crypto';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { readSavedRun, SavedRunError, type RunSummary, type SavedRun } from '../sim/index';
import { InputError } from './command';
import { outputFailure } from './sink';

/**
 * What `detente run --checkpoint` keeps beside the saved run: the options that shape the output
 * (a checkpoint continues only the same command), the bytes of output written when it was saved
 * (every finished run's; the current run's rows are written once it finishes), and the finished
 * runs' summaries when the ensemble's statistics need them (--summary).
 */
export interface CheckpointShell {
  runs: number;
  format: 'csv' | 'json';
  summary: boolean;
  output: number;
  summaries: RunSummary[];
}

/** Writes a checkpoint whole or not at all (a temporary file beside it, renamed), so a kill while saving leaves the last one. */
export async function writeCheckpoint(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, bytes);
    await rename(tmp, file);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw outputFailure(file, e);
  }
}

/** Removes the checkpoint of a run that has finished: its output is complete and in place. */
export async function removeCheckpoint(file: string): Promise<void> {
  await unlink(file).catch(() => undefined);
}

/**
 * Reads a checkpoint for `--resume-from`, refusing (InputError) a file that is not one, one saved
 * by another version of Détente, or one of another command (its runs, format or --summary).
 * Whether it is of the same scenario is checked when the run resumes (resumeSavedRun).
 */
export async function readCheckpoint(file: string, want: Omit<CheckpointShell, 'output' | 'summaries'>): Promise<{ saved: SavedRun; shell: CheckpointShell }> {
  const fail = (why: string) => new InputError([`--resume-from ${file}: ${why}`]);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (e) {
    throw fail(`cannot read it: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let saved: SavedRun;
  try {
    saved = readSavedRun(bytes);
  } catch (e) {
    if (e instanceof SavedRunError) throw fail(e.message);
    throw e;
  }
  const shell = saved.shell as Partial<CheckpointShell> | undefined;
  if (!shell || !Number.isSafeInteger(shell.output) || (shell.output as number) < 0 || !Array.isArray(shell.summaries)) throw fail('not a checkpoint of detente run (a saved run without its output position)');
  const differ = (Object.keys(want) as (keyof typeof want)[]).filter((k) => shell[k] !== want[k]);
  if (differ.length) {
    throw fail(`it is of another command: ${differ.map((k) => `${k === 'summary' ? '--summary' : `--${k}`} was ${String(shell[k])}, now ${String(want[k])}`).join(', ')}; resume with the options it was saved with`);
  }
  if (saved.run > want.runs || shell.summaries.length > want.runs) throw fail('a damaged checkpoint (its run is beyond the ensemble)');
  return { saved, shell: shell as CheckpointShell };
}
