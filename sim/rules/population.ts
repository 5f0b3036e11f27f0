import type { Context } from '../context';
import { NORMAL_TABLE } from '../normalTable';
import type { Scratch } from '../scratch';
import type { SimState } from '../state';
import type { Effects } from './effects';
import { finishPartyMeans } from './hostility';
import { PARTY_TERM, PARTY_TERMS, PARTY_TERMS_AT, populationTerms, TERM } from './populationTerms';
import { MULBERRY32_STEP, mulberry32Hash } from '../rng';

const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/**
 * Step 3, agent mode: one synchronous pass over all agents. Each agent's anger and fear sum every
 * term of MODEL.md §5 — Richardson (reactivity to the perceived opponent hostility, fatigue,
 * personal grievance), DeGroot contagion over its network row and contact tie, exposure to this
 * step's incidents, the tracks' relief, the media climate, leak backlash, Track Four participation
 * and noise — read from the snapshot, clamped once, and written back in place.
 * The snapshot is one interleaved buffer (anger, fear per agent), so a neighbour costs one
 * cache line and one bounds check instead of two; it is refilled every step, so anything else
 * that writes state.anger or state.fear between steps is seen.
 * Noise and exposure draws come from a 32-bit generator (mulberry32, sim/rng.ts) reseeded every
 * step from the `agents` stream; V8 inlines its small hash into this loop.
 */
export function updateAgents(state: SimState, ctx: Context, fx: Readonly<Effects>): void {
  // the loops live in functions of their own: a long loop inside this function got compiled on
  // stack replacement with the state's layout of the first step, and that code was entered and
  // thrown away again at many later steps once the layout had changed
  const { scratch } = ctx;
  populationTerms(scratch.terms, state, ctx, fx);
  snapshotPairs(scratch.pairs, state.anger, state.fear, state.partyStart[2]);
  state.roleAnger.fill(0);
  state.roleFear.fill(0);
  state.roleCount.fill(0);
  let s = ctx.streams.agents.int32() | 0;
  for (let p = 0; p < 2; p++) s = updateParty(state, scratch, p, s);
  finishPartyMeans(state, ctx.params.eliteWeight);
}

/** Copies anger and fear of the first `n` agents into `X`, interleaved (the step's snapshot). */
function snapshotPairs(X: Float32Array, A: Readonly<Float32Array>, F: Readonly<Float32Array>, n: number): void {
  for (let i = 0; i < n; i++) {
    X[2 * i] = A[i];
    X[2 * i + 1] = F[i];
  }
}

/**
 * The pass over party `p`'s agents with the step's terms and snapshot in `scratch`, drawing from
 * mulberry32 state `seed`; returns the generator's new state.
 */
function updateParty(state: SimState, scratch: Scratch, p: number, seed: number): number {
  const { anger: A, fear: F, grievance: G, perceived: P, role, participant, contact, rowPtr, col, weight } = state;
  const { pairs: X, unitRows: unit, terms: t } = scratch;
  const NT = NORMAL_TABLE;
  const dt = t[TERM.dt];
  const mu = t[TERM.contagion];
  const cw = t[TERM.contactWeight];
  const noise = t[TERM.noise];
  const perDecay = t[TERM.perceivedKept];
  const dh = t[TERM.exposureHostility];
  const dfExp = t[TERM.exposureFear];
  const contactSeen = t[TERM.contactSeen];
  const phi = t[TERM.fearDecay];
  const at = PARTY_TERMS_AT + p * PARTY_TERMS;
  const k = t[at + PARTY_TERM.reactivity];
  const alpha = t[at + PARTY_TERM.fatigue];
  const security = t[at + PARTY_TERM.security];
  const pExp = t[at + PARTY_TERM.exposed];
  const media = t[at + PARTY_TERM.media];
  const mediaUp = t[at + PARTY_TERM.mediaUp] !== 0;
  const backlash = t[at + PARTY_TERM.backlash];
  const depth = t[at + PARTY_TERM.cohortDepth];
  const threshold = t[at + PARTY_TERM.hardliner];
  const Hq = t[at + PARTY_TERM.opponentHostility];
  const relA = at + PARTY_TERM.reliefAnger;
  const relF = at + PARTY_TERM.reliefFear;
  const sums = state.roleAnger;
  const sumsF = state.roleFear;
  const counts = state.roleCount;
  const ro = p * 3;
  const from = state.partyStart[p];
  const to = state.partyStart[p + 1];
  let s = seed;

  for (let i = from; i < to; i++) {
    const a = A[i];
    const f = F[i];
    let sa = 0, sf = 0, sw = 0;
    const start = rowPtr[i];
    const end = rowPtr[i + 1];
    if (unit[i] === 1) {
      // all weights 1: w·x is x and Σw the count, exactly, so skipping them changes no bit
      for (let e = start; e < end; e++) {
        const j = col[e] << 1;
        sa += X[j];
        sf += X[j + 1];
      }
      sw = end - start;
    } else {
      for (let e = start; e < end; e++) {
        const j = col[e] << 1;
        const w = weight[e];
        sa += w * X[j];
        sf += w * X[j + 1];
        sw += w;
      }
    }
    const c = contact[i];
    if (c >= 0) {
      sa += cw * X[2 * c];
      sf += cw * X[2 * c + 1];
      sw += cw;
    }
    // an agent whose weights sum to 0 keeps its value
    const pullA = sw > 0 ? sa / sw - a : 0;
    const pullF = sw > 0 ? sf / sw - f : 0;

    s = (s + MULBERRY32_STEP) | 0;
    const z = mulberry32Hash(s);
    const na = NT[z & 4095];
    const nf = NT[(z >>> 12) & 4095];

    let per = P[i] * perDecay;
    let exposed = false;
    if (pExp > 0) {
      s = (s + MULBERRY32_STEP) | 0;
      const y = mulberry32Hash(s) >>> 0;
      if (y * TWO_TO_MINUS_32 < pExp) {
        exposed = true;
        per += dh;
      }
    }
    P[i] = per;
    const status = participant[i];
    const hh = status === 0 ? Hq + per : (Hq + per) * contactSeen;
    const r = role[i];
    const reliefA = t[relA + r];
    const reliefF = t[relF + r];

    let da = dt * (k * (hh > 1 ? 1 : hh) - alpha * a + G[i] + mu * pullA - reliefA * a - media * (mediaUp ? 1 - a : a)) + noise * na;
    let df = dt * (-phi * f + security + mu * pullF - reliefF * f - media * (mediaUp ? 1 - f : f)) + noise * nf;
    if (exposed) df += dfExp * (1 - f);
    if (a >= threshold) da += backlash;
    if (status === 2) {
      da -= depth * a;
      df -= depth * f;
      participant[i] = 1;
    }
    let a1 = a + da;
    let f1 = f + df;
    a1 = a1 < 0 ? 0 : a1 > 1 ? 1 : a1;
    f1 = f1 < 0 ? 0 : f1 > 1 ? 1 : f1;
    A[i] = a1;
    F[i] = f1;
    // by role through small arrays rather than nine locals: fewer live registers in the loop
    sums[ro + r] += a1;
    sumsF[ro + r] += f1;
    counts[ro + r]++;
  }
  return s;
}

