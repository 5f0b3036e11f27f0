// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { scenarioPanel } from '../../../../viz/app/panels/scenarioPanel';
import { DEFAULT_SCENARIO, scenarioLibrary } from '../../../../viz/app/scenarioLibrary';
import { pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
let runs: number;
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const def = scenarioLibrary.find((e) => e.id === DEFAULT_SCENARIO)!;

beforeEach(() => {
  pageMarkup();
  state = createAppState();
  runs = 0;
  scenarioPanel({ state, run: async () => void runs++ });
  state.loadScenario(def.json, { id: def.id, name: def.name });
});

/** Offers `text` as the file chosen in the Open file input. */
function openFile(name: string, text: string): void {
  const input = $<HTMLInputElement>('open-file');
  Object.defineProperty(input, 'files', { value: [new File([text], name, { type: 'application/json' })], configurable: true });
  input.dispatchEvent(new Event('change'));
}

describe('scenarioPanel', () => {
  it('scenarioPanel({state, run}) lists the library and shows the loaded scenario: its entry, description and key parameters, the first group open', () => {
    const select = $<HTMLSelectElement>('scenario-select');
    expect([...select.options].map((o) => o.value)).toEqual(scenarioLibrary.map((e) => e.id));
    expect(select.value).toBe(DEFAULT_SCENARIO);
    expect($('scenario-description').textContent).toBe(state.working.description);
    const groups = [...$('params').querySelectorAll('details.group')];
    expect(groups.map((g) => g.querySelector('summary')?.textContent)).toContain('Rules');
    expect(groups.map((g) => (g as HTMLDetailsElement).open)).toEqual(groups.map((_, i) => i === 0));
    expect(($('params').querySelector('[data-path="parties.1.reactivity"]') as HTMLInputElement).value).toBe(String(state.working.parties[1].reactivity));
  });

  it('a parameter input edits the working scenario at its path', () => {
    const input = $('params').querySelector('[data-path="parties.1.reactivity"]') as HTMLInputElement;
    input.value = '0.45';
    input.dispatchEvent(new Event('change'));
    expect(state.working.parties[1].reactivity).toBe(0.45);
  });

  it('choosing another library scenario loads and runs it', () => {
    const other = scenarioLibrary.find((e) => e.id !== DEFAULT_SCENARIO)!;
    const select = $<HTMLSelectElement>('scenario-select');
    select.value = other.id;
    select.dispatchEvent(new Event('change'));
    expect(state.source).toEqual({ id: other.id, name: other.name });
    expect(state.working.name).toBe(other.name);
    expect(runs).toBe(1);
  });

  it('an opened file that is not JSON is refused with a message; a valid one is loaded and run, with no library entry selected', async () => {
    openFile('broken.json', '{"format": 1,');
    await expect.poll(() => state.status.text).toMatch(/^broken\.json is not valid JSON: /);
    expect(runs).toBe(0);
    openFile('mine.json', JSON.stringify({ ...(def.json as object), description: 'from disk' }));
    await expect.poll(() => runs).toBe(1);
    expect($('scenario-description').textContent).toBe('from disk');
    expect($<HTMLSelectElement>('scenario-select').value).toBe('');
    expect(state.source).toEqual({ id: '', name: 'mine.json' });
  });
});
