import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Where a command writes: stdout carries data only; stderr carries messages and progress. */
export interface CommandIO {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/**
 * A subcommand of `detente`. Adding one is a file in cli/commands/ exporting a Command, plus its
 * line in cli/commands/index.ts.
 */
export interface Command {
  name: string;
  /** One line for the top-level help. */
  summary: string;
  /** The command's full `--help` text. */
  help: string;
  /** Options for node:util parseArgs (`help` is added to every command). */
  options: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments it takes. */
  positionals: { min: number; max: number; names: string };
  /** Runs with the parsed options; resolves to the exit code. */
  run(args: { values: Record<string, unknown>; positionals: string[] }, io: CommandIO): Promise<number>;
}

/** A mistake in how the command was called: exit code 2, with a pointer to `--help`. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Input that cannot be used (unreadable file, invalid JSON or scenario, bad override): exit code 1. */
export class InputError extends Error {
  /** One line per problem. */
  constructor(readonly lines: string[]) {
    super(lines.join('\n'));
    this.name = 'InputError';
  }
}

/** Output that could not be written (a full disk, a missing folder): exit code 1, naming the target and the reason. */
export class OutputError extends Error {
  constructor(readonly target: string, readonly reason: string) {
    super(`cannot write ${target}: ${reason}`);
    this.name = 'OutputError';
  }
}

/** Stdout's reader has gone (`detente run … | head`): the command stops quietly with exit code 0, as Unix tools do. */
export class OutputClosed extends Error {
  constructor() {
    super('stdout was closed');
    this.name = 'OutputClosed';
  }
}

/** Parses a command's arguments strictly; unknown options and extra arguments are UsageErrors. */
export function parseCommandArgs(cmd: Command, argv: string[]): { values: Record<string, unknown>; positionals: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: { ...cmd.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    // parseArgs reports usage mistakes as TypeErrors with ERR_PARSE_ARGS_* codes
    if (e instanceof TypeError && String((e as { code?: string }).code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(e.message);
    }
    throw e;
  }
  const values = parsed.values as Record<string, unknown>;
  if (values.help) return { values, positionals: parsed.positionals };
  const n = parsed.positionals.length;
  if (n < cmd.positionals.min) throw new UsageError(`${cmd.name} needs ${cmd.positionals.names}`);
  if (n > cmd.positionals.max) {
    throw new UsageError(`unexpected argument${n - cmd.positionals.max > 1 ? 's' : ''} ${parsed.positionals.slice(cmd.positionals.max).map((p) => `"${p}"`).join(', ')}`);
  }
  return { values, positionals: parsed.positionals };
}

/** Reads an integer flag in [min, max]; anything else is a UsageError naming the flag. */
export function integerFlag(values: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const text = String(raw).trim();
  const x = /^[0-9]+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(x) || x < min || x > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}; got "${raw}"`);
  }
  return x;
}
