import { execFile } from 'node:child_process';
import { Writable } from 'node:stream';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, where the CLI runs as a user would run it from the checkout. */
export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const BIN = 'cli/detente.mjs';
/** A path inside the repository, absolute. */
export const fromRoot = (path: string) => join(ROOT, path);
export const SCENARIO = 'scenarios/intrastate-conflict.json';
/** Overrides that keep the default scenario small, so each run takes milliseconds. */
export const SMALL = ['--set', 'parties.0.population=200', '--set', 'parties.1.population=200'];

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real bin (node cli/detente.mjs …) in the checkout and collects its exit code and streams. */
export function detente(args: readonly string[]): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: 60_000 }, (err, stdout, stderr) => {
      if (err && typeof err.code !== 'number') return reject(err);
      resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
    });
  });
}

/** CSV text as header and rows of cells (the CLI's cells hold no commas or quotes). */
export function parseCSV(text: string): { header: string[]; rows: string[][] } {
  const lines = text.split('\n');
  expectTrailingNewline(text);
  const [head, ...rest] = lines.slice(0, -1);
  return { header: head.split(','), rows: rest.map((l) => l.split(',')) };
}

function expectTrailingNewline(text: string): void {
  if (!text.endsWith('\n')) throw new Error('CSV output must end with a newline');
}

/**
 * Calls the CLI's `main` in this process with captured streams (each piece written to stdout is
 * also passed to `onStdout`): the same code as the bin minus the bootstrap, for the many cases
 * that would each cost a Node start-up if spawned. Paths given to it must be absolute (see
 * `fromRoot`), since the test's working directory may differ.
 */
export async function mainIn(args: readonly string[], onStdout?: (chunk: string) => void): Promise<Outcome> {
  const { main } = await import('../../../cli/detente.ts');
  const stdout = capture(onStdout);
  const stderr = capture();
  const code = await main([...args], { stdout: stdout.stream, stderr: stderr.stream });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function capture(onChunk?: (chunk: string) => void): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      chunks.push(String(chunk));
      onChunk?.(String(chunk));
      done();
    },
  });
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('') };
}
