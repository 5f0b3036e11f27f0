import type { AppState, Baseline } from '../appState';
import { comparisonCSV, summaryCSV } from '../comparisonExport';
import { doneConfigurations, LAST_RUN_NAME, type Configuration } from '../configurations';
import { differenceTable } from '../differenceTable';
import { byId, download, el } from '../dom';
import type { ExportFile } from '../resultsExport';
import { summaryTable } from '../summaryTable';

/** Options of `summaryPanel`. */
export interface SummaryPanelOptions {
  state: AppState;
}

/** The summary panel's handle for the page. */
export interface SummaryPanel {
  /** Brings the results table into view (it is at the top of the results). */
  reveal(): void;
}

/**
 * The results at the top of the page, once a run is done: every configuration's outcomes with
 * their 95 % intervals and the runs behind them (the last run marked when the settings changed
 * since), each configuration's difference from the chosen baseline paired by seed, and the
 * comparison's exports (tidy CSV of every replicate, summary CSV of the statistics).
 */
export function summaryPanel({ state }: SummaryPanelOptions): SummaryPanel {
  const section = byId('summary-section');
  const select = byId<HTMLSelectElement>('baseline');
  const table = byId<HTMLTableElement>('summary-table');
  const differences = byId<HTMLTableElement>('difference-table');
  const tidy = byId<HTMLButtonElement>('export-comparison');
  const stats = byId<HTMLButtonElement>('export-summary');

  /** The baselines one can choose: the last run (once there is one) and every variant, done or not. */
  const choices = (): { key: Baseline; value: string; name: string }[] => [
    ...(state.current ? [{ key: 'run' as const, value: 'run', name: LAST_RUN_NAME }] : []),
    ...state.variants.map((v, k) => ({ key: v, value: `variant-${k}`, name: v.name })),
  ];
  select.addEventListener('change', () => {
    const c = choices().find((x) => x.value === select.value);
    if (c) state.setBaseline(c.key);
  });

  let configs: Configuration[] = [];
  let baseline: Configuration | undefined;
  function render(): void {
    configs = doneConfigurations(state);
    section.hidden = !configs.length;
    const chosen = state.comparisonBaseline();
    const options = choices();
    select.replaceChildren(...options.map((o) => el('option', { value: o.value, text: o.name })));
    select.value = options.find((o) => o.key === chosen)?.value ?? '';
    // with one configuration there is nothing to compare it with
    byId('baseline-choice').hidden = options.length < 2;
    baseline = configs.find((c) => c.key === chosen);
    summaryTable(table, configs);
    differenceTable(differences, baseline, configs.filter((c) => c !== baseline));
    const waiting = byId('baseline-waiting');
    waiting.textContent = configs.length > 1 && !baseline ? 'The baseline has not finished its runs yet.' : '';
    tidy.disabled = stats.disabled = !configs.length;
  }

  const offer = (file: () => ExportFile) => () => {
    if (!configs.length) return;
    const f = file();
    download(f.name, f.data, f.type);
  };
  tidy.addEventListener('click', offer(() => comparisonCSV(configs)));
  stats.addEventListener('click', offer(() => summaryCSV(configs, baseline)));

  for (const topic of ['variants', 'baseline', 'run', 'scenario', 'edit', 'tracks', 'runs'] as const) state.on(topic, render);
  render();
  return {
    reveal() {
      if (!section.hidden) section.scrollIntoView({ block: 'start', behavior: 'smooth' });
    },
  };
}
