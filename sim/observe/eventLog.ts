import { csvFormatRows } from 'd3-dsv';
import type { ModelEvent } from './modelEvents';

/*
 * The event log: every model event of every run, one row each, as CSV or JSON. The CLI
 * (`detente run --event-log FILE`) writes it run by run as runs finish and the web app all at
 * once, from these same pieces, so both give the same bytes for the same scenario, seed and runs.
 */

/** The event log's columns, in order. */
export const EVENT_LOG_COLUMNS = ['run', 'seed', 'tick', 'type', 'actor', 'party', 'why'] as const;

/** The formats of an event log, chosen by the file's extension. */
export type EventLogFormat = 'csv' | 'json';

/** The format a file name asks for (".csv" or ".json", any case), or undefined. */
export function eventLogFormat(file: string): EventLogFormat | undefined {
  const m = /\.(csv|json)$/i.exec(file);
  return m ? (m[1].toLowerCase() as EventLogFormat) : undefined;
}

/** One run's events, with the run's number and seed. */
export interface RunEvents {
  run: number;
  seed: number;
  events: readonly ModelEvent[];
}

/** The text that opens a log: the CSV header line, or the opening of the JSON array. */
export function eventLogStart(format: EventLogFormat): string {
  return format === 'csv' ? csvFormatRows([EVENT_LOG_COLUMNS.slice()]) + '\n' : '[';
}

/**
 * One run's rows. `first` says whether rows came before it in a JSON log (which separates them
 * with commas); an actor or party that does not apply is an empty cell, or null in JSON.
 */
export function eventLogRows(format: EventLogFormat, r: RunEvents, o: { first: boolean }): string {
  if (!r.events.length) return '';
  if (format === 'csv') {
    return csvFormatRows(r.events.map((e) => [String(r.run), String(r.seed), String(e.tick), e.type, e.actor?.name ?? '', e.party?.name ?? '', e.why])) + '\n';
  }
  return r.events.map((e, k) => `${o.first && k === 0 ? '' : ','}\n${JSON.stringify({ run: r.run, seed: r.seed, tick: e.tick, type: e.type, actor: e.actor?.name ?? null, party: e.party?.name ?? null, why: e.why })}`).join('');
}

/** The text that closes a log. */
export function eventLogEnd(format: EventLogFormat): string {
  return format === 'csv' ? '' : '\n]\n';
}

/** A whole event log of these runs, in order. */
export function eventLog(format: EventLogFormat, runs: readonly RunEvents[]): string {
  let out = eventLogStart(format);
  let first = true;
  for (const r of runs) {
    out += eventLogRows(format, r, { first });
    if (r.events.length) first = false;
  }
  return out + eventLogEnd(format);
}
