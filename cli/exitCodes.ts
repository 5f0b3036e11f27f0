/**
 * The exit codes of every `detente` command (README's table): one meaning each, whatever the
 * command. 70 is sysexits' EX_SOFTWARE; 130 is the shell's 128 + SIGINT.
 */
export const EXIT = {
  ok: 0,
  /** Input or output: an unreadable or invalid file, an unusable output directory. */
  input: 1,
  usage: 2,
  /** `detente claims`: a claim does not hold, or its control does not remove it. */
  claimFailed: 3,
  /** `detente sweep` and `merge`: some runs failed (or, for merge, are missing). */
  runsFailed: 4,
  internal: 70,
  interrupted: 130,
} as const;
