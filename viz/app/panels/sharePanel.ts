import type { AppState, CurrentRun } from '../appState';
import { byId, download } from '../dom';
import { exportable, resultsCSV, resultsJSON, type ExportFile } from '../resultsExport';
import { encodeShare } from '../share';

/** Options of `sharePanel`. */
export interface SharePanelOptions {
  state: AppState;
}

/** Quiet time after the last change before the share link is rewritten, in milliseconds. */
const SHARE_DELAY_MS = 150;

/**
 * Export and share: the finished run's results as CSV or JSON, and a link (also kept in the
 * address bar) that reopens the scenario as edited, the ensemble size and the variants.
 */
export function sharePanel({ state }: SharePanelOptions): void {
  const csv = byId<HTMLButtonElement>('export-csv');
  const json = byId<HTMLButtonElement>('export-json');
  const link = byId<HTMLInputElement>('share-link');
  const offer = (file: (run: CurrentRun) => ExportFile) => () => {
    const run = state.current;
    if (!exportable(run)) return;
    const f = file(run);
    download(f.name, f.data, f.type);
  };
  csv.addEventListener('click', offer(resultsCSV));
  json.addEventListener('click', offer(resultsJSON));
  byId('copy-link').addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(link.value);
      state.setStatus('Link copied.');
    } catch {
      link.select();
    }
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  const scheduleShare = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const hash = await encodeShare(state.shareState());
      link.value = `${location.origin}${location.pathname}${hash}`;
      history.replaceState(null, '', hash);
    }, SHARE_DELAY_MS);
  };
  for (const topic of ['scenario', 'edit', 'tracks', 'runs', 'variants', 'baseline', 'explore'] as const) state.on(topic, scheduleShare);

  const showButtons = () => {
    // a cancelled ensemble keeps its finished replicates, and they can be exported
    csv.disabled = json.disabled = state.running || !exportable(state.current);
  };
  state.on('run', showButtons);
  showButtons();
}
