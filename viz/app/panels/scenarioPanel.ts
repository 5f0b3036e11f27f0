import type { AppState } from '../appState';
import { byId, download, el } from '../dom';
import { fieldInput } from '../fields';
import { paramGroups } from '../paramFields';
import { scenarioLibrary } from '../scenarioLibrary';
import { getPath } from '../scenarioPath';
import { slug } from '../slug';

/** Options of `scenarioPanel`. */
export interface ScenarioPanelOptions {
  state: AppState;
  /** Runs the scenario just opened (from the library or a file). */
  run: () => Promise<void>;
}

/**
 * The scenario and its parameters: the library menu, opening and downloading a scenario file,
 * its description, and the key parameters (from the schema) in groups.
 */
export function scenarioPanel({ state, run }: ScenarioPanelOptions): void {
  const select = byId<HTMLSelectElement>('scenario-select');
  const params = byId('params');
  select.replaceChildren(...scenarioLibrary.map((e) => el('option', { value: e.id, text: e.name })));
  select.addEventListener('change', () => {
    const e = scenarioLibrary.find((x) => x.id === select.value);
    if (e && state.loadScenario(e.json, { id: e.id, name: e.name })) void run();
  });
  // the file input itself is hidden (it cannot be styled); a real button opens it, from the keyboard too
  byId('open-file-button').addEventListener('click', () => byId('open-file').click());
  byId('open-file').addEventListener('change', async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (!file) return;
    // the same file chosen again (after fixing it) must load again
    (ev.target as HTMLInputElement).value = '';
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch (e) {
      state.setStatus(`${file.name} is not valid JSON: ${(e as Error).message}`, true);
      return;
    }
    if (state.loadScenario(json, { id: '', name: file.name })) void run();
  });
  byId('download-scenario').addEventListener('click', () => download(`${slug(state.working.name)}.json`, JSON.stringify(state.working, null, 2) + '\n', 'application/json'));

  function buildParams(): void {
    params.replaceChildren();
    const working = state.working;
    for (const g of paramGroups(working.parties.map((p) => p.name))) {
      const box = el('details', { class: 'group' }, el('summary', { text: g.title }));
      for (const f of g.fields) {
        box.append(fieldInput({ field: f, value: getPath(working, f.path), onChange: (v) => state.edit(f.path, v), key: f.path.join('.'), ticksPerYear: working.ticksPerYear }));
      }
      params.append(box);
    }
    (params.firstElementChild as HTMLDetailsElement | null)?.setAttribute('open', '');
  }

  state.on('scenario', () => {
    select.value = state.source.id;
    byId('scenario-description').textContent = state.working.description;
    buildParams();
  });
}
