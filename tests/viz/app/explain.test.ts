// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { explain, explainOnClick, infoButton } from '../../../viz/app/explain';
import { explanations } from '../../../viz/app/explanations';
import { GLOSSARY, glossaryTerm } from '../../../viz/app/glossary';
import { TRACK_TEXTS } from '../../../viz/app/trackTexts';
import { pageMarkup } from './helpers/pageMarkup';

const panel = () => document.getElementById('explain')!;
beforeEach(pageMarkup);

describe('explain', () => {
  it('explain(topic) shows the topic\'s title and paragraphs as text; its close button hides the panel', () => {
    expect(panel().hidden).toBe(true);
    explain('track2');
    expect(panel().hidden).toBe(false);
    expect(panel().querySelector('h2')?.textContent).toBe(explanations.track2.title);
    expect([...panel().querySelectorAll('p:not(.terms)')].map((p) => p.textContent)).toEqual(explanations.track2.paragraphs);
    (panel().querySelector('.close') as HTMLButtonElement).click();
    expect(panel().hidden).toBe(true);
  });

  it('infoButton(topic) and explainOnClick(id, topic) open the topic', () => {
    const b = infoButton('entry');
    expect(b.getAttribute('aria-label')).toBe(`Explain: ${explanations.entry.title}`);
    b.click();
    expect(panel().querySelector('h2')?.textContent).toBe(explanations.entry.title);
    explainOnClick('explain-phases', 'phases');
    document.getElementById('explain-phases')!.click();
    expect(panel().querySelector('h2')?.textContent).toBe(explanations.phases.title);
  });
});

describe('explain, from the keyboard', () => {
  it('the panel takes the focus when it opens, closes with Esc, and gives the focus back to the button that opened it', () => {
    const b = infoButton('escalation');
    document.body.append(b);
    b.focus();
    b.click();
    expect(document.activeElement).toBe(panel());
    panel().dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(panel().hidden).toBe(true);
    expect(document.activeElement).toBe(b);
  });

  it('every explanation links to the glossary entries of the words it uses, and every such entry exists', () => {
    for (const [topic, e] of Object.entries(explanations)) {
      for (const id of e.terms ?? []) expect(glossaryTerm(id), `${topic} → ${id}`).toBeDefined();
      explain(topic);
      expect(panel().querySelector('.terms')?.textContent, topic).toContain('the whole glossary');
    }
    explain('incidents');
    const lull = [...panel().querySelectorAll<HTMLButtonElement>('.terms button')].find((x) => x.textContent === 'lull')!;
    lull.click();
    expect(panel().querySelector('h2')?.textContent).toBe('Glossary');
    expect(panel().querySelectorAll('dt')).toHaveLength(GLOSSARY.length);
    expect(document.getElementById('glossary-lull')?.classList.contains('highlight')).toBe(true);
  });

  it('"The five tracks" shows all five tracks, and each track\'s "i" its own', () => {
    explain('tracks');
    const text = panel().textContent ?? '';
    for (const t of TRACK_TEXTS) expect(text).toContain(t.name);
    for (const t of TRACK_TEXTS) expect(explanations[`track${t.track}`].title).toBe(t.name);
  });
});
