/*
 * The explanation panel: one short text at a time, opened by the ⓘ buttons beside the controls
 * and charts, closed by its own button.
 */
import { byId, el } from './dom';
import { explanations } from './explanations';

/** Shows the explanation of `topic` in the panel (#explain); an unknown topic does nothing. */
export function explain(topic: string): void {
  const e = explanations[topic];
  if (!e) return;
  const panel = byId('explain');
  panel.replaceChildren(
    el('button', { class: 'close', 'aria-label': 'Close explanation', text: '×' }),
    el('h2', { text: e.title }),
    ...e.paragraphs.map((p) => el('p', { text: p })),
  );
  panel.querySelector('.close')?.addEventListener('click', () => (panel.hidden = true));
  panel.hidden = false;
}

/** A small "i" button that opens the explanation of `topic`. */
export function infoButton(topic: string): HTMLButtonElement {
  const title = explanations[topic]?.title;
  const b = el('button', { class: 'info', type: 'button', 'aria-label': `Explain: ${title ?? topic}`, title: title ?? '', text: 'i' });
  b.addEventListener('click', () => explain(topic));
  return b;
}

/** Makes the existing button `id` open the explanation of `topic`. */
export function explainOnClick(id: string, topic: string): void {
  byId(id).addEventListener('click', () => explain(topic));
}
