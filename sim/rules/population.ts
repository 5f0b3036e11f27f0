import type { Context } from '../context';
import type { SimState } from '../state';
import type { Effects } from './effects';
import { finishPartyMeans } from './hostility';
import { populationTerms } from './populationTerms';

/**
 * Step 3, agent mode: one synchronous pass over all agents. Each agent's anger and fear sum every
 * term of MODEL.md §5 — Richardson (reactivity to the perceived opponent hostility, fatigue,
 * personal grievance), DeGroot contagion over its network row and contact tie, exposure to this
 * step's incidents, the tracks' relief, the media climate, leak backlash, Track Four participation
 * and noise — read from the snapshot, clamped once, and written back in place.
 * The terms that are the same for every agent are worked out here first (populationTerms); the
 * loop over the agents runs in WebAssembly (sim/wasm/populationPass.as.ts, about twice as fast as
 * the same loop in JavaScript, with the same bits) over the run's arena, where the state's arrays
 * live. The snapshot is one interleaved buffer (anger, fear per agent), so a neighbour costs one
 * cache line; it is refilled every step, so anything else that writes state.anger or state.fear
 * between steps is seen.
 * Noise and exposure draws come from a 32-bit generator (mulberry32, sim/rng.ts) reseeded every
 * step from the `agents` stream.
 */
export function updateAgents(state: SimState, ctx: Context, fx: Readonly<Effects>): void {
  const { scratch } = ctx;
  const pass = scratch.pass!;
  populationTerms(scratch.terms, state, ctx, fx);
  pass.snapshotPairs(state.partyStart[2]);
  state.roleAnger.fill(0);
  state.roleFear.fill(0);
  state.roleCount.fill(0);
  let s = ctx.streams.agents.int32() | 0;
  for (let p = 0; p < 2; p++) s = pass.updateParty(p, state.partyStart[p], state.partyStart[p + 1], s);
  finishPartyMeans(state, ctx.params.eliteWeight);
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
