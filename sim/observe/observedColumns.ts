import { glaslStage } from '../rules/escalation';
import type { SimState } from '../state';
import { TRACK_COLUMNS } from '../tracks/tracks';

/** What a column reads besides the state: the replicate's number. */
export interface ObserveContext {
  run: number;
}

/** One result column: its name in the CSV header, and how to read its value from a state. */
export interface Column {
  readonly name: string;
  read(state: Readonly<SimState>, o: ObserveContext): number;
}

const column = (name: string, read: Column['read']): Column => ({ name, read });

/** Columns every run records, in CSV order, before the per-party and per-track ones (MODEL.md §8). */
const BASE: readonly Column[] = [
  column('run', (_s, o) => o.run),
  column('seed', (s) => s.seed),
  column('tick', (s) => s.tick),
  column('X', (s) => s.escalation),
  column('T', (s) => s.dyad[0]),
  column('C', (s) => s.dyad[1]),
  column('U', (s) => s.dyad[2]),
  column('E', (s) => s.dyad[3]),
  column('incidents', (s) => s.incidents[0] + s.incidents[1]),
  column('trackOne', (s) => s.trackOne),
  column('settlements', (s) => s.settlements),
  column('collapses', (s) => s.collapses),
  column('B', (s) => s.powerBase),
];

/** Columns recorded after the per-party and per-track ones. */
const EXTRA: readonly Column[] = [
  column('V', (s) => s.violence),
  column('R', (s) => s.ripeness),
  column('stage', (s) => glaslStage(s.escalation)),
];

/**
 * The columns of a run whose parties are named `parties`, in CSV order: the base columns, hostility
 * and mean fear per party, each power-base track's contribution (from the tracks table), V, R and
 * the Glasl stage, and power per party. This table is the one definition of the output: the
 * header is its names and each row its readers.
 */
export function observedColumns(parties: readonly string[]): Column[] {
  return [
    ...BASE,
    ...parties.flatMap((p, k) => [column(`H_${p}`, (s) => s.hostility[k]), column(`F_${p}`, (s) => s.meanFear[k])]),
    ...TRACK_COLUMNS,
    ...EXTRA,
    ...parties.map((p, k) => column(`power_${p}`, (s) => s.power[k])),
  ];
}

/** The column names of a run whose parties are named `parties`, in CSV order. */
export function columnNames(parties: readonly string[]): string[] {
  return observedColumns(parties).map((c) => c.name);
}
