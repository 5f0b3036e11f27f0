import type { Context } from '../context';
import {
  PHASE_ANALYSIS, PHASE_DISENGAGED, PHASE_EXPLORATION, PHASE_FOLLOW_THROUGH, PHASE_WAITING,
  type SimState,
} from '../state';
import { glaslStage } from './escalation';
import type { Effects } from './effects';
import { exp, pow } from '../portableMath';
import { TRACKS } from '../tracks/tracks';

/** Whether the incident history is at a lull or a peak, the window sums that decide it, and the normalised violence over the lull window. */
export interface EntryConditions {
  lull: boolean;
  peak: boolean;
  recentViolence: number;
  /** Incidents over the last lullWindow ticks, and the largest and the mean such window of the trailing year. */
  recent: number;
  peakWindow: number;
  meanWindow: number;
}

/**
 * Whether the trailing incident history is at a lull, and whether at a peak (MODEL.md §6, phase 2),
 * from the window sums S(e) that `recordIncidents` keeps: S(e) for e ≤ 0 is 0 (a quiet start is a lull).
 */
export function entryConditions(state: Readonly<Pick<SimState, 'tick' | 'windowSums'>>, ctx: Context): EntryConditions {
  const sums = state.windowSums;
  const R = sums.length;
  const year = ctx.scenario.ticksPerYear;
  const W = ctx.params.lullWindow;
  const t = state.tick;
  const windowSum = (end: number) => (end <= 0 ? 0 : sums[end % R]);
  const recent = windowSum(t);
  let peak = 0;
  let mean = 0;
  for (let end = t - year + 1; end <= t; end++) {
    const w = windowSum(end);
    if (w > peak) peak = w;
    mean += w / year;
  }
  const ratio = ctx.params.lullRatio;
  // normalised violence over the window, as V is per step
  const scale = 2 * ctx.params.incidentRate * ctx.dt * W;
  const recentViolence = scale > 0 ? Math.min(1, recent / scale) : 0;
  return { lull: recent <= ratio * peak, peak: recent > 0 && recent >= mean / ratio, recentViolence, recent, peakWindow: peak, meanWindow: mean };
}

/** A per-step probability from a per-year rate. */
export function chance(ratePerYear: number, dt: number): number {
  return ratePerYear > 0 ? 1 - exp(-ratePerYear * dt) : 0;
}

/** What a party's consent to an actor depends on, read at the tick the step starts from. */
export interface ConsentFactors {
  credibility: number;
  ripeness: number;
  /** The party's hostility H_q. */
  hostility: number;
  recentViolence: number;
  /** The party's receptivity ρ_q. */
  receptivity: number;
}

/** The per-year rate at which a party grants consent (ODD §7.6). */
export function consentRate(p: Context['params'], f: ConsentFactors): number {
  return p.consentRate * f.credibility * (1 + f.ripeness) * (1 - f.hostility) *
    Math.max(0, 1 - p.consentViolenceAversion * f.recentViolence) * f.receptivity;
}

/**
 * Step 4: every actor's lifecycle transition (MODEL.md §6), then its effects, gathered into `fx`.
 * Reads the snapshot (stage, ripeness, hostility, incident history) of the tick the step starts
 * from. Each actor draws six uniforms a step from its own stream (consent, leak, broken promise,
 * per party) whatever its phase, so changing one actor never shifts another's draws.
 */
