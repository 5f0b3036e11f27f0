import { MIN_RUNS_FOR_INTERVAL } from '../../sim/compare/index';
import type { Estimate } from '../../sim/stats/index';
import { el } from './dom';

/** Options of `estimateCell`. */
export interface EstimateCellOptions {
  digits: number;
  /** A share, shown in per cent (a difference of shares in percentage points). */
  share?: boolean;
  /** A difference: signed, with a word for its direction. */
  difference?: boolean;
  /** What n counts (default "runs"). */
  of?: string;
}

const MINUS = '−';

/** `x` with `digits` decimals, a true minus sign, and a plus sign when `signed`; −0 shows as 0. */
function num(x: number, digits: number, signed = false): string {
  const text = Math.abs(x).toFixed(digits);
  const zero = Number(text) === 0;
  return (x < 0 && !zero ? MINUS : signed && !zero ? '+' : '') + text;
}

/**
 * A table cell for an estimate, in words: the value, then its 95 % interval — or "too few runs"
 * when fewer than MIN_RUNS_FOR_INTERVAL runs (or pairs) are behind it — then n. A difference says
 * whether its interval lies above or below zero.
 */
export function estimateCell(e: Estimate, { digits, share = false, difference = false, of = 'runs' }: EstimateCellOptions): HTMLTableCellElement {
  const scale = share ? 100 : 1;
  const unit = share ? (difference ? ' points' : ' %') : '';
  const f = (x: number) => num(x * scale, digits, difference);
  const td = el('td', { 'data-n': e.n });
  if (e.n === 0) {
    td.append(el('span', { class: 'value', text: '—' }), el('span', { class: 'n', text: `no ${of}` }));
    return td;
  }
  td.append(el('span', { class: 'value', text: `${f(e.mean)}${unit}` }));
  if (e.n < MIN_RUNS_FOR_INTERVAL) {
    td.append(' ', el('span', { class: 'few', text: 'too few runs for an interval' }));
  } else {
    // signed limits read better with "to" than with a dash ("−3 to +27" rather than "−3–+27")
    const sep = difference ? ' to ' : '–';
    td.append(' ', el('span', { class: 'ci', text: `(${f(e.lo)}${sep}${f(e.hi)}${share && !difference ? ' %' : ''})` }));
    if (difference) {
      const word = e.lo > 0 ? 'higher' : e.hi < 0 ? 'lower' : 'no clear difference';
      td.append(el('span', { class: `direction ${word === 'no clear difference' ? 'unclear' : word}`, text: word }));
    }
  }
  td.append(el('span', { class: 'n', text: `n = ${e.n} ${of}` }));
  return td;
}
