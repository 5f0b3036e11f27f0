import { partyIndex } from '../constants';
import type { Context } from '../context';
import { normal } from '../rng';
import type { SimState } from '../state';
import { exp, log } from '../portableMath';

/**
 * Step 1: scheduled power shifts (timed, or triggered `delay` ticks after a settlement) and
 * shocks, then the power drift. A shift moves a party's power and its anchor alike: structural
 * change persists. The drift is mean-reverting (`powerReversion` θ per year): log power follows an
 * Ornstein–Uhlenbeck process around the anchor, so drift deviations decay with half-life ln 2/θ while
 * shifts stay. Two drift normals are drawn every step, even at σ = 0, so the `drift` stream stays
 * aligned across scenarios; shocks draw nothing, so a scenario with an injected shock has the same
 * random draws as without it.
 */
export function applyEvents(state: SimState, ctx: Context): void {
  const t = state.tick;
  const events = ctx.scenario.events;
  events.forEach((ev) => {
    if (!('tick' in ev) || ev.tick !== t) return;
    if (ev.type === 'shock') applyShock(state, ctx, ev.party, ev.size);
    else shiftPower(state, ctx, ev.party, ev.factor);
  });
  if (state.pending.length) {
    const keep: Array<[number, number]> = [];
    for (const [k, at] of state.pending) {
      const ev = events[k];
      if (at === t && ev.type === 'powerShift') shiftPower(state, ctx, ev.party, ev.factor);
      else if (at !== t) keep.push([k, at]);
    }
    state.pending = keep;
  }
  const rng = ctx.streams.drift;
  const { decay, spread } = ctx.powerDrift;
  for (let p = 0; p < 2; p++) {
    const z = normal(rng);
    const sigma = ctx.scenario.parties[p].powerDrift;
    // without drift, power at its anchor stays exactly there (no log/exp round trip)
    if (!(sigma > 0) && (decay === 1 || state.power[p] === state.powerAnchor[p])) continue;
    if (decay === 1) {
      state.power[p] = clampPower(state.power[p] * exp(sigma * spread * z));
    } else {
      const m = log(state.powerAnchor[p]);
      state.power[p] = clampPower(exp(m + (log(state.power[p]) - m) * decay + sigma * spread * z));
    }
  }
}

/** Queues the settlement-triggered events after a signing at tick `t`. */
export function scheduleAfterSettlement(state: SimState, ctx: Context, t: number): void {
  ctx.scenario.events.forEach((ev, k) => {
    if (!('after' in ev)) return;
    if (!ev.repeat && state.eventFired[k]) return;
    state.eventFired[k] = 1;
    state.pending.push([k, t + ev.delay]);
  });
}

/**
 * A shock: tension, and the anger and fear of every agent of the party hit (of both parties when
 * none is named), move `size` of the way to 1 — in mean-field mode, those of the party's
 * representative agent.
 */
function applyShock(state: SimState, ctx: Context, party: string | undefined, size: number): void {
  state.dyad[0] += size * (1 - state.dyad[0]);
  const hit = party === undefined ? [0, 1] : [partyIndex(ctx.scenario, party)].filter((p) => p >= 0);
  for (const p of hit) {
    if (ctx.scenario.mode === 'meanfield') {
      state.mfAnger[p] += size * (1 - state.mfAnger[p]);
      state.mfFear[p] += size * (1 - state.mfFear[p]);
      continue;
    }
    for (let i = state.partyStart[p]; i < state.partyStart[p + 1]; i++) {
      state.anger[i] += size * (1 - state.anger[i]);
      state.fear[i] += size * (1 - state.fear[i]);
    }
  }
}

function shiftPower(state: SimState, ctx: Context, party: string, factor: number): void {
  const p = partyIndex(ctx.scenario, party);
  if (p < 0) return;
  state.power[p] = clampPower(state.power[p] * factor);
  state.powerAnchor[p] = clampPower(state.powerAnchor[p] * factor);
}

/** Keeps power positive and finite whatever the drift does over a long run. */
export function clampPower(x: number): number {
  return Math.min(1e12, Math.max(1e-12, x));
}
