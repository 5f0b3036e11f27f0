import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARBITRARIES } from './helpers/arbitraries';
import { runTarget, TARGETS, type TargetName } from './helpers/targets';

/*
 * A short pass of `npm run fuzz` inside the test suite: the same generators and checks, in this
 * process (vitest's timeout stands in for the workers'), from fixed seeds. Each input must run
 * with finite, in-range results or be refused naming the field; runTarget throws otherwise.
 */
const RUNS: Record<TargetName, number> = { scenario: 250, overrides: 300, kernel: 3000, share: 120, experiment: 200 };

describe('fuzzing every entry point (a short pass; npm run fuzz runs 10^5 cases)', () => {
  it.each(TARGETS)('runTarget(%s) runs or refuses at a field every generated input: no crash, NaN or unnamed refusal', async (target) => {
    const kinds: Record<string, number> = {};
    await fc.assert(fc.asyncProperty(ARBITRARIES[target] as fc.Arbitrary<never>, async (input) => {
      const outcome = await runTarget(target, input);
      kinds[outcome.kind] = (kinds[outcome.kind] ?? 0) + 1;
    }), { numRuns: RUNS[target], seed: 20261127 + TARGETS.indexOf(target) });
    // the generators reach both sides: inputs that run and inputs that are refused
    expect(kinds.ran, JSON.stringify(kinds)).toBeGreaterThan(RUNS[target] / 10);
    expect(kinds.refused, JSON.stringify(kinds)).toBeGreaterThan(RUNS[target] / 10);
  }, 180_000);
});
