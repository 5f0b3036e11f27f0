import type { AppState } from '../appState';
import { byId, download, el } from '../dom';
import { EVENT_WORDS } from '../eventWords';
import { eventLogFile, exportable } from '../resultsExport';
import { scheduledEvents } from '../scheduledEvents';

/** Options of `eventLogPanel`. */
export interface EventLogPanelOptions {
  state: AppState;
}

/** Most events listed on the page; the download has them all. */
export const EVENTS_SHOWN = 300;

/**
 * The event log under the charts: what happened in the first run (the one the charts show) —
 * each model event with its tick, in plain words, and the model's one-line reason —, what the
 * scenario schedules (shocks, power shifts, actors entering or leaving early, an instructor's
 * injections), and the downloads of every run's events, the same bytes as the CLI's --event-log.
 */
export function eventLogPanel({ state }: EventLogPanelOptions): void {
  const list = byId('model-events');
  const empty = byId('model-events-empty');
  const more = byId('model-events-more');
  const scheduled = byId('scheduled-events');
  const none = byId('event-log-empty');
  const csv = byId<HTMLButtonElement>('export-events-csv');
  const json = byId<HTMLButtonElement>('export-events-json');
  let shown = 0;

  for (const [button, format] of [[csv, 'csv'], [json, 'json']] as const) {
    button.addEventListener('click', () => {
      const run = state.current;
      if (state.running || !exportable(run)) return;
      const f = eventLogFile(run, format);
      download(f.name, f.data, f.type);
    });
  }

  function showModelEvents(): void {
    const events = state.current?.results.events[0] ?? [];
    if (events.length < shown) {
      list.replaceChildren();
      shown = 0;
    }
    const upTo = Math.min(events.length, EVENTS_SHOWN);
    for (; shown < upTo; shown++) {
      const e = events[shown];
      list.append(el('li', { 'data-type': e.type }, el('strong', { text: `tick ${e.tick}, ${EVENT_WORDS[e.type].words}: ` }), e.why));
    }
    empty.hidden = events.length > 0;
    empty.textContent = state.current ? 'Nothing has happened yet in this run.' : 'No events yet: press Run.';
    more.hidden = events.length <= EVENTS_SHOWN;
    more.textContent = `…and ${events.length - EVENTS_SHOWN} more: the download has them all.`;
  }
  function showScheduled(): void {
    const s = state.working;
    if (!s) return;
    const events = scheduledEvents(s);
    scheduled.replaceChildren(...events.map((e) => el('li', { text: `tick ${e.tick}: ${e.text}` })));
    none.hidden = events.length > 0;
  }
  function showButtons(): void {
    csv.disabled = json.disabled = state.running || !exportable(state.current);
  }

  state.on('progress', showModelEvents);
  state.on('run', () => {
    showModelEvents();
    showButtons();
  });
  for (const topic of ['scenario', 'edit', 'tracks'] as const) state.on(topic, showScheduled);
  showButtons();
}
