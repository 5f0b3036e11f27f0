import { byId, el } from './dom';

/** Wide tables and code blocks scroll sideways: keyboard users must be able to reach them to scroll. */
function focusableScrollers(root: HTMLElement): void {
  root.querySelectorAll('table, pre').forEach((e) => {
    e.setAttribute('tabindex', '0');
    if (e.tagName === 'PRE') e.setAttribute('aria-label', 'code');
  });
}

/**
 * Makes the About button open "About the model": the one-page summary for students
 * (docs/students.md) first, then the full model description (docs/ODD.md) behind a disclosure,
 * loaded when first opened. Both are rendered at build time and loaded on demand.
 */
export function aboutDialog(): void {
  const dialog = byId<HTMLDialogElement>('about-dialog');
  const body = byId('about-body');
  byId('about').addEventListener('click', async () => {
    if (!body.childElementCount) {
      const summary = el('section', { class: 'students', 'aria-label': 'The model in one page' });
      summary.innerHTML = (await import('virtual:students-html')).default;
      const odd = el('div', { class: 'odd' });
      const full = el('details', { id: 'about-odd', class: 'about-odd' }, el('summary', { text: 'The full model description (ODD protocol): every rule and every parameter' }), odd);
      full.addEventListener('toggle', async () => {
        if (!full.open || odd.childElementCount) return;
        odd.innerHTML = (await import('virtual:odd-html')).default;
        focusableScrollers(odd);
      });
      body.append(summary, full);
    }
    dialog.showModal();
  });
}
