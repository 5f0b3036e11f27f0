import type { Context } from '../context';
import {
  PHASE_FOLLOW_THROUGH, TRACK_ONE_NONE, TRACK_ONE_SETTLED, TRACK_ONE_TALKS, type Signing, type SimState,
} from '../state';
import { scheduleAfterSettlement } from './events';
import { exp, log } from '../portableMath';
import { POWER_BASE_TRACKS, TRACKS } from '../tracks/tracks';

/** Root causes left in place: the mean of both parties' mean anger and mean fear. */
export function rootCause(state: Readonly<SimState>): number {
  return (state.meanAnger[0] + state.meanAnger[1] + state.meanFear[0] + state.meanFear[1]) / 4;
}

/**
 * Power base B = (1 + κ_B·(active tracks − 1)/4) · Σ_j w(track_j − 1)·S_j over the power-base
 * tracks (Two to Five), with each track's weighted contribution; floored at 0 (hate media's
 * achievement is negative).
 */
export function updatePowerBase(state: SimState, ctx: Context): void {
  let active = 0;
  for (const t of TRACKS) if (state.activity[t.number] > 0) active++;
  const joint = 1 + ctx.params.jointPowerBase * Math.max(0, active - 1) / 4;
  const byTrack = state.powerBaseByTrack;
  byTrack.fill(0);
  ctx.scenario.actors.forEach((spec, j) => {
    if (ctx.actorTrack[j].powerBase) byTrack[spec.track] += joint * ctx.kernel[spec.track] * state.actors[j].achievement;
  });
  let sum = 0;
  for (const t of POWER_BASE_TRACKS) sum += byTrack[t.number];
  state.powerBase = Math.max(0, sum);
}

/** Ripeness R (Zartman): min over parties of min(1, K_p/hurtThreshold); 0 when one side expects to win. */
export function updateRipeness(state: SimState, ctx: Context): void {
  const p = ctx.params;
  const share0 = state.power[0] / (state.power[0] + state.power[1]);
  if (share0 > p.winShare || 1 - share0 > p.winShare) {
    state.ripeness = 0;
    return;
  }
  state.ripeness = Math.min(Math.min(1, state.cost[0] / p.hurtThreshold), Math.min(1, state.cost[1] / p.hurtThreshold));
}

/** Whether some actor of a track that opens talks (Track One) is in follow-through with the consent of both parties. */
export function officialsReady(state: Readonly<SimState>, ctx: Context): boolean {
  return state.actors.some((a, j) => {
    return ctx.actorTrack[j].opensTalks && a.phase === PHASE_FOLLOW_THROUGH && ctx.actorParties[j].length === 2 &&
      a.consent[0] === 1 && a.consent[1] === 1;
  });
}

/**
 * Per-year collapse hazard of the settlement `s` in force at the state's tick: h0·exp(min(50,
 * −κ_s·years since signing + β1·|Δ ln power ratio since signing| + β2·root causes − β3·quality)).
 * The baseline falls as the peace consolidates (the risk of renewed war is highest in the first
 * years: Collier, Hoeffler & Söderbom 2008; Walter 2004; Fortna 2004); a shift of power raises it
 * whenever it comes.
 */
export function collapseHazard(state: Readonly<SimState>, ctx: Context, s: Readonly<Signing>): number {
  const p = ctx.params;
  const shift = Math.abs(log(state.power[0] / state.power[1]) - s.logPowerRatio);
  const years = Math.max(0, state.tick - s.tick) * ctx.dt;
  const exponent = -p.collapseConsolidation * years + p.collapsePowerShift * shift + p.collapseRootCause * rootCause(state) - p.collapseQuality * s.quality;
  return p.collapseBase * exp(Math.min(50, exponent));
}

/**
 * Step 6: power base, ripeness, then the talks → settlement → collapse process. Two uniforms are
 * drawn from the `trackOne` stream every step whatever the state, so paired runs stay aligned.
 */
export function stepTrackOne(state: SimState, ctx: Context): void {
  const p = ctx.params;
  const dt = ctx.dt;
  updatePowerBase(state, ctx);
  updateRipeness(state, ctx);
  const rng = ctx.streams.trackOne;
  const uSign = rng();
  const uCollapse = rng();
  const B = state.powerBase;
  const conditions = officialsReady(state, ctx) && state.ripeness >= p.ripeThreshold && B + state.dyad[1] >= p.talksThreshold;

  if (state.trackOne === TRACK_ONE_NONE) {
    if (conditions) {
      state.trackOne = TRACK_ONE_TALKS;
      state.talksFailing = 0;
    }
  } else if (state.trackOne === TRACK_ONE_TALKS) {
    state.talksFailing = conditions ? 0 : state.talksFailing + 1;
    if (state.talksFailing > p.talksPatience) {
      state.trackOne = TRACK_ONE_NONE;
    } else if (conditions) {
      const rate = p.settleRate * state.ripeness * (1 + B) * (1 + p.guarantee);
      if (uSign < 1 - exp(-rate * dt)) {
        let insights = 0;
        for (const a of state.actors) insights += a.insights;
        state.trackOne = TRACK_ONE_SETTLED;
        state.settlements += 1;
        state.signings.push({
          tick: state.tick + 1,
          logPowerRatio: log(state.power[0] / state.power[1]),
          rootCause: rootCause(state),
          quality: 1 - exp(-(insights + B)),
          collapseTick: null,
        });
        scheduleAfterSettlement(state, ctx, state.tick + 1);
      }
    }
  } else {
    const s = state.signings[state.signings.length - 1];
    const hazard = collapseHazard(state, ctx, s);
    if (uCollapse < 1 - exp(-hazard * dt)) {
      state.trackOne = TRACK_ONE_NONE;
      state.collapses += 1;
      s.collapseTick = state.tick + 1;
    }
  }
}
