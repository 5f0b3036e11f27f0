import { describeRuns } from '../../sim/compare/index';
import type { Configuration } from './configurations';
import { el } from './dom';
import { estimateCell } from './estimateCell';
import { OUTCOME_LABELS, SHOWN_OUTCOMES } from './outcomeLabels';

const heading = (key: (typeof SHOWN_OUTCOMES)[number]) => {
  const o = OUTCOME_LABELS[key]!;
  return el('th', { scope: 'col' }, o.label, el('span', { class: 'unit', text: o.unit }));
};

/**
 * Fills `table` with one row per configuration: each outcome's mean (a share for de-escalation)
 * with its 95 % confidence interval and the number of runs behind it. The last run is marked
 * when the settings have changed since it ran.
 */
export function summaryTable(table: HTMLTableElement, configurations: readonly Configuration[]): void {
  table.replaceChildren(
    el('caption', { text: 'Each configuration\'s runs: the mean and its 95 % confidence interval (t-interval; Wilson\'s for the share that de-escalated), and n, the runs behind it. Fewer than 10 runs give no interval.' }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Settings' }), el('th', { scope: 'col', text: 'Runs' }), ...SHOWN_OUTCOMES.map(heading))),
    el('tbody', {}, ...configurations.map((c) => {
      const stats = describeRuns({ summaries: c.summaries, ticksPerYear: c.scenario.ticksPerYear });
      const name = el('th', { scope: 'row', text: c.name });
      if (c.stale) name.append(el('span', { class: 'stale', text: 'settings changed since: press Run to update' }));
      return el('tr', { 'data-row': c.id, 'data-stale': c.stale },
        name,
        el('td', { 'data-label': 'Runs', text: String(c.summaries.length) }),
        ...SHOWN_OUTCOMES.map((k) => {
          const cell = estimateCell(stats[k], { digits: OUTCOME_LABELS[k]!.digits, share: k === 'deescalated', of: k === 'yearsToDeescalation' ? 'runs that de-escalated' : 'runs' });
          // data-label repeats the column's header, for the stacked layout on narrow screens
          cell.dataset.label = OUTCOME_LABELS[k]!.label;
          return cell;
        }));
    })),
  );
}
