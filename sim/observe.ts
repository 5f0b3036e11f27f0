import type { SimState } from './state';
import { glaslStage } from './rules/escalation';
import { POWER_BASE_TRACKS, powerBaseColumn } from './tracks/tracks';

/** Columns every run records, in CSV order, before the per-party and per-track ones. */
export const BASE_COLUMNS = ['run', 'seed', 'tick', 'X', 'T', 'C', 'U', 'E', 'incidents', 'trackOne', 'settlements', 'collapses', 'B'] as const;
/** Columns recorded after the per-party and per-track ones. */
export const EXTRA_COLUMNS = ['V', 'R', 'stage'] as const;

/** The column names of a run whose parties are named `parties`, in CSV order. */
export function columnNames(parties: readonly string[]): string[] {
  return [
    ...BASE_COLUMNS,
    ...parties.flatMap((p) => [`H_${p}`, `F_${p}`]),
    ...POWER_BASE_TRACKS.map(powerBaseColumn),
    ...EXTRA_COLUMNS,
    ...parties.map((p) => `power_${p}`),
  ];
}

/** Result columns: one Float64Array per column name, all of the same length (rows). */
export interface Columns {
  names: string[];
  data: Record<string, Float64Array>;
  rows: number;
}

export function createColumns(names: string[], rows: number): Columns {
  const data: Record<string, Float64Array> = {};
  for (const n of names) data[n] = new Float64Array(rows);
  return { names, data, rows: 0 };
}

/**
 * Appends the observation of `state` (MODEL.md §8) as the next row. The writers are listed in
 * column order so the record stays in step with columnNames.
 */
export function observe(cols: Columns, state: Readonly<SimState>, run: number, partyNames: readonly string[]): void {
  const r = cols.rows++;
  const d = cols.data;
  d.run[r] = run;
  d.seed[r] = state.seed;
  d.tick[r] = state.tick;
  d.X[r] = state.escalation;
  d.T[r] = state.dyad[0];
  d.C[r] = state.dyad[1];
  d.U[r] = state.dyad[2];
  d.E[r] = state.dyad[3];
  d.incidents[r] = state.incidents[0] + state.incidents[1];
  d.trackOne[r] = state.trackOne;
  d.settlements[r] = state.settlements;
  d.collapses[r] = state.collapses;
  d.B[r] = state.powerBase;
  partyNames.forEach((p, k) => {
    d[`H_${p}`][r] = state.hostility[k];
    d[`F_${p}`][r] = state.meanFear[k];
    d[`power_${p}`][r] = state.power[k];
  });
  for (const t of POWER_BASE_TRACKS) d[powerBaseColumn(t)][r] = state.powerBaseByTrack[t.number];
  d.V[r] = state.violence;
  d.R[r] = state.ripeness;
  d.stage[r] = glaslStage(state.escalation);
}

/**
 * Histograms of anger and fear in each party at the current state: `bins` equal bins on [0, 1]
 * as shares of the party, laid out [party0 anger, party0 fear, party1 anger, party1 fear].
 */
export function distributions(state: Readonly<SimState>, bins: number): Float64Array {
  const out = new Float64Array(4 * bins);
  for (let p = 0; p < 2; p++) {
    const from = state.partyStart[p];
    const to = state.partyStart[p + 1];
    const share = to > from ? 1 / (to - from) : 0;
    for (let i = from; i < to; i++) {
      out[(2 * p) * bins + Math.min(bins - 1, Math.floor(state.anger[i] * bins))] += share;
      out[(2 * p + 1) * bins + Math.min(bins - 1, Math.floor(state.fear[i] * bins))] += share;
    }
  }
  return out;
}