/**
 * Step 3, mean-field mode: one representative agent per party, no network, no noise. Anger is
 * Richardson's recurrence in explicit Euler form plus the tracks' relief; incidents enter by their
 * expected values and move fear only (and tension, in the dyad step).
 */
export function updateMeanField(state: SimState, ctx: Context, fx: Readonly<Effects>): void {
  const pr = ctx.params;
  const dt = ctx.dt;
  const a0 = state.mfAnger[0];
  const a1 = state.mfAnger[1];
  const next = [0, 0];
  const nextF = [0, 0];
  for (let p = 0; p < 2; p++) {
    const q = 1 - p;
    const party = ctx.scenario.parties[p];
    const a = p === 0 ? a0 : a1;
    const Hq = p === 0 ? a1 : a0;
    const f = state.mfFear[p];
    // role-weighted relief: the representative agent stands for elites, business and the rest
    let reliefA = 0;
    let reliefF = 0;
    const shares = [1 - party.eliteShare - party.businessShare, party.eliteShare, party.businessShare];
    for (let r = 0; r < 3; r++) {
      reliefA += Math.max(0, shares[r]) * fx.reliefAnger[p * 3 + r];
      reliefF += Math.max(0, shares[r]) * fx.reliefFear[p * 3 + r];
    }
    const m = pr.mediaDepth * state.media[p];
    const mediaA = m * (state.media[p] < 0 ? 1 - a : a);
    const mediaF = m * (state.media[p] < 0 ? 1 - f : f);
    let da = dt * (party.reactivity * Hq - party.fatigue * a + party.grievance);
    if (reliefA > 0 || mediaA !== 0) da -= dt * (reliefA * a + mediaA);
    // the angriest decile's backlash moves the mean by a tenth of it
    da += 0.1 * fx.backlash[p];
    const security = pr.securityDilemma * Math.max(0, state.power[q] / state.power[p] - 1);
    const df = dt * (-pr.fearDecay * f + security - reliefF * f - mediaF) +
      pr.exposure * pr.exposureFear * (1 - f) * state.incidents[p];
    next[p] = Math.min(1, Math.max(0, a + da));
    nextF[p] = Math.min(1, Math.max(0, f + df));
  }
  for (let p = 0; p < 2; p++) {
    state.mfAnger[p] = next[p];
    state.mfFear[p] = nextF[p];
    state.anger[p] = next[p];
    state.fear[p] = nextF[p];
    state.roleAnger[p * 3] = next[p];
    state.roleAnger[p * 3 + 1] = 0;
    state.roleAnger[p * 3 + 2] = 0;
    state.roleFear[p * 3] = nextF[p];
    state.roleFear[p * 3 + 1] = 0;
    state.roleFear[p * 3 + 2] = 0;
    state.roleCount[p * 3] = 1;
    state.roleCount[p * 3 + 1] = 0;
    state.roleCount[p * 3 + 2] = 0;
  }
  finishPartyMeans(state, pr.eliteWeight);
}
