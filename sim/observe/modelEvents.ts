import type { Context } from '../context';
import { exp } from '../portableMath';
import { chance, consentRate, entryConditions } from '../rules/actors';
import { collapseHazard, officialsReady, rootCause } from '../rules/trackOne';
import {
  PHASE_ANALYSIS, PHASE_DISENGAGED, PHASE_FOLLOW_THROUGH, TRACK_ONE_NONE, TRACK_ONE_TALKS, type SimState,
} from '../state';
import { trackName } from '../tracks/tracks';

/** The kinds of model event a run session reports (ODD §8, "Model events"). */
export const MODEL_EVENT_TYPES = [
  'powerShift', 'expectsToWin', 'noLongerExpectsToWin', 'prematureExit', 'plannedExit', 'approached',
  'consentRefused', 'consentGiven', 'leak', 'brokenPromise', 'consentLost', 'talksOpened', 'talksLapsed',
  'settlementSigned', 'collapse',
] as const;
export type ModelEventType = (typeof MODEL_EVENT_TYPES)[number];

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

/** Creates the watcher of a run with this context (its scenario's actors, events and parties). */
export function createEventWatcher(ctx: Context): EventWatcher {
  const { scenario, params: p } = ctx;
  const parties: Named[] = scenario.parties.map((q, index) => ({ index, name: q.name }));
  const actors: Named[] = scenario.actors.map((a, index) => ({ index, name: a.name }));
  const actorLabel = (j: number) => `${actors[j].name} (${trackName(ctx.actorTrack[j])})`;
  // timed power shifts by tick, in scenario order (as applyEvents applies them)
  const timed = new Map<number, number[]>();
  scenario.events.forEach((ev, k) => {
    if ('tick' in ev) timed.set(ev.tick, [...(timed.get(ev.tick) ?? []), k]);
  });

  const was = new Float64Array(FIELDS * scenario.actors.length);
  const power = new Float64Array(2);
  const hostility = new Float64Array(2);
  const receptivity = new Float64Array(2);
  const due: Array<[event: number, at: number]> = [];
  let trackOne = 0;
  let settlements = 0;
  let collapses = 0;
  let ripeness = 0;

  function before(state: Readonly<SimState>): void {
    power.set(state.power);
    hostility.set(state.hostility);
    receptivity.set(state.receptivity);
    trackOne = state.trackOne;
    settlements = state.settlements;
    collapses = state.collapses;
    ripeness = state.ripeness;
    due.length = 0;
    for (const k of timed.get(state.tick) ?? []) due.push([k, state.tick]);
    for (const [k, at] of state.pending) if (at === state.tick) due.push([k, at]);
    state.actors.forEach((a, j) => {
      const o = j * FIELDS;
      was[o + PHASE] = a.phase;
      was[o + APPROACHED] = a.approached ? 1 : 0;
      was[o + CONSENT] = a.consent[0];
      was[o + CONSENT + 1] = a.consent[1];
      was[o + TRUST] = a.trust[0];
      was[o + TRUST + 1] = a.trust[1];
      was[o + LEAKS] = a.leaks;
      was[o + BROKEN] = a.brokenPromises;
    });
  }

  function after(state: Readonly<SimState>, emit: (e: ModelEvent) => void): void {
    const tick = state.tick;
    const share0 = (x: ArrayLike<number>) => x[0] / (x[0] + x[1]);
    // party 1's share as ripeness reads it, 1 − share of party 0
    const shareOf = (x: ArrayLike<number>, q: number) => (q === 0 ? share0(x) : 1 - share0(x));

    for (const [k, at] of due) {
      const ev = scenario.events[k];
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

    // consent is asked after the step's exits, which lower receptivity: replay them in actor order
    const rho = Float64Array.from(receptivity);
    let entry: ReturnType<typeof entryConditions> | undefined;
    // the incident window of the tick the step started from; the slot the step overwrote is older than it needs
    const entryAtStart = () => (entry ??= entryConditions({ tick: tick - 1, incidentHistory: state.incidentHistory }, ctx));
    const consentChance = (j: number, q: number) => {
      const e = entryAtStart();
      const rate = consentRate(p, { credibility: scenario.actors[j].credibility, ripeness, hostility: hostility[q], recentViolence: e.recentViolence, receptivity: rho[q] });
      return `chance ${num(chance(rate, ctx.dt))} this tick, with hostility ${num(hostility[q])}, ripeness ${num(ripeness)}, recent violence ${num(e.recentViolence)} and willingness ${num(rho[q])}`;
    };

    state.actors.forEach((a, j) => {
      const o = j * FIELDS;
      const spec = scenario.actors[j];
      const actor = actors[j];
      const label = actorLabel(j);
      const own = ctx.actorParties[j];
      if (was[o + PHASE] !== PHASE_DISENGAGED && a.phase === PHASE_DISENGAGED) {
        const end = spec.start + spec.commitment;
        const engaged = was[o + PHASE] >= PHASE_ANALYSIS && was[o + APPROACHED] === 1;
        if (a.premature) {
          if (engaged) for (const q of own) rho[q] *= 1 - p.prematureExitReceptivity;
          const cost = engaged
            ? `communication and understanding fell by ${pct(p.prematureExitLoss)} and the willingness of ${own.map((q) => parties[q].name).join(' and ')} to receive third parties by ${pct(p.prematureExitReceptivity)}`
            : 'it had not yet engaged the parties, so nothing it built was lost';
          emit({ tick, type: 'prematureExit', actor, why: `${label} left ${end - a.exitTick} ticks before its commitment ran out (tick ${end}): ${cost}` });
        } else {
          emit({ tick, type: 'plannedExit', actor, why: a.exitTick === end ? `${label} left as its commitment ran out` : `${label} left as planned, ${a.exitTick - end} ticks after its commitment ran out` });
        }
      }
      // per party: consent granted and lost in this step (a grant and a leak within one step show
      // only in trust, which is set on the grant and cut by the leak)
      const needs = ctx.actorNeedsConsent[j];
      const grantedAndLost = (q: number) => was[o + CONSENT + q] === 0 && a.consent[q] === 0 && a.trust[q] !== was[o + TRUST + q];
      const given = own.filter((q) => needs && ((was[o + CONSENT + q] === 0 && a.consent[q] === 1) || grantedAndLost(q)));
      const lost = own.filter((q) => needs && ((was[o + CONSENT + q] === 1 && a.consent[q] === 0) || grantedAndLost(q)));
      if (was[o + APPROACHED] === 0 && a.approached) {
        const e = entryAtStart();
        const W = p.lullWindow;
        const why = spec.entry === 'immediate' ? `${label} approached the parties as soon as its preparation ended (entry: immediate)`
          : spec.entry === 'lull' ? `${label} approached the parties at a lull: ${num(e.recent)} incidents in the last ${W} ticks, at most ${num(p.lullRatio)} × the busiest such window of the past year (${num(e.peakWindow)})`
            : `${label} approached the parties at a peak: ${num(e.recent)} incidents in the last ${W} ticks, at least ${num(1 / p.lullRatio)} × the year's mean window (${num(e.meanWindow)})`;
        emit({ tick, type: 'approached', actor, why });
        for (const q of own) {
          if (needs && !given.includes(q)) emit({ tick, type: 'consentRefused', actor, party: parties[q], why: `${parties[q].name} did not consent to ${label} at first: ${consentChance(j, q)}` });
        }
      }
      for (const q of given) emit({ tick, type: 'consentGiven', actor, party: parties[q], why: `${parties[q].name} consented to ${label}: ${consentChance(j, q)}` });
      const dLeaks = a.leaks - was[o + LEAKS];
      const dBroken = a.brokenPromises - was[o + BROKEN];
      const trust = pct(p.leakTrustLoss);
      for (let k = 0; k < dLeaks; k++) {
        emit({ tick, type: 'leak', actor, why: `${label} let out what was said in confidence (leak ${a.leaks - dLeaks + k + 1}): the trust of the party concerned falls by ${trust} and its angriest tenth grows angrier` });
      }
      for (let k = 0; k < dBroken; k++) {
        emit({ tick, type: 'brokenPromise', actor, why: `${label} broke a promise (${a.brokenPromises - dBroken + k + 1} so far): the trust of the party concerned falls by ${trust} and its angriest tenth grows angrier` });
      }
      const cause = dLeaks && dBroken ? 'a leak or a broken promise' : dLeaks ? 'a leak' : 'a broken promise';
      for (const q of lost) emit({ tick, type: 'consentLost', actor, party: parties[q], why: `${parties[q].name} withdrew consent from ${label} after ${cause}; it will ask again` });
    });

    const B = state.powerBase;
    const C = state.dyad[1];
    if (trackOne === TRACK_ONE_NONE && state.trackOne === TRACK_ONE_TALKS) {
      const j = state.actors.findIndex((a, k) => ctx.actorTrack[k].opensTalks && a.phase === PHASE_FOLLOW_THROUGH && a.consent[0] === 1 && a.consent[1] === 1 && ctx.actorParties[k].length === 2);
      emit({ tick, type: 'talksOpened', actor: j >= 0 ? actors[j] : undefined, why: `talks opened: ripeness ${num(state.ripeness)} (needs ${num(p.ripeThreshold)}), power base plus communication ${num(B + C)} (needs ${num(p.talksThreshold)})${j >= 0 ? `, and ${actorLabel(j)} has both parties' consent` : ''}` });
    } else if (trackOne === TRACK_ONE_TALKS && state.trackOne === TRACK_ONE_NONE) {
      const failing = [
        state.ripeness < p.ripeThreshold ? `ripeness ${num(state.ripeness)} is below ${num(p.ripeThreshold)}` : '',
        B + C < p.talksThreshold ? `power base plus communication ${num(B + C)} is below ${num(p.talksThreshold)}` : '',
        officialsReady(state, ctx) ? '' : 'no official has both parties\' consent',
      ].filter(Boolean);
      emit({ tick, type: 'talksLapsed', why: `talks lapsed after ${state.talksFailing} ticks without their conditions (patience ${p.talksPatience}): ${failing.join('; ')}` });
    }
    const signings = state.signings;
    if (state.settlements > settlements) {
      const s = signings[signings.length - 1];
      const q = s.logPowerRatio >= 0 ? 0 : 1;
      emit({ tick, type: 'settlementSigned', why: `a settlement was signed with ripeness ${num(state.ripeness)} and power base ${num(B)}; its quality is ${num(s.quality)}, and ${parties[q].name} holds ${num(shareOf(state.power, q))} of the power` });
    }
    if (state.collapses > collapses) {
      const s = signings[signings.length - 1];
      const signed0 = 1 / (1 + exp(-s.logPowerRatio));
      const now0 = share0(state.power);
      // the party whose share grew since signing
      const q = now0 >= signed0 ? 0 : 1;
      const at = (x: number) => num(q === 0 ? x : 1 - x);
      const hazard = collapseHazard(state, ctx, s);
      emit({ tick, type: 'collapse', party: parties[q], why: `the settlement of tick ${s.tick} collapsed: ${possessive(parties[q].name)} share of power moved from ${at(signed0)} to ${at(now0)} since signing; with root causes at ${num(rootCause(state))} and quality ${num(s.quality)} the hazard was ${num(hazard)} a year` });
    }
  }

  return { before, after };
}
