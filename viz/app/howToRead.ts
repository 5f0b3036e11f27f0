import { el } from './dom';
import { stepPhrase } from './timeUnit';

/**
 * "How to read this", shown beside the first chart: what the curve is, what the bands and the
 * shaded stages mean, what one step is (from the scenario's ticksPerYear) and what to try first.
 */
export function howToRead(): { element: HTMLElement; update(scenario: { ticksPerYear: number }): void } {
  const step = el('li');
  const element = el('aside', { class: 'how-to-read', 'aria-labelledby': 'how-to-read-title' },
    el('h2', { id: 'how-to-read-title', text: 'How to read this' }),
    el('ul', {},
      el('li', { text: 'The line is how escalated the conflict is: 0 is calm, 1 is all-out war. Down is good.' }),
      el('li', { text: 'Each run is one possible history. With many runs, the line is the typical run (the median); the dark band holds the middle half of the runs, the light band 90 % of them.' }),
      el('li', { text: 'The grey shades behind are Glasl\'s nine stages of escalation: from talking (stages 1–3, both sides can still win) through threats (4–6) to destroying each other (7–9).' }),
      el('li', { text: 'Dashed lines mark events of the first run (talks, a settlement, a leak…); the list under the charts says why each happened.' }),
      step,
      el('li', { text: 'Try first: switch a track off in the track mix, press Run, and see whether the line goes up or down. Or pick an exercise.' })));
  return {
    element,
    update({ ticksPerYear }) {
      step.textContent = `Time runs left to right; ${stepPhrase(ticksPerYear)}.`;
    },
  };
}
