import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { determinismHash, libraryScenarios } from '../scripts/write-determinism';

/*
 * The model's output, pinned: the CLI's CSV (seed 1, 3 runs) of every library scenario hashes to
 * the committed fixture. A refactor or a speed-up keeps these; only a deliberate change of the
 * model regenerates them (npm run fixtures), with the reason in docs/ODD.md and a version bump.
 */
describe('determinism fixtures', () => {
  const files = libraryScenarios();
  it('cover every library scenario', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });
  it.each(files)('detente run %s --seed 1 --runs 3 gives the committed CSV', async (f) => {
    const want = readFileSync(new URL(`fixtures/determinism/${f.replace(/\.json$/, '')}.csv.sha256`, import.meta.url), 'utf8').trim();
    expect(await determinismHash(f)).toBe(want);
  }, 60_000);
});
