import { el } from '../dom';

/** The student's sketch of a curve: escalation (0–1) at a few years, set with sliders (keyboard and touch alike). */
export interface SketchInput {
  element: HTMLElement;
  /** The sketch's points: years and values. */
  points(): { years: number[]; values: number[] };
  /** Called after every change. */
  onChange(listener: () => void): void;
}

/** Sliders for the escalation at each of `years`, starting at `start` (default 0.5). */
export function sketchInput(years: readonly number[], start = 0.5): SketchInput {
  const listeners: (() => void)[] = [];
  const inputs = years.map((y) => {
    const id = `sketch-year-${y}`;
    const input = el('input', { id, type: 'range', min: 0, max: 1, step: 0.05, value: start, 'data-year': y });
    const out = el('output', { for: id, text: start.toFixed(2) });
    input.addEventListener('input', () => {
      out.textContent = Number(input.value).toFixed(2);
      input.setAttribute('aria-valuetext', `${Number(input.value).toFixed(2)} (${describe(Number(input.value))})`);
      for (const l of listeners) l();
    });
    input.setAttribute('aria-valuetext', `${start.toFixed(2)} (${describe(start)})`);
    return { y, input, row: el('div', { class: 'sketch-row' }, el('label', { for: id, text: `year ${y}` }), input, out) };
  });
  const element = el('fieldset', { class: 'sketch' }, el('legend', { text: 'Your sketch: escalation at each point in time (0 = calm, 1 = all-out war)' }), ...inputs.map((i) => i.row));
  return {
    element,
    points: () => ({ years: inputs.map((i) => i.y), values: inputs.map((i) => Number(i.input.value)) }),
    onChange: (l) => void listeners.push(l),
  };
}

/** Glasl's phase of an escalation level, in words, so a screen reader hears what a value means. */
function describe(x: number): string {
  return x < 1 / 3 ? 'talking, both can still win' : x < 2 / 3 ? 'threats, one side must lose' : 'destroying each other';
}

/** The sketch at every year of `years` (straight lines between its points, flat beyond them). */
export function sketchCurve(points: { years: number[]; values: number[] }, years: ArrayLike<number>): Float64Array {
  const out = new Float64Array(years.length);
  const { years: ys, values: vs } = points;
  for (let i = 0; i < years.length; i++) {
    const t = years[i];
    let k = 0;
    while (k < ys.length - 2 && t > ys[k + 1]) k++;
    const [y0, y1, v0, v1] = [ys[k], ys[k + 1], vs[k], vs[k + 1]];
    out[i] = t <= y0 ? v0 : t >= y1 ? v1 : v0 + ((v1 - v0) * (t - y0)) / (y1 - y0);
  }
  return out;
}
