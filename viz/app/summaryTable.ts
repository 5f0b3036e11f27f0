import { format } from 'd3';
import type { EnsembleStats, Interval } from '../../sim/ensemble';
import { el } from './dom';

/** One row of the summary table: an ensemble's statistics, named. */
export interface SummaryRow {
  /** The row's `data-row` attribute: "current" or "variant-<k>". */
  id: string;
  name: string;
  stats: EnsembleStats;
  /** Ticks per year of the scenario, to give times in years. */
  ticksPerYear: number;
}

const f2 = format('.2f');
const cellOf = (i: Interval, f = f2) => (i.n ? `${f(i.median)} [${f(i.lo)}–${f(i.hi)}]` : '—');
const HEAD = ['Configuration', 'Runs', 'Peak X', 'Area under X (X·years)', 'Time to de-escalation (years)', 'Settlements', 'Collapses'];

/** Fills `table` with each ensemble's median and 90 % interval of the summary measures. */
export function summaryTable(table: HTMLTableElement, rows: readonly SummaryRow[]): void {
  table.replaceChildren(
    el('caption', { text: 'Median [90 % interval] over the runs of each ensemble' }),
    el('thead', {}, el('tr', {}, ...HEAD.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...rows.map((r) => {
      const t = r.stats.timeToDeescalation;
      const years = { ...t, median: t.median / r.ticksPerYear, lo: t.lo / r.ticksPerYear, hi: t.hi / r.ticksPerYear };
      const share = `${Math.round(r.stats.shareDeescalated * 100)} % de-escalated`;
      return el('tr', { 'data-row': r.id },
        el('th', { scope: 'row', text: r.name }),
        el('td', { text: String(r.stats.runs) }),
        el('td', { text: cellOf(r.stats.peakX) }),
        el('td', { text: cellOf(r.stats.areaX, format('.1f')) }),
        el('td', { class: 'two-line', text: `${cellOf(years, format('.1f'))}\n${share}` }),
        el('td', { text: cellOf(r.stats.settlements, format('.0f')) }),
        el('td', { text: cellOf(r.stats.collapses, format('.0f')) }));
    })),
  );
}
