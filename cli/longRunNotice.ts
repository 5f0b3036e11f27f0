import { formatDuration } from '../sim/cost';

/** Runs estimated to take longer than this (seconds of one core, or of each worker) are announced before they start. */
export const NOTICE_SECONDS = 60;

/** What a long run is announced with: the command, its estimate, its agent-updates, and how to stop and resume it. */
export interface LongRun {
  /** "detente run". */
  label: string;
  /** Estimated seconds (estimateSeconds, divided among workers if any). */
  seconds: number;
  agentUpdates: number;
  /** "on one core", "on 2 workers". */
  on: string;
  /** How to stop it and go on later. */
  resume: string;
}

/**
 * The line (with its newline) announcing a run that will take longer than NOTICE_SECONDS, or
 * nothing for a shorter one: it goes to stderr, so output on stdout stays the data alone.
 */
export function longRunNotice(r: LongRun): string | undefined {
  if (!(r.seconds > NOTICE_SECONDS)) return undefined;
  const updates = r.agentUpdates > 0 ? ` (${r.agentUpdates.toExponential(1).replace('e+', 'e')} agent-updates)` : '';
  return `${r.label}: this will take ${formatDuration(r.seconds)} ${r.on}${updates}; ${r.resume}\n`;
}
