import { compareRuns } from '../../sim/compare/index';
import type { Configuration } from './configurations';
import { el } from './dom';
import { estimateCell } from './estimateCell';
import { OUTCOME_LABELS, SHOWN_OUTCOMES } from './outcomeLabels';

/**
 * Fills `table` with each configuration's difference from `baseline`, paired by seed: per
 * outcome the mean of the per-seed differences with its 95 % t-interval (for the share that
 * de-escalated, the difference of paired shares with Newcombe's interval), and the pairs behind
 * it. Hidden when there is nothing to compare.
 */
export function differenceTable(table: HTMLTableElement, baseline: Configuration | undefined, others: readonly Configuration[]): void {
  table.hidden = !baseline || !others.length;
  if (!baseline || !others.length) return void table.replaceChildren();
  const base = { summaries: baseline.summaries, ticksPerYear: baseline.scenario.ticksPerYear };
  table.replaceChildren(
    el('caption', { text: `Difference from “${baseline.name}”, paired by seed: the mean of the per-seed differences with its 95 % confidence interval (t-interval; Newcombe's interval for paired shares), and n, the pairs of runs behind it. “Higher” or “lower” when the interval excludes zero. Fewer than 10 pairs give no interval.` }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: `Compared with ${baseline.name}` }), el('th', { scope: 'col', text: 'Pairs' }),
      ...SHOWN_OUTCOMES.map((k) => el('th', { scope: 'col', text: OUTCOME_LABELS[k]!.label })))),
    el('tbody', {}, ...others.map((c) => {
      const d = compareRuns({ summaries: c.summaries, ticksPerYear: c.scenario.ticksPerYear }, base);
      const row = el('tr', { 'data-row': c.id }, el('th', { scope: 'row', text: c.name }), el('td', { 'data-label': 'Pairs', text: String(d.pairs) }));
      if (!d.pairs) row.append(el('td', { colspan: SHOWN_OUTCOMES.length, class: 'few', text: 'No run shares a seed with the baseline: set the same seed to compare run by run.' }));
      else row.append(...SHOWN_OUTCOMES.map((k) => {
        const td = estimateCell(d.outcomes[k], {
          digits: OUTCOME_LABELS[k]!.digits, share: k === 'deescalated', difference: true, of: k === 'yearsToDeescalation' ? 'pairs that both de-escalated' : 'pairs',
        });
        // the column's header, for the stacked layout on narrow screens
        td.dataset.label = OUTCOME_LABELS[k]!.label;
        return td;
      }));
      return row;
    })),
  );
}
