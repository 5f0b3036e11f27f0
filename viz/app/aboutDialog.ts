import { byId } from './dom';

/** Makes the About button open the model's documentation (docs/ODD.md, rendered at build time) in its dialog. */
export function aboutDialog(): void {
  byId('about').addEventListener('click', async () => {
    const dialog = byId<HTMLDialogElement>('about-dialog');
    const body = byId('about-body');
    // Loaded on demand: the rendered document is large and most visits never open it.
    if (!body.childElementCount) body.innerHTML = (await import('virtual:odd-html')).default;
    dialog.showModal();
  });
}
