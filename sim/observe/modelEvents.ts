import type { Context } from '../context';
import { exp } from '../portableMath';
import { chance, consentRate, entryConditions, type EntryConditions } from '../rules/actors';
import { collapseHazard, officialsReady, rootCause } from '../rules/trackOne';
import {
  PHASE_ANALYSIS, PHASE_DISENGAGED, PHASE_FOLLOW_THROUGH, TRACK_ONE_NONE, TRACK_ONE_TALKS, type SimState,
} from '../state';
import { trackName } from '../tracks/tracks';

/** The kinds of model event a run session reports (ODD §8, "Model events"). */
export const MODEL_EVENT_TYPES = [
  'powerShift', 'shock', 'expectsToWin', 'noLongerExpectsToWin', 'prematureExit', 'plannedExit', 'approached',
  'consentRefused', 'consentGiven', 'leak', 'brokenPromise', 'consentLost', 'talksOpened', 'talksLapsed',
  'settlementSigned', 'collapse',
] as const;
export type ModelEventType = (typeof MODEL_EVENT_TYPES)[number];

/** Most model events one run keeps: bounds memory when a scenario leaks every tick for a million ticks. */
export const MAX_EVENTS = 10_000;

/** An actor or a party of the scenario: its index and its name. */
export interface Named {
  index: number;
  name: string;
}

/**
 * Something that happened in the model at a step, as data: the tick whose observation first shows
 * it (the step from tick − 1), the actor and party concerned, and a one-line reason in plain
 * words, computed from the state at that moment (numbers without locale: the same text in Node
 * and every browser).
 */
export interface ModelEvent {
  tick: number;
  type: ModelEventType;
  actor?: Named;
  party?: Named;
  why: string;
}

/**
 * Watches one run's steps for model events by comparing the state before and after each step:
 * `before(state)` just before `step`, `after(state, emit)` just after. It reads the state and never
 * writes it, so a run's results are the same whether it is watched or not.
 */
export interface EventWatcher {
  before(state: Readonly<SimState>): void;
  after(state: Readonly<SimState>, emit: (e: ModelEvent) => void): void;
}

/** Per actor, the fields compared across a step. */
const PHASE = 0, APPROACHED = 1, CONSENT = 2, TRUST = 4, LEAKS = 6, BROKEN = 7, FIELDS = 8;

/** A number for a reason text: whole numbers as they are, others to two decimals. */
const num = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const pct = (share: number) => `${(100 * share).toFixed(0)} %`;
const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
/** Party q's share of power as ripeness reads it: party 0's, and 1 − that for party 1. */
const shareOf = (power: ArrayLike<number>, q: number) => {
  const share0 = power[0] / (power[0] + power[1]);
  return q === 0 ? share0 : 1 - share0;
};

/**
 * Creates the watcher of a run with this context (its scenario's actors, events and parties). It
 * does little per step unless something happened: comparisons of a few numbers per actor.
 */
