// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { explain, explainOnClick, infoButton } from '../../../viz/app/explain';
import { explanations } from '../../../viz/app/explanations';
import { pageMarkup } from './helpers/pageMarkup';

const panel = () => document.getElementById('explain')!;
beforeEach(pageMarkup);

describe('explain', () => {
  it('explain(topic) shows the topic\'s title and paragraphs as text; its close button hides the panel', () => {
    expect(panel().hidden).toBe(true);
    explain('track2');
    expect(panel().hidden).toBe(false);
    expect(panel().querySelector('h2')?.textContent).toBe(explanations.track2.title);
    expect([...panel().querySelectorAll('p')].map((p) => p.textContent)).toEqual(explanations.track2.paragraphs);
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
