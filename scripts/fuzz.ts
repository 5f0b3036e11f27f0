/*
 * npm run fuzz: fast-check over every entry point (scenario files, --set overrides, kernel
 * formulas, share links, experiment files), each case in a worker thread with a timeout and a memory limit.
 * Every input must either run with finite, in-range results or be refused naming the field; a
 * crash, a hang, a NaN, an internal error or unbounded allocation is a failure.
 *
 *   npm run fuzz                           10^5 cases from a random seed (printed)
 *   npm run fuzz -- --cases 2000 --seed 7  fewer cases, a given seed
 *   npm run fuzz -- --target kernel --seed 7 --chunk 1 --path 123 --shrink
 *                                          replay one case (as printed after a failure)
 */
import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ARBITRARIES } from '../tests/fuzz/helpers/arbitraries';
import { FuzzPool, type CaseResult } from '../tests/fuzz/helpers/pool';
import { TARGETS, type TargetName } from '../tests/fuzz/helpers/targets';

/** Share of the cases each target gets. */
const SHARE: Record<TargetName, number> = { scenario: 0.3, overrides: 0.2, kernel: 0.2, share: 0.15, experiment: 0.15 };

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100000' },
    seed: { type: 'string' },
    target: { type: 'string' },
    workers: { type: 'string', default: '2' },
    timeout: { type: 'string', default: '30000' },
    memory: { type: 'string', default: '1024' },
    chunk: { type: 'string' },
    path: { type: 'string' },
    shrink: { type: 'boolean', default: false },
  },
});
const cases = Number(values.cases);
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const workers = Math.max(1, Number(values.workers));
const targets = values.target ? [values.target as TargetName] : TARGETS;
if (targets.some((t) => !TARGETS.includes(t))) throw new Error(`--target must be one of ${TARGETS.join(', ')}`);

interface Tally {
  cases: number;
  kinds: Record<string, number>;
  details: Record<string, number>;
  failures: string[];
  slowest: { ms: number; chunk: number; index: number; input: unknown } | undefined;
}

const pool = new FuzzPool({ workers, timeoutMs: Number(values.timeout), memoryMb: Number(values.memory) });
const started = performance.now();
let done = 0;
const progress = setInterval(() => {
  const s = (performance.now() - started) / 1000;
  process.stderr.write(`  ${done.toLocaleString('en')} cases in ${s.toFixed(0)} s (${(done / s).toFixed(0)} a second)\n`);
}, 15_000);

/** The seed of chunk `c` of a target: chunks run side by side, one per worker, each replayable alone. */
const chunkSeed = (t: TargetName, c: number) => seed + TARGETS.indexOf(t) * 1000 + c;

async function fuzzTarget(t: TargetName): Promise<Tally> {
  const tally: Tally = { cases: 0, kinds: {}, details: {}, failures: [], slowest: undefined };
  const total = values.path !== undefined ? 1 : Math.max(1, Math.round(cases * (values.target ? 1 : SHARE[t])));
  const chunks = values.chunk !== undefined ? [Number(values.chunk)] : Array.from({ length: workers }, (_, c) => c);
  await Promise.all(chunks.map(async (c) => {
    let index = values.path !== undefined ? Number(values.path.split(':')[0]) : 0;
    const numRuns = Math.ceil(total / chunks.length);
    const property = fc.asyncProperty(ARBITRARIES[t] as fc.Arbitrary<never>, async (input) => {
      const at = index++;
      const r: CaseResult = await pool.run(t, input);
      tally.cases++;
      done++;
      if (!tally.slowest || r.ms > tally.slowest.ms) tally.slowest = { ms: r.ms, chunk: c, index: at, input };
      if ('failure' in r) throw new Error(r.failure);
      tally.kinds[r.outcome.kind] = (tally.kinds[r.outcome.kind] ?? 0) + 1;
      const key = `${r.outcome.kind} ${r.outcome.detail}`;
      tally.details[key] = (tally.details[key] ?? 0) + 1;
    });
    const result = await fc.check(property, {
      numRuns, seed: chunkSeed(t, c), ...(values.path !== undefined && { path: values.path }), endOnFailure: !values.shrink,
    });
    if (result.failed) {
      const example = JSON.stringify(result.counterexample?.[0]) ?? '';
      tally.failures.push([
        `${t}: ${(result.errorInstance as Error | undefined)?.message ?? "the property failed"}`,
        `  input: ${example.length > 600 ? `${example.slice(0, 600)}… (${example.length} characters)` : example}`,
        `  replay: npm run fuzz -- --target ${t} --seed ${seed} --chunk ${c} --path ${result.counterexamplePath} [--shrink]`,
      ].join('\n'));
    }
  }));
  return tally;
}

console.log(`Fuzzing ${targets.join(', ')}: ${cases.toLocaleString('en')} cases, seed ${seed}, ${workers} workers, ${values.timeout} ms and ${values.memory} MB per case`);
let failed = 0;
try {
  for (const t of targets) {
    const tally = await fuzzTarget(t);
    failed += tally.failures.length;
    const top = Object.entries(tally.details).sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, n]) => `${k} ${n}`).join('; ');
    console.log(`\n${t}: ${tally.cases.toLocaleString('en')} cases — ran ${tally.kinds.ran ?? 0}, valid but over the size limits ${tally.kinds.valid ?? 0}, refused ${tally.kinds.refused ?? 0}; failures ${tally.failures.length}`);
    console.log(`  most frequent: ${top}`);
    if (tally.slowest) {
      const s = tally.slowest;
      const file = join(tmpdir(), `detente-fuzz-slowest-${t}.json`);
      writeFileSync(file, JSON.stringify(s.input) + '\n');
      console.log(`  slowest: ${s.ms.toFixed(0)} ms — replay with --target ${t} --seed ${seed} --chunk ${s.chunk} --path ${s.index}; its input is in ${file}`);
    }
    for (const f of tally.failures) console.log(`\nFAILURE ${f}`);
  }
} finally {
  clearInterval(progress);
  await pool.close();
}
console.log(`\n${done.toLocaleString('en')} cases in ${((performance.now() - started) / 1000).toFixed(0)} s, seed ${seed}: ${failed ? `${failed} failing` : 'no failures'}`);
process.exitCode = failed ? 1 : 0;
