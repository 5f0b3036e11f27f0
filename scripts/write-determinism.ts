/*
 * Writes tests/fixtures/determinism/<scenario>.csv.sha256: the SHA-256 of the CLI's CSV for every
 * library scenario, seed 1, 3 runs (`detente run scenarios/<s>.json --seed 1 --runs 3`). These
 * fixtures pin the model's output: only a deliberate change of the model regenerates them, in a
 * commit of its own that says why in docs/ODD.md and bumps the version.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { main } from '../cli/detente.ts';

const root = new URL('../', import.meta.url);
const out = new URL('tests/fixtures/determinism/', root);

/** The library's scenario files (the generated JSON Schema excluded). */
export function libraryScenarios(): string[] {
  return readdirSync(new URL('scenarios/', root)).filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json')).sort();
}

/** SHA-256 (hex) of `detente run <file> --seed 1 --runs 3` as CSV, run in this process. */
export async function determinismHash(file: string): Promise<string> {
  const hash = createHash('sha256');
  const sink = (onChunk: (c: string) => void) => new Writable({ write(c, _e, done) { onChunk(String(c)); done(); } }) as unknown as NodeJS.WriteStream;
  let err = '';
  const code = await main(['run', new URL(`scenarios/${file}`, root).pathname, '--seed', '1', '--runs', '3'], {
    stdout: sink((c) => hash.update(c)), stderr: sink((c) => (err += c)),
  });
  if (code !== 0) throw new Error(`detente run ${file} exited ${code}: ${err}`);
  return hash.digest('hex');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync(out, { recursive: true });
  for (const f of libraryScenarios()) {
    const h = await determinismHash(f);
    writeFileSync(new URL(`${f.replace(/\.json$/, '')}.csv.sha256`, out), `${h}\n`);
    process.stderr.write(`${f}: ${h}\n`);
  }
}