export function createEventWatcher(ctx: Context): EventWatcher {
  const { scenario, params: p } = ctx;
  const parties: Named[] = scenario.parties.map((q, index) => ({ index, name: q.name }));
  const actors: Named[] = scenario.actors.map((a, index) => ({ index, name: a.name }));
  const labels = actors.map((a, j) => `${a.name} (${trackName(ctx.actorTrack[j])})`);
  const leakCost = `the trust of the party concerned falls by ${pct(p.leakTrustLoss)} and its angriest tenth grows angrier`;
  // timed power shifts and shocks by tick, in scenario order (as applyEvents applies them)
  const timed = new Map<number, number[]>();
  const shocks = new Map<number, Array<{ party?: string; size: number }>>();
  scenario.events.forEach((ev, k) => {
    if (!('tick' in ev)) return;
    if (ev.type === 'shock') shocks.set(ev.tick, [...(shocks.get(ev.tick) ?? []), ev]);
    else timed.set(ev.tick, [...(timed.get(ev.tick) ?? []), k]);
  });

  // the state before the step
  const was = new Float64Array(FIELDS * scenario.actors.length);
  const power = new Float64Array(2);
  const hostility = new Float64Array(2);
  const receptivity = new Float64Array(2);
  const due: Array<[event: number, at: number]> = [];
  let shocked: Array<{ party?: string; size: number }> = [];
  let tension = 0;
  let trackOne = 0;
  let settlements = 0;
  let collapses = 0;
  let ripeness = 0;
  // while reading the state after it: receptivity as each actor met it, and the entry conditions
  const rho = new Float64Array(2);
  let entry: EntryConditions | undefined;

  function before(state: Readonly<SimState>): void {
    power.set(state.power);
    hostility.set(state.hostility);
    receptivity.set(state.receptivity);
    trackOne = state.trackOne;
    settlements = state.settlements;
    collapses = state.collapses;
    ripeness = state.ripeness;
    due.length = 0;
    shocked = shocks.get(state.tick) ?? [];
    tension = state.dyad[0];
    for (const k of timed.get(state.tick) ?? []) due.push([k, state.tick]);
    for (const [k, at] of state.pending) if (at === state.tick) due.push([k, at]);
    for (let j = 0; j < state.actors.length; j++) {
      const a = state.actors[j];
      const o = j * FIELDS;
      was[o + PHASE] = a.phase;
      was[o + APPROACHED] = a.approached ? 1 : 0;
      was[o + CONSENT] = a.consent[0];
      was[o + CONSENT + 1] = a.consent[1];
      was[o + TRUST] = a.trust[0];
      was[o + TRUST + 1] = a.trust[1];
      was[o + LEAKS] = a.leaks;
      was[o + BROKEN] = a.brokenPromises;
    }
  }

  /** The entry conditions at the tick the step started from (the window sum the step added ends after them, in a slot none of them uses). */
  function entryAtStart(state: Readonly<SimState>): EntryConditions {
    return (entry ??= entryConditions({ tick: state.tick - 1, windowSums: state.windowSums }, ctx));
  }

  function consentWhy(state: Readonly<SimState>, j: number, q: number): string {
    const e = entryAtStart(state);
    const rate = consentRate(p, { credibility: scenario.actors[j].credibility, ripeness, hostility: hostility[q], recentViolence: e.recentViolence, receptivity: rho[q] });
    return `chance ${num(chance(rate, ctx.dt))} this tick, with hostility ${num(hostility[q])}, ripeness ${num(ripeness)}, recent violence ${num(e.recentViolence)} and willingness ${num(rho[q])}`;
  }

  function powerEvents(state: Readonly<SimState>, emit: (e: ModelEvent) => void): void {
    const tick = state.tick;
    for (const [k, at] of due) {
      const ev = scenario.events[k];
      if (ev.type !== 'powerShift') continue;
      const q = parties.findIndex((x) => x.name === ev.party);
      if (q < 0) continue;
      const cause = 'after' in ev ? `a power shift due ${ev.delay} ticks after the settlement of tick ${at - ev.delay}` : 'a scheduled power shift';
      emit({ tick, type: 'powerShift', party: parties[q], why: `${cause} multiplied ${possessive(ev.party)} power by ${num(ev.factor)}; its share of power moved from ${num(shareOf(power, q))} to ${num(shareOf(state.power, q))}` });
    }
    for (let q = 0; q < 2; q++) {
      const from = shareOf(power, q);
      const to = shareOf(state.power, q);
      if (from <= p.winShare && to > p.winShare) {
        emit({ tick, type: 'expectsToWin', party: parties[q], why: `${possessive(parties[q].name)} share of power rose to ${num(to)}, above ${num(p.winShare)}: it expects to win, so the conflict is not ripe for talks` });
      } else if (from > p.winShare && to <= p.winShare) {
        emit({ tick, type: 'noLongerExpectsToWin', party: parties[q], why: `${possessive(parties[q].name)} share of power fell to ${num(to)}, no longer above ${num(p.winShare)}: neither side expects to win` });
      }
    }
  }

  /** Shocks (scheduled, or injected by an instructor) at the step just taken. */
  function shockEvents(state: Readonly<SimState>, emit: (e: ModelEvent) => void): void {
    for (const s of shocked) {
      const q = s.party === undefined ? -1 : parties.findIndex((x) => x.name === s.party);
      const hit = q >= 0 ? possessive(parties[q].name) : 'both parties\'';
      emit({ tick: state.tick, type: 'shock', party: q >= 0 ? parties[q] : undefined, why: `a shock (scheduled for tick ${state.tick - 1}) moved tension and ${hit} anger and fear ${pct(s.size)} of the way to the maximum; tension went from ${num(tension)} to ${num(state.dyad[0])} over the step` });
    }
  }

  function actorEvents(state: Readonly<SimState>, j: number, emit: (e: ModelEvent) => void): void {
    const a = state.actors[j];
    const o = j * FIELDS;
    const own = ctx.actorParties[j];
    const needs = ctx.actorNeedsConsent[j];
    const exited = was[o + PHASE] !== PHASE_DISENGAGED && a.phase === PHASE_DISENGAGED;
    const approached = was[o + APPROACHED] === 0 && a.approached;
    const dLeaks = a.leaks - was[o + LEAKS];
    const dBroken = a.brokenPromises - was[o + BROKEN];
    // parties (bit q) that consented, and that withdrew consent, in this step; a grant and a leak
    // within one step show only in trust, which is set on the grant and cut by the leak
    let given = 0;
    let lost = 0;
    if (needs) {
      for (const q of own) {
        const c0 = was[o + CONSENT + q];
        const c1 = a.consent[q];
        if (c0 === 0 && c1 === 1) given |= 1 << q;
        else if (c0 === 1 && c1 === 0) lost |= 1 << q;
        else if (c0 === 0 && c1 === 0 && a.trust[q] !== was[o + TRUST + q]) {
          given |= 1 << q;
          lost |= 1 << q;
        }
      }
    }
    if (!exited && !approached && !dLeaks && !dBroken && !given && !lost) return;

    const tick = state.tick;
    const spec = scenario.actors[j];
    const actor = actors[j];
    const label = labels[j];
    if (exited) {
      const end = spec.start + spec.commitment;
      const engaged = was[o + PHASE] >= PHASE_ANALYSIS && was[o + APPROACHED] === 1;
      if (a.premature) {
        // later actors asked for consent after this exit lowered receptivity
        if (engaged) for (const q of own) rho[q] *= 1 - p.prematureExitReceptivity;
        const cost = engaged
          ? `communication and understanding fell by ${pct(p.prematureExitLoss)} and the willingness of ${own.map((q) => parties[q].name).join(' and ')} to receive third parties by ${pct(p.prematureExitReceptivity)}`
          : 'it had not yet engaged the parties, so nothing it built was lost';
        emit({ tick, type: 'prematureExit', actor, why: `${label} left ${end - a.exitTick} ticks before its commitment ran out (tick ${end}): ${cost}` });
      } else {
        emit({ tick, type: 'plannedExit', actor, why: a.exitTick === end ? `${label} left as its commitment ran out` : `${label} left as planned, ${a.exitTick - end} ticks after its commitment ran out` });
      }
    }
    if (approached) {
      const e = entryAtStart(state);
      const W = p.lullWindow;
      const why = spec.entry === 'immediate' ? `${label} approached the parties as soon as its preparation ended (entry: immediate)`
        : spec.entry === 'lull' ? `${label} approached the parties at a lull: ${num(e.recent)} incidents in the last ${W} ticks, at most ${num(p.lullRatio)} × the busiest such window of the past year (${num(e.peakWindow)})`
          : `${label} approached the parties at a peak: ${num(e.recent)} incidents in the last ${W} ticks, at least ${num(1 / p.lullRatio)} × the year's mean window (${num(e.meanWindow)})`;
      emit({ tick, type: 'approached', actor, why });
      for (const q of own) {
        if (needs && !(given & (1 << q))) emit({ tick, type: 'consentRefused', actor, party: parties[q], why: `${parties[q].name} did not consent to ${label} at first: ${consentWhy(state, j, q)}` });
      }
    }
    for (const q of own) {
      if (given & (1 << q)) emit({ tick, type: 'consentGiven', actor, party: parties[q], why: `${parties[q].name} consented to ${label}: ${consentWhy(state, j, q)}` });
    }
    for (let k = 1; k <= dLeaks; k++) {
      emit({ tick, type: 'leak', actor, why: `${label} let out what was said in confidence (leak ${a.leaks - dLeaks + k}): ${leakCost}` });
    }
    for (let k = 1; k <= dBroken; k++) {
      emit({ tick, type: 'brokenPromise', actor, why: `${label} broke a promise (${a.brokenPromises - dBroken + k} so far): ${leakCost}` });
    }
    const cause = dLeaks && dBroken ? 'a leak or a broken promise' : dLeaks ? 'a leak' : 'a broken promise';
    for (const q of own) {
      if (lost & (1 << q)) emit({ tick, type: 'consentLost', actor, party: parties[q], why: `${parties[q].name} withdrew consent from ${label} after ${cause}; it will ask again` });
    }
  }

  function trackOneEvents(state: Readonly<SimState>, emit: (e: ModelEvent) => void): void {
    const tick = state.tick;
    const B = state.powerBase;
    const C = state.dyad[1];
    if (trackOne === TRACK_ONE_NONE && state.trackOne === TRACK_ONE_TALKS) {
      const j = state.actors.findIndex((a, k) => ctx.actorTrack[k].opensTalks && a.phase === PHASE_FOLLOW_THROUGH && a.consent[0] === 1 && a.consent[1] === 1 && ctx.actorParties[k].length === 2);
      emit({ tick, type: 'talksOpened', actor: j >= 0 ? actors[j] : undefined, why: `talks opened: ripeness ${num(state.ripeness)} (needs ${num(p.ripeThreshold)}), power base plus communication ${num(B + C)} (needs ${num(p.talksThreshold)})${j >= 0 ? `, and ${labels[j]} has both parties' consent` : ''}` });
    } else if (trackOne === TRACK_ONE_TALKS && state.trackOne === TRACK_ONE_NONE) {
      const failing = [
        state.ripeness < p.ripeThreshold ? `ripeness ${num(state.ripeness)} is below ${num(p.ripeThreshold)}` : '',
        B + C < p.talksThreshold ? `power base plus communication ${num(B + C)} is below ${num(p.talksThreshold)}` : '',
        officialsReady(state, ctx) ? '' : 'no official has both parties\' consent',
      ].filter(Boolean);
      emit({ tick, type: 'talksLapsed', why: `talks lapsed after ${state.talksFailing} ticks without their conditions (patience ${p.talksPatience}): ${failing.join('; ')}` });
    }
    const signing = state.signings[state.signings.length - 1];
    if (state.settlements > settlements) {
      const q = signing.logPowerRatio >= 0 ? 0 : 1;
      emit({ tick, type: 'settlementSigned', why: `a settlement was signed with ripeness ${num(state.ripeness)} and power base ${num(B)}; its quality is ${num(signing.quality)}, and ${parties[q].name} holds ${num(shareOf(state.power, q))} of the power` });
    }
    if (state.collapses > collapses) {
      const signed0 = 1 / (1 + exp(-signing.logPowerRatio));
      const now0 = shareOf(state.power, 0);
      // the party whose share grew since signing
      const q = now0 >= signed0 ? 0 : 1;
      const at = (x: number) => num(q === 0 ? x : 1 - x);
      emit({ tick, type: 'collapse', party: parties[q], why: `the settlement of tick ${signing.tick} collapsed: ${possessive(parties[q].name)} share of power moved from ${at(signed0)} to ${at(now0)} since signing; with root causes at ${num(rootCause(state))} and quality ${num(signing.quality)} the hazard was ${num(collapseHazard(state, ctx, signing))} a year` });
    }
  }

  function after(state: Readonly<SimState>, emit: (e: ModelEvent) => void): void {
    entry = undefined;
    rho.set(receptivity);
    if (due.length || state.power[0] !== power[0] || state.power[1] !== power[1]) powerEvents(state, emit);
    if (shocked.length) shockEvents(state, emit);
    for (let j = 0; j < state.actors.length; j++) actorEvents(state, j, emit);
    if (state.trackOne !== trackOne || state.settlements !== settlements || state.collapses !== collapses) trackOneEvents(state, emit);
  }

  return { before, after };
}
