import type { AppState, CurrentRun } from '../appState';
import { byId, download } from '../dom';
import { exportable, resultsCSV, resultsJSON, type ExportFile } from '../resultsExport';
import { encodeShare } from '../share';

/** Options of `sharePanel`. */
export interface SharePanelOptions {
  state: AppState;
}

/** Longest time a change waits before the share link is rewritten, in milliseconds. */
const SHARE_DELAY_MS = 150;

/**
 * Export and share: the finished run's results as CSV or JSON, and a link (also kept in the
 * address bar) that reopens the scenario as edited, the ensemble size and the variants — unless
 * the link would be longer than browsers open, which the panel then says.
 */
export function sharePanel({ state }: SharePanelOptions): void {
  const csv = byId<HTMLButtonElement>('export-csv');
  const json = byId<HTMLButtonElement>('export-json');
  const link = byId<HTMLInputElement>('share-link');
  const copy = byId<HTMLButtonElement>('copy-link');
  const note = byId('share-note');
  const offer = (file: (run: CurrentRun) => ExportFile) => () => {
    const run = state.current;
    if (!exportable(run)) return;
    const f = file(run);
    download(f.name, f.data, f.type);
  };
  csv.addEventListener('click', offer(resultsCSV));
  json.addEventListener('click', offer(resultsJSON));
  copy.addEventListener('click', async () => {
    // the link copied is the one of the settings on screen now, not of those before the last change
    await writeLink();
    try {
      await navigator.clipboard.writeText(link.value);
      state.setStatus('Link copied.');
    } catch {
      link.select();
    }
  });

  // The link is rewritten at most every SHARE_DELAY_MS while changes keep coming (a variant's
  // progress notifies many times a second: a delay restarted by each change would never end),
  // from the state at the time of writing; it is marked busy until the last change is in it.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let written = 0;
  let wanted = 0;
  const writeLink = async () => {
    clearTimeout(timer);
    timer = undefined;
    const mine = wanted;
    const share = await encodeShare(state.shareState());
    // an older encoding finishing after a newer one must not overwrite it
    if (mine < written) return;
    written = mine;
    // a link longer than browsers open is not offered: the scenario file carries it instead
    link.value = share.fits ? `${location.origin}${location.pathname}${share.hash}` : '';
    copy.disabled = !share.fits;
    note.hidden = share.fits;
    note.textContent = share.fits ? '' : `This scenario is too large for a link (${(share.length / 1024 ** 2).toFixed(1)} MB; browsers open links of up to about 2 MB). Share the file from "Download scenario JSON" instead.`;
    history.replaceState(null, '', share.fits ? share.hash : location.pathname + location.search);
    if (written === wanted) link.removeAttribute('aria-busy');
  };
  const scheduleShare = () => {
    wanted++;
    link.setAttribute('aria-busy', 'true');
    timer ??= setTimeout(() => void writeLink(), SHARE_DELAY_MS);
  };
  for (const topic of ['scenario', 'edit', 'tracks', 'runs', 'variants', 'baseline', 'explore'] as const) state.on(topic, scheduleShare);

  const showButtons = () => {
    // a cancelled ensemble keeps its finished replicates, and they can be exported
    csv.disabled = json.disabled = state.running || !exportable(state.current);
  };
  state.on('run', showButtons);
  showButtons();
}
