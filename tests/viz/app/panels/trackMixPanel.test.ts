// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import base from '../../../../scenarios/intrastate-conflict.json';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { trackMixPanel } from '../../../../viz/app/panels/trackMixPanel';
import { trackLabel, TRACKS } from '../../../../sim/tracks/tracks';
import { pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
beforeEach(() => {
  pageMarkup();
  state = createAppState();
  trackMixPanel({ state });
  state.loadScenario(base, { id: 'intrastate-conflict', name: base.name });
});
const row = (k: number) => document.querySelector(`fieldset[data-track="${k}"]`) as HTMLFieldSetElement;
const box = (k: number) => document.querySelector(`[data-testid=track-${k}]`) as HTMLInputElement;

describe('trackMixPanel', () => {
  it('trackMixPanel({state}) shows one row per track, labelled, switched on where the scenario has actors', () => {
    expect(document.querySelectorAll('fieldset.track')).toHaveLength(TRACKS.length);
    expect(row(2).querySelector('legend label')?.textContent).toBe(trackLabel(TRACKS[1]));
    for (let k = 1; k <= 5; k++) expect(box(k).checked).toBe(state.working.actors.some((a) => a.track === k));
    expect(row(2).querySelector('.actor-names')?.textContent).toBe(state.working.actors.filter((a) => a.track === 2).map((a) => a.name).join(', '));
  });

  it('switching a track off removes its actors from the working scenario and its fields from the row; on brings them back', () => {
    const before = structuredClone(state.working.actors);
    box(2).checked = false;
    box(2).dispatchEvent(new Event('change'));
    expect(state.working.actors.some((a) => a.track === 2)).toBe(false);
    expect(row(2).querySelector('.track-fields')).toBeNull();
    expect(box(2).checked).toBe(false);
    box(2).checked = true;
    box(2).dispatchEvent(new Event('change'));
    expect([...state.working.actors].sort((a, b) => a.track - b.track)).toEqual([...before].sort((a, b) => a.track - b.track));
    expect(row(2).querySelector('.track-fields')).not.toBeNull();
  });

  it('a track\'s field edits every actor of that track', () => {
    const input = row(3).querySelector('[data-path="track3.capacity"]') as HTMLInputElement;
    input.value = '0.35';
    input.dispatchEvent(new Event('change'));
    const three = state.working.actors.filter((a) => a.track === 3);
    expect(three.length).toBeGreaterThan(0);
    expect(three.every((a) => a.capacity === 0.35)).toBe(true);
    expect(state.working.actors.filter((a) => a.track !== 3).some((a) => a.capacity === 0.35)).toBe(false);
  });
});