export function stepActors(state: SimState, ctx: Context, fx: Effects): void {
  const { scenario, params: p, dt } = ctx;
  const t = state.tick;
  const stage = glaslStage(state.escalation);
  const entry = entryConditions(state, ctx);
  const prevActivity = state.activity.slice();
  state.activity.fill(0);
  const T = state.dyad[0];

  scenario.actors.forEach((spec, j) => {
    const a = state.actors[j];
    const parties = ctx.actorParties[j];
    const needsConsent = ctx.actorNeedsConsent[j];
    const rng = ctx.streams.actors[j];
    const u = [rng(), rng(), rng(), rng(), rng(), rng()];

    transition(state, ctx, { j, entry, fx });

    // consent: asked in analysis & involvement (once approached) and again in follow-through after a loss
    if ((a.phase === PHASE_ANALYSIS && a.approached) || a.phase === PHASE_FOLLOW_THROUGH) {
      for (const q of parties) {
        if (a.consent[q]) continue;
        const granted = !needsConsent || u[q * 3] < chance(consentRate(p, {
          credibility: spec.credibility, ripeness: state.ripeness, hostility: state.hostility[q],
          recentViolence: entry.recentViolence, receptivity: state.receptivity[q],
        }), dt);
        if (granted) {
          a.consent[q] = 1;
          if (a.trust[q] === 0) a.trust[q] = p.initialTrust;
          if (needsConsent && a.consentTick < 0) a.consentTick = t;
        }
      }
      if (a.phase === PHASE_ANALYSIS && parties.some((q) => a.consent[q])) a.phase = PHASE_FOLLOW_THROUGH;
    }

    let eMean = 0;
    if (a.phase === PHASE_FOLLOW_THROUGH) {
      a.tenure += 1;
      const [from, to] = ctx.stageWindow[spec.track];
      const glasl = stage >= from && stage <= to ? 1 : p.offWindowFactor;
      const synergy = 1 + p.synergy * ((prevActivity[spec.track - 1] ?? 0) + (prevActivity[spec.track + 1] ?? 0)) / 2;
      const tenure = 1 - exp(-(a.tenure * dt) / p.tenureScale);
      for (const q of parties) {
        if (a.consent[q]) a.trust[q] += dt * p.trustRate * (1 - a.trust[q]);
        a.effect[q] = a.consent[q] ? a.skill * spec.credibility * a.trust[q] * tenure * glasl * synergy : 0;
        // leaks and broken promises: consent lost (asked again later), trust falls, hardliners anger
        for (const [draw, ratePerYear, count] of [[u[q * 3 + 1], spec.confidentiality, 'leaks'], [u[q * 3 + 2], spec.promiseReliability, 'brokenPromises']] as const) {
          if (a.consent[q] && draw < chance(ratePerYear, dt)) {
            a[count] += 1;
            a.trust[q] *= 1 - p.leakTrustLoss;
            if (needsConsent) a.consent[q] = 0;
            fx.backlash[q] += p.leakBacklash;
          }
        }
        eMean += a.effect[q] / parties.length;
      }
      // activity counts effectiveness with the parties, capped at 1 per track
      state.activity[spec.track] = Math.min(1, state.activity[spec.track] + eMean);
    } else if (a.phase === PHASE_DISENGAGED) {
      const fade = pow(0.5, ((t - a.exitTick) * dt) / p.aftermathHalfLife);
      for (const q of parties) a.effect[q] = a.effectAtExit[q] * fade;
      a.achievement *= pow(0.5, dt / p.aftermathHalfLife);
    } else {
      a.effect.fill(0);
    }

    // effects, scaled by capacity and effectiveness, rates per year
    a.commPool *= exp(-p.relationDecay * dt);
    let gain = 0;
    const track = ctx.actorTrack[j];
    for (const q of parties) {
      const e = a.effect[q] * spec.capacity;
      if (!(e > 0)) continue;
      gain += track.effect(state, ctx, { j, spec, actor: a, q, e, fx });
    }
    // the actor's share of tension relief through the communication and understanding it built,
    // and of the violence deterred by the interdependence it built (in units of V; assumption)
    gain += dt * p.tensionRelief * T * a.commPool / 2;
    a.tradePool *= exp(-p.relationDecay * dt);
    if (a.tradePool > 0) gain += dt * p.tradeDeterrence * a.tradePool * (state.hostility[0] + state.hostility[1]) / 2 * (0.5 + 0.5 * T);
    // after exit the achievement only halves (MODEL.md §6); fading effects are no longer credited
    if (a.phase === PHASE_FOLLOW_THROUGH) a.achievement += gain;
  });

  for (const track of TRACKS) track.afterActors?.(state, ctx);
}

/** Phase changes of actor j at the state's tick: start, exploration, approach, and exit (premature or not). */
function transition(state: SimState, ctx: Context, o: { j: number; entry: EntryConditions; fx: Effects }): void {
  const { j, entry, fx } = o;
  const a = state.actors[j];
  const spec = ctx.scenario.actors[j];
  const t = state.tick;
  const p = ctx.params;
  if (a.phase !== PHASE_DISENGAGED && t >= ctx.actorLeaveAt[j] && t >= spec.start) {
    const wasEngaged = a.phase >= PHASE_ANALYSIS && a.approached;
    a.phase = PHASE_DISENGAGED;
    a.exitTick = t;
    a.effectAtExit.set(a.effect);
    a.premature = ctx.actorLeaveAt[j] < spec.start + spec.commitment;
    if (a.premature && wasEngaged) {
      // a premature exit breaks what was built and makes the parties wary of the next third party
      fx.dC -= p.prematureExitLoss * state.dyad[1];
      fx.dU -= p.prematureExitLoss * state.dyad[2];
      for (const q of ctx.actorParties[j]) state.receptivity[q] *= 1 - p.prematureExitReceptivity;
    }
    return;
  }
  if (a.phase === PHASE_WAITING && t >= spec.start) {
    a.phase = PHASE_EXPLORATION;
    a.skill = spec.skill;
  }
  if (a.phase === PHASE_EXPLORATION) {
    if (t - spec.start < spec.prepTicks) {
      a.skill += ctx.dt * p.skillRate * (1 - a.skill);
      return;
    }
    a.phase = PHASE_ANALYSIS;
  }
  if (a.phase === PHASE_ANALYSIS && !a.approached) {
    a.approached = spec.entry === 'immediate' || (spec.entry === 'lull' ? entry.lull : entry.peak);
  }
}
