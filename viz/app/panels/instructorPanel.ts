import { Actor } from '../../../sim/scenario/schema';
import type { AppState } from '../appState';
import { byId, el } from '../dom';
import type { EditableScenario } from '../fillScenario';
import { TRACKS, trackLabel, trackName, trackOf } from '../../../sim/tracks/tracks';

/** Options of `instructorPanel`. */
export interface InstructorPanelOptions {
  state: AppState;
  /** Runs the working scenario again, from tick 0, with the injected event. */
  run: () => Promise<void>;
}

/** What an instructor can inject. */
type Kind = 'shock' | 'powerShift' | 'leave' | 'enter';

const KINDS: [Kind, string][] = [
  ['shock', 'a shock (an atrocity, an assassination)'],
  ['powerShift', 'a power shift (an ally joins one side)'],
  ['leave', 'an actor leaves'],
  ['enter', 'an actor enters'],
];

/** The scenario with `kind` injected at `tick`, as scenario data: events, a leaving tick, or a new actor. */
export function injected(s: EditableScenario, o: { kind: Kind; tick: number; party: string; size: number; factor: number; actor: number; track: number }): Partial<EditableScenario> {
  switch (o.kind) {
    case 'shock':
      return { events: [...s.events, { tick: o.tick, type: 'shock', ...(o.party ? { party: o.party } : {}), size: o.size }] };
    case 'powerShift':
      return { events: [...s.events, { tick: o.tick, type: 'powerShift', party: o.party || s.parties[0].name, factor: o.factor }] };
    case 'leave':
      return { actors: s.actors.map((a, j) => (j === o.actor ? { ...a, leaveAt: Math.max(a.start, o.tick) } : a)) };
    case 'enter':
      return { actors: [...s.actors, Actor.parse({ name: `${trackName(trackOf(o.track))} actor (entered at tick ${o.tick})`, track: o.track, start: o.tick })] };
  }
}

/**
 * Instructor mode, like a simulation controller: during a run (paused or not) the instructor
 * injects a shock, a power shift, an actor leaving or an actor entering at the tick the run has
 * reached. Each injection is written into the scenario (an event, a leaving tick, a new actor)
 * and the run starts again from tick 0: the model is deterministic, so it replays the same history
 * up to that tick and then follows the injection — and the share link and exports replay it
 * exactly. The event log under the charts lists them (eventLogPanel).
 */
export function instructorPanel({ state, run }: InstructorPanelOptions): void {
  const root = byId('instructor-body');
  const kind = el('select', { id: 'inject-kind' }, ...KINDS.map(([v, t]) => el('option', { value: v, text: t })));
  const tick = el('input', { id: 'inject-tick', type: 'number', min: 0, step: 1, value: 0 });
  const party = el('select', { id: 'inject-party' });
  const size = el('input', { id: 'inject-size', type: 'number', min: 0, max: 1, step: 0.05, value: 0.3 });
  const factor = el('input', { id: 'inject-factor', type: 'number', min: 0.01, max: 1000, step: 'any', value: 2 });
  const actor = el('select', { id: 'inject-actor' });
  const track = el('select', { id: 'inject-track' }, ...TRACKS.map((t) => el('option', { value: t.number, text: trackLabel(t) })));
  const button = el('button', { type: 'button', id: 'inject', 'data-testid': 'inject', text: 'Inject and replay' });
  const error = el('div', { class: 'field-error', id: 'inject-error', 'aria-live': 'polite' });
  const field = (label: string, input: HTMLElement) => el('div', { class: 'field' }, el('label', { for: input.id, text: label }), input);
  const rows = { party: field('which side', party), size: field('size (0 = none, 1 = the most)', size), factor: field('power multiplied by', factor), actor: field('which actor', actor), track: field('which track', track) };
  root.append(el('p', { class: 'muted', text: 'Pause the run where something should happen, choose the event, and inject it: the run replays from the start with the event in the scenario, so the share link and exports reproduce it.' }),
    field('what happens', kind), field('at tick', tick), ...Object.values(rows), el('div', { class: 'row' }, button), error);

  function showFields(): void {
    const k = kind.value as Kind;
    rows.party.hidden = k !== 'shock' && k !== 'powerShift';
    rows.size.hidden = k !== 'shock';
    rows.factor.hidden = k !== 'powerShift';
    rows.actor.hidden = k !== 'leave';
    rows.track.hidden = k !== 'enter';
    // a power shift has one side; a shock may hit both
    party.querySelector('option[value=""]')?.toggleAttribute('hidden', k === 'powerShift');
    if (k === 'powerShift' && party.value === '') party.value = state.working.parties[0].name;
  }
  function fill(): void {
    const s = state.working;
    party.replaceChildren(el('option', { value: '', text: 'both sides' }), ...s.parties.map((p) => el('option', { value: p.name, text: p.name })));
    actor.replaceChildren(...s.actors.map((a, j) => el('option', { value: j, text: `${a.name} (${trackName(trackOf(a.track))})` })));
    tick.max = String(s.ticks - 1);
    showFields();
  }
  /** Follows the run: the tick field shows the tick the run has reached while it goes. */
  function follow(): void {
    const runs = state.current?.results.runs ?? [];
    if (state.running && runs.length) tick.value = String(Math.max(0, runs[runs.length - 1].rows - 1));
  }

  kind.addEventListener('change', showFields);
  button.addEventListener('click', () => {
    const s = state.working;
    const t = Number(tick.value);
    const k = kind.value as Kind;
    if (!Number.isInteger(t) || t < 0 || t >= s.ticks) return void (error.textContent = `The tick must be a whole number from 0 to ${s.ticks - 1}.`);
    if (k === 'leave' && !s.actors.length) return void (error.textContent = 'This scenario has no actor to leave.');
    if (k === 'shock' && !(Number(size.value) >= 0 && Number(size.value) <= 1)) return void (error.textContent = 'The size must be from 0 to 1.');
    if (k === 'powerShift' && !(Number(factor.value) > 0 && Number(factor.value) <= 1000)) return void (error.textContent = 'The power must be multiplied by more than 0 and at most 1000.');
    error.textContent = '';
    const change = injected(s, { kind: k, tick: t, party: party.value, size: Number(size.value), factor: Number(factor.value), actor: Number(actor.value), track: Number(track.value) });
    for (const [key, value] of Object.entries(change)) state.edit([key], value);
    state.setStatus(`Injected at tick ${t}: ${KINDS.find(([v]) => v === k)?.[1]}. The run replays from tick 0 with it.`);
    void run();
  });
  state.on('scenario', fill);
  state.on('edit', fill);
  state.on('tracks', fill);
  state.on('progress', follow);
}
