import type { AppState } from '../appState';
import { byId, el } from '../dom';
import { infoButton } from '../explain';
import { fieldInput } from '../fields';
import { actorFields } from '../paramFields';
// the tracks table itself: a small module, unlike sim/index, which would bring the engine to the page
import { trackLabel, TRACKS } from '../../../sim/tracks/tracks';

/** Options of `trackMixPanel`. */
export interface TrackMixPanelOptions {
  state: AppState;
}

/**
 * The track mix: one row per track with a switch and, when on, its actors' names and the fields
 * they share (capacity, entry, commitment, leaving time), edited for all the track's actors at once.
 */
export function trackMixPanel({ state }: TrackMixPanelOptions): void {
  const root = byId('tracks');
  const fields = actorFields();
  function build(): void {
    shown = state.working.actors;
    root.replaceChildren();
    for (const t of TRACKS) {
      const k = t.number;
      const actors = state.working.actors.filter((a) => a.track === k) as unknown as Record<string, unknown>[];
      const on = el('input', { type: 'checkbox', id: `track-${k}`, 'data-testid': `track-${k}` });
      on.checked = actors.length > 0;
      on.addEventListener('change', () => state.setTrack(k, on.checked));
      const row = el('fieldset', { class: 'track', 'data-track': k },
        el('legend', {}, on, el('label', { for: `track-${k}`, text: trackLabel(t) }), infoButton(`track${k}`)));
      if (actors.length) {
        row.append(el('div', { class: 'actor-names', text: actors.map((a) => String(a.name)).join(', ') }));
        const grid = el('div', { class: 'track-fields' });
        for (const f of fields) {
          const node = fieldInput({ field: f, value: actors[0][f.key], onChange: (v) => state.editTrack(k, f.key, v), key: `track${k}.${f.key}`, ticksPerYear: state.working.ticksPerYear });
          if (f.key === 'entry') node.querySelector('label .name')?.after(infoButton('entry'));
          grid.append(node);
        }
        row.append(grid);
      }
      root.append(row);
    }
  }
  state.on('scenario', build);
  state.on('tracks', build);
  // a new actor list (an actor injected, or one leaving) is redrawn; edits of the fields are not,
  // so the input being typed in keeps its focus
  let shown = state.working?.actors;
  state.on('edit', () => {
    if (state.working.actors !== shown) build();
  });
}
