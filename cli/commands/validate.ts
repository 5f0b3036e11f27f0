import type { Command } from '../command';

/** `detente validate <scenario.json>`: checks a scenario file; exit 0 if valid, 1 with one line per problem. */
export const validate: Command = {
  name: 'validate',
  summary: 'check a scenario file and name every field at fault',
  positionals: { min: 1, max: 1, names: 'a scenario file: detente validate <scenario.json>' },
  options: {
    set: { type: 'string', multiple: true },
  },
  help: `Usage: detente validate <scenario.json> [--set path=value ...]

Checks a scenario file against the scenario format (scenarios/scenario.schema.json) and the
model's further rules (party names, network sizes, the kernel formula, memory needed).

If it is valid, prints "valid: <name>" on stderr and exits 0. Otherwise prints one line per
problem on stderr, "path: message" (paths are dot-separated with 0-based indices, as --set takes
them), and exits 1. Nothing is written to stdout.

Options:
  --set path=value   change a field before checking, as in detente run (repeatable)
  -h, --help         show this help

Examples:
  detente validate scenarios/intrastate-conflict.json
  detente validate my-scenario.json --set parties.1.power=2

Exit codes: 0 valid, 1 invalid or unreadable, 2 usage error, 70 internal error (a bug).
`,
  async run({ values, positionals }, io) {
    // loaded here, not at the top: see run.ts on mathjs
    const { loadScenario } = await import('../loadScenario');
    const scenario = await loadScenario(positionals[0], { set: values.set as string[] | undefined });
    io.stderr.write(`valid: ${scenario.name}\n`);
    return 0;
  },
};
