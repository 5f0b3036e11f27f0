import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, integerFlag, UsageError, type Command } from '../command';
import { ROOT } from '../root';

const LIBRARY = fileURLToPath(new URL('scenarios', ROOT));

/** `detente claims`: runs MODEL.md §9's claims as ensemble experiments and prints the table. */
export const claims: Command = {
  name: 'claims',
  summary: 'run the model\'s claims C1–C9 as ensemble experiments and judge them',
  positionals: { min: 0, max: 0, names: 'no arguments' },
  options: {
    runs: { type: 'string' },
    population: { type: 'string' },
    only: { type: 'string' },
    json: { type: 'boolean' },
    markdown: { type: 'boolean' },
    scenarios: { type: 'string' },
  },
  help: `Usage: detente claims [--runs R] [--population N] [--only C1,C2,...] [--json | --markdown]

Runs the claims of the model (C1 proximity, C2 synergy, C3 fragility, C4 timing, C5 commitment,
C6 confidentiality, C7 Richardson, C8 DeGroot, C9 calibration) as ensemble experiments on the
scenario library, with runs paired by seed. For each claim it prints what was compared, the
effect with a 95 % interval, the control that switches the mechanism off, and the verdict.

Options:
  --runs R           runs per ensemble (default 40)
  --population N     agents per party in every scenario (default: each scenario's own)
  --only IDS         comma-separated claims to run, e.g. C1,C3
  --json             print the results as JSON (with Détente's version and the settings)
  --markdown         print the Markdown table used in docs/claims.md
  --scenarios DIR    the scenario library to use (default: the checkout's scenarios/)
  -h, --help         show this help

Examples:
  detente claims
  detente claims --runs 20 --population 500 --only C2,C3

Exit codes: 0 every claim holds and its control removes it, 3 some claim does not,
1 bad input (a scenario missing or invalid), 2 usage error, 70 internal error (a bug).
`,
  async run({ values }, io) {
    const runs = integerFlag(values, 'runs', 2, 100_000) ?? 40;
    const population = integerFlag(values, 'population', 2, 10_000_000);
    const only = values.only !== undefined ? String(values.only).split(',').map((s) => s.trim().toUpperCase()).filter(Boolean) : undefined;
    // an empty list would otherwise mean "no filter" and run every claim
    if (only && !only.length) throw new UsageError('--only names no claims; give their ids, e.g. --only C1,C3');
    // the claims' own public API: experiments built on the engine, which the browser never loads
    const { runClaims, claimsMarkdown, claimsText, passes, CLAIMS } = await import('../../sim/claims/index');
    const { VERSION, ScenarioError } = await import('../../sim/index');
    const known = CLAIMS.map((c) => c.id as string);
    const unknown = only?.filter((id) => !known.includes(id)) ?? [];
    if (unknown.length) throw new UsageError(`--only names unknown claims ${unknown.join(', ')} (known: ${known.join(', ')})`);
    if (values.json && values.markdown) throw new UsageError('choose one of --json and --markdown');
    const dir = values.scenarios ? resolve(String(values.scenarios)) : LIBRARY;
    const load = (name: string) => {
      const file = join(dir, `${name}.json`);
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch (e) {
        throw new InputError([`${file}: ${(e as Error).message}`]);
      }
    };
    const started = Date.now();
    let results;
    try {
      results = runClaims({ runs, population, load }, only, (r) => {
        io.stderr.write(`${r.id} ${r.title}: ${r.holds ? 'holds' : 'fails'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
      });
    } catch (e) {
      // e.g. a --population too small for the network's degree: bad input, not an internal error
      if (!(e instanceof ScenarioError)) throw e;
      const why = population !== undefined ? ` with --population ${population}` : '';
      throw new InputError([`detente claims: a scenario of the experiments is invalid${why}:`, ...e.issues.map((i) => `${i.path || '(scenario)'}: ${i.message}`)]);
    }
    if (values.json) {
      io.stdout.write(JSON.stringify({ detente: VERSION, runs, population: population ?? null, results }, null, 2) + '\n');
    } else if (values.markdown) {
      io.stdout.write(claimsMarkdown(results));
    } else {
      io.stdout.write(claimsText(results));
    }
    return results.every(passes) ? 0 : 3;
  },
};
