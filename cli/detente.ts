import { InputError, parseCommandArgs, UsageError, type CommandIO } from './command';
import { commands } from './commands/index';
// the version alone, from its own small module: --help and --version answer without loading the model
import { VERSION } from '../sim/version';
import { EXIT } from './exitCodes';

function topHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return `Détente ${VERSION}: an agent-based simulator of multi-track de-escalation.

Usage: detente <command> [options]

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`).join('\n')}

Options:
  -h, --help      show this help (detente <command> --help for a command's)
  -V, --version   print Détente's version

Exit codes: 0 ok, 1 bad input or output, 2 usage error, 3 a claim failed,
4 some runs failed, 70 internal error, 130 interrupted.
`;
}

/**
 * The command line: dispatches to a command and maps errors to exit codes (1 bad input, 2 usage,
 * 70 internal error; see exitCodes.ts).
 * Resolves to the exit code; never calls process.exit, so stdout drains before Node quits.
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
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`detente ${cmd.name}: ${e.message}\nRun "detente ${cmd.name} --help" for usage.\n`);
      return EXIT.usage;
    }
    if (e instanceof InputError) {
      io.stderr.write(e.lines.map((l) => `${l}\n`).join(''));
      return EXIT.input;
    }
    io.stderr.write(`detente ${cmd.name}: internal error (please report it): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.internal;
  }
}

/** Runs `main` on this process's arguments and streams. */
export async function cli(): Promise<void> {
  // a closed pipe (detente run … | head) ends the output: stop quietly, as Unix tools do
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  process.exitCode = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
}
