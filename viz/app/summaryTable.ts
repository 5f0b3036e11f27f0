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
/** Column headers: plain words first, the model's measure after. */
const HEAD = ['Settings', 'Runs', 'Worst escalation (peak X, 0–1)', 'Total escalation (area under X, X·years)', 'Years until calm (time to de-escalation)', 'Settlements signed', 'Settlements collapsed'];

/** Fills `table` with each ensemble's median and 90 % interval of the summary measures. */
export function summaryTable(table: HTMLTableElement, rows: readonly SummaryRow[]): void {
  table.replaceChildren(
    el('caption', { text: 'Typical value (median) and, in brackets, the range of the middle 90 % of the runs' }),
    el('thead', {}, el('tr', {}, ...HEAD.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...rows.map((r) => {
      const t = r.stats.timeToDeescalation;
      const years = { ...t, median: t.median / r.ticksPerYear, lo: t.lo / r.ticksPerYear, hi: t.hi / r.ticksPerYear };
      const share = `${Math.round(r.stats.shareDeescalated * 100)} % de-escalated`;
      // data-label repeats the column's header, for the stacked layout on narrow screens
      const td = (k: number, text: string, cls?: string) => el('td', { 'data-label': HEAD[k], class: cls, text });
      return el('tr', { 'data-row': r.id },
        el('th', { scope: 'row', text: r.name }),
        td(1, String(r.stats.runs)),
        td(2, cellOf(r.stats.peakX)),
        td(3, cellOf(r.stats.areaX, format('.1f'))),
        td(4, `${cellOf(years, format('.1f'))}\n${share}`, 'two-line'),
        td(5, cellOf(r.stats.settlements, format('.0f'))),
        td(6, cellOf(r.stats.collapses, format('.0f'))));
    })),
  );
}
