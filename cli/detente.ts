import { InputError, OutputClosed, OutputError, parseCommandArgs, UsageError, type CommandIO } from './command';
import { commands } from './commands/index';
// the version alone, from its own small module: --help and --version answer without loading the model
import { VERSION } from '../sim/version';
import { EXIT } from './exitCodes';
import { isWriteFailure, outputFailure } from './sink';

function topHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return `Détente ${VERSION}: an agent-based simulator of multi-track de-escalation.

Usage: detente <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Options:
  -h, --help      show this help (detente <command> --help for a command's)
  -V, --version   print Détente's version

Exit codes: 0 ok, 1 bad input or output that cannot be written, 2 usage error, 3 a claim
failed, 4 some runs failed, 70 internal error (a bug: please report it), 130 interrupted.
`;
}

/**
 * The command line: dispatches to a command and maps errors to exit codes (see exitCodes.ts): 1 bad
 * input or unwritable output, 2 usage, 70 anything else, which is a bug. Resolves to the exit
 * code; never calls process.exit, so stdout drains before Node quits.
 */
export async function main(argv: string[], io: CommandIO): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '-h' || first === '--help') {
    io.stdout.write(topHelp());
    return 0;
  }
  if (first === '-V' || first === '--version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (first === 'help' && rest.length <= 1) {
    const cmd = commands.find((c) => c.name === rest[0]);
    io.stdout.write(cmd ? cmd.help : topHelp());
    return cmd || rest.length === 0 ? 0 : 2;
  }
  const cmd = commands.find((c) => c.name === first);
  if (!cmd) {
    const what = first === undefined ? 'no command given' : first.startsWith('-') ? `unknown option "${first}"` : `unknown command "${first}"`;
    io.stderr.write(`detente: ${what}\n\n${topHelp()}`);
    return 2;
  }
  try {
    const args = parseCommandArgs(cmd, rest);
    if (args.values.help) {
      io.stdout.write(cmd.help);
      return 0;
    }
    return await cmd.run(args, io);
  } catch (caught) {
    // a command writing straight to stdout (not through a sink) sees the system error itself
    const e = isWriteFailure(caught) ? outputFailure('stdout', caught) : caught;
    if (e instanceof UsageError) {
      io.stderr.write(`detente ${cmd.name}: ${e.message}\nRun "detente ${cmd.name} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.stderr.write(e.lines.map((l) => `${l}\n`).join(''));
      return EXIT.input;
    }
    if (e instanceof OutputError) {
      io.stderr.write(`detente ${cmd.name}: ${e.message}\n`);
      return EXIT.input;
    }
    if (e instanceof OutputClosed) return EXIT.ok;
    io.stderr.write(`detente ${cmd.name}: internal error: this is a bug in Détente, not a problem with your input.
Please report it with the command line you ran, the scenario file and the text below (Détente ${VERSION}, Node ${process.version}):
${e instanceof Error ? (e.stack ?? e.message) : String(e)}
`);
    return EXIT.internal;
  }
}

/** Runs `main` on this process's arguments and streams. */
export async function cli(): Promise<void> {
  // a closed pipe (detente run … | head) ends the output: stop quietly, as Unix tools do; any
  // other failure of stdout that no command caught is reported
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    const failure = outputFailure('stdout', e);
    const command = commands.find((c) => c.name === process.argv[2]);
    if (failure instanceof OutputError) process.stderr.write(`detente${command ? ` ${command.name}` : ''}: ${failure.message}\n`);
    process.exit(failure instanceof OutputError ? 1 : 0);
  });
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
