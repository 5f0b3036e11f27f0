/*
 * The explanation panel: one short text at a time, opened by the "i" buttons beside the controls
 * and charts, or the glossary. It takes the focus when it opens, closes with its button or Esc,
 * and gives the focus back to whatever opened it.
 */
import { byId, el } from './dom';
import { explanations } from './explanations';
import { GLOSSARY, glossaryTerm } from './glossary';

/** The topic that shows the whole glossary. */
export const GLOSSARY_TOPIC = 'glossary';

let opener: HTMLElement | null = null;

function panel(): HTMLElement {
  const p = byId('explain');
  if (!p.dataset.wired) {
    p.dataset.wired = '1';
    p.tabIndex = -1;
    p.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        closeExplanation();
      }
    });
  }
  return p;
}

/** Hides the panel and returns the focus to the control that opened it. */
export function closeExplanation(): void {
  const p = byId('explain');
  if (p.hidden) return;
  p.hidden = true;
  const back = opener;
  opener = null;
  if (back?.isConnected) back.focus();
}

function show(title: string, ...body: Node[]): void {
  const p = panel();
  const active = document.activeElement as HTMLElement | null;
  // keep the first opener while the reader moves between topics inside the panel
  if (p.hidden || !p.contains(active)) opener = active && active !== document.body ? active : opener;
  const close = el('button', { type: 'button', class: 'close', 'aria-label': 'Close explanation (Esc)', text: '×' });
  close.addEventListener('click', closeExplanation);
  const heading = el('h2', { id: 'explain-title', text: title });
  p.replaceChildren(close, heading, ...body);
  p.setAttribute('aria-labelledby', 'explain-title');
  p.removeAttribute('aria-label');
  p.hidden = false;
  p.scrollTop = 0;
  p.focus();
}

const glossaryLink = (id: string, text: string) => {
  const b = el('button', { type: 'button', class: 'link', text });
  b.addEventListener('click', () => showGlossary(id));
  return b;
};

/** Shows the explanation of `topic` in the panel (#explain), with links to the glossary terms it uses; an unknown topic does nothing. */
export function explain(topic: string): void {
  if (topic === GLOSSARY_TOPIC) return showGlossary();
  const e = explanations[topic];
  if (!e) return;
  const terms = (e.terms ?? []).map(glossaryTerm).filter((t) => !!t);
  show(e.title,
    ...e.paragraphs.map((p) => el('p', { text: p })),
    el('p', { class: 'terms' }, 'Words used here: ', ...terms.flatMap((t, k) => [k ? ', ' : '', glossaryLink(t.id, t.term)]), terms.length ? ' · ' : '', glossaryLink('', 'the whole glossary')));
}

/** Shows the glossary, scrolled to the term `id` when given. */
export function showGlossary(id = ''): void {
  show('Glossary',
    el('dl', { class: 'glossary' }, ...GLOSSARY.flatMap((g) => [
      el('dt', { id: `glossary-${g.id}`, tabindex: -1 }, g.term, g.symbol ? el('span', { class: 'symbol', text: ` (model: ${g.symbol})` }) : null),
      el('dd', { text: g.plain }),
    ])));
  if (id) {
    const dt = document.getElementById(`glossary-${id}`);
    dt?.classList.add('highlight');
    dt?.scrollIntoView?.({ block: 'start' });
  }
}

/** A small "i" button that opens the explanation of `topic`. */
export function infoButton(topic: string): HTMLButtonElement {
  const title = topic === GLOSSARY_TOPIC ? 'Glossary' : explanations[topic]?.title;
  const b = el('button', { class: 'info', type: 'button', 'aria-label': `Explain: ${title ?? topic}`, title: title ?? '', text: 'i' });
  b.addEventListener('click', () => explain(topic));
  return b;
}

/** Makes the existing button `id` open the explanation of `topic`. */
export function explainOnClick(id: string, topic: string): void {
  byId(id).addEventListener('click', () => explain(topic));
}
