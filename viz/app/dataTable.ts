import { el } from './dom';
import type { ChartTable } from './runCharts';

/** Replaces `container`'s content with `t` as an HTML table: a caption, column headers, and each row's first cell as its row header. */
export function dataTable(container: HTMLElement, t: ChartTable): HTMLTableElement {
  const table = el('table', {},
    el('caption', { text: t.caption }),
    el('thead', {}, el('tr', {}, ...t.columns.map((c) => el('th', { scope: 'col', text: c })))),
    el('tbody', {}, ...t.rows.map((r) => el('tr', {}, ...r.map((cell, k) => (k === 0 ? el('th', { scope: 'row', text: cell }) : el('td', { text: cell })))))));
  container.replaceChildren(table);
  return table;
}
