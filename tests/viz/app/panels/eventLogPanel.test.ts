// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import base from '../../../../scenarios/leaky-facilitator.json';
import { createAppState, type AppState } from '../../../../viz/app/appState';
import { eventMarkers, EVENT_WORDS } from '../../../../viz/app/eventWords';
import { eventLogPanel, EVENTS_SHOWN } from '../../../../viz/app/panels/eventLogPanel';
import { eventLogFile } from '../../../../viz/app/resultsExport';
import { eventLog } from '../../../../sim/index';
import { finishedRun, small } from '../helpers/finishedRun';
import { pageMarkup } from '../helpers/pageMarkup';

let state: AppState;
const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
const scenario = () => ({ ...small(base, 120), actors: base.actors.map((a) => ({ ...a, confidentiality: 12, start: 0 })) });

beforeEach(() => {
  pageMarkup();
  state = createAppState();
  eventLogPanel({ state });
  state.loadScenario(scenario(), { id: '', name: 'leaky' });
});

describe('eventLogPanel', () => {
  it('lists the first run\'s events with tick, plain words and reason, and offers every run\'s events once the run is done', () => {
    expect($<HTMLButtonElement>('export-events-csv').disabled).toBe(true);
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    const fin = finishedRun(scenario(), 2);
    state.finishRun(run, { status: 'done', ...fin });
    const items = [...$('model-events').querySelectorAll('li')].map((li) => li.textContent);
    const events = fin.results.events[0];
    expect(items.length).toBe(Math.min(events.length, EVENTS_SHOWN));
    expect(items[0]).toBe(`tick ${events[0].tick}, ${EVENT_WORDS[events[0].type].words}: ${events[0].why}`);
    expect($('model-events-more').hidden).toBe(events.length <= EVENTS_SHOWN);
    expect($<HTMLButtonElement>('export-events-csv').disabled).toBe(false);
    // the download: every run, as the CLI writes it
    expect(eventLogFile(run, 'csv').data).toBe(eventLog('csv', fin.results.summaries.map((s, r) => ({ run: r, seed: s.seed, events: fin.results.events[r] }))));
    expect(eventLogFile(run, 'json').name).toBe('leaky-facilitator-seed1-runs2-events.json');
    state.clearRun();
    expect($('model-events').children).toHaveLength(0);
    expect($('model-events-empty').hidden).toBe(false);
  });

  it('lists the scenario\'s scheduled events, and says when there are none', () => {
    expect($('event-log-empty').hidden).toBe(false);
    state.edit(['events'], [{ tick: 30, type: 'shock', size: 0.3 }]);
    expect([...$('scheduled-events').querySelectorAll('li')].map((li) => li.textContent)).toContain('tick 30: a shock hits both sides (tension, anger and fear move 30 % of the way to the maximum)');
    expect($('event-log-empty').hidden).toBe(true);
  });
});

describe('eventMarkers', () => {
  it('eventMarkers(events, …) marks the events that have a mark at the year they first show, and on the Track One timeline only those about talks', () => {
    const events = [
      { tick: 12, type: 'leak' as const, why: 'a' },
      { tick: 24, type: 'consentGiven' as const, why: 'b' },
      { tick: 36, type: 'settlementSigned' as const, why: 'c' },
    ];
    expect(eventMarkers(events, { ticksPerYear: 12, startYear: 1960 })).toEqual([
      { x: 1961, label: 'leak', title: 'tick 12: a' }, { x: 1963, label: 'settlement', title: 'tick 36: c' },
    ]);
    expect(eventMarkers(events, { ticksPerYear: 12, trackOne: true }).map((m) => m.label)).toEqual(['settlement']);
  });
});
