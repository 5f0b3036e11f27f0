import { describe, expect, it } from 'vitest';
import { createSimulation, step, type ScenarioData } from '../../../sim/index';
import { entryConditions, stepActors } from '../../../sim/rules/actors';
import { recordIncidents } from '../../../sim/rules/recordIncidents';
import { resetEffects } from '../../../sim/rules/effects';
import {
  PHASE_ANALYSIS, PHASE_DISENGAGED, PHASE_EXPLORATION, PHASE_FOLLOW_THROUGH, PHASE_WAITING, ROLE_BUSINESS, ROLE_ELITE, ROLE_GENERAL,
} from '../../../sim/state';
import type { ScenarioOverrides } from '../../fixtures/sim/makeScenario';
import { makeScenario } from '../../fixtures/sim/makeScenario';

type ActorInput = NonNullable<ScenarioOverrides['actors']>[number];

function withActor(actor: Partial<ActorInput>, o: ScenarioOverrides = {}): ScenarioData {
  return makeScenario({ ticksPerYear: 12, ...o, actors: [{ name: 'X', track: 2, ...actor }] });
}

/** Records a history in which step s (for s < tick) had `f(s)` incidents, as step() records it, and sets the tick. */
function setHistory(sim: ReturnType<typeof createSimulation>, tick: number, f: (s: number) => number) {
  const st = sim.state;
  st.incidentHistory.fill(0);
  st.windowSums.fill(0);
  for (let s = 0; s < tick; s++) {
    st.tick = s;
    recordIncidents(st, sim.ctx, f(s));
  }
  st.tick = tick;
}

/** Runs stepActors alone, as step() does (effects reset first). */
function actorsStep(sim: ReturnType<typeof createSimulation>) {
  resetEffects(sim.ctx.scratch.fx);
  stepActors(sim.state, sim.ctx, sim.ctx.scratch.fx);
  return sim.ctx.scratch.fx;
}

describe('entryConditions()', () => {
  const sim = createSimulation(withActor({}, { params: { lullWindow: 3, lullRatio: 0.5 } }));
  const st = sim.state;

  it('entryConditions() counts a quiet start (no history) as a lull and not a peak', () => {
    setHistory(sim, 0, () => 0);
    expect(entryConditions(st, sim.ctx)).toMatchObject({ lull: true, peak: false });
  });

  it('entryConditions() sees neither a lull nor a peak in steady violence', () => {
    setHistory(sim, 40, () => 2);
    expect(entryConditions(st, sim.ctx)).toMatchObject({ lull: false, peak: false });
  });

  it('entryConditions() sees a lull when the last lullWindow ticks fall to at most lullRatio of the year\'s peak', () => {
    setHistory(sim, 40, (s) => (s < 37 ? 2 : 0));
    expect(entryConditions(st, sim.ctx).lull).toBe(true);
    // recent 3 against a peak of 6: exactly lullRatio, still a lull; 4 is not
    setHistory(sim, 40, (s) => (s < 37 ? 2 : 1));
    expect(entryConditions(st, sim.ctx).lull).toBe(true);
    setHistory(sim, 40, (s) => (s < 37 ? 2 : s === 39 ? 2 : 1));
    expect(entryConditions(st, sim.ctx).lull).toBe(false);
  });

  it('entryConditions() sees a peak when recent incidents reach 1/lullRatio of the trailing mean', () => {
    setHistory(sim, 40, (s) => (s < 37 ? 1 : 5));
    expect(entryConditions(st, sim.ctx)).toMatchObject({ lull: false, peak: true });
  });

  it('entryConditions() forgets violence older than a year plus the window', () => {
    setHistory(sim, 40, (s) => (s < 20 ? 50 : 1));
    // the burst before tick 20 is outside the trailing year: steady 1s are neither lull nor peak
    expect(entryConditions(st, sim.ctx)).toMatchObject({ lull: false, peak: false });
  });
});

describe('stepActors() lifecycle', () => {
  it('stepActors() keeps an actor waiting before start, then exploring for prepTicks, with skill rising and no effect', () => {
    const sim = createSimulation(withActor({ start: 5, prepTicks: 4, skill: 0.5, consent: false }, { params: { skillRate: 1 } }));
    const phases: number[] = [];
    const skills: number[] = [];
    for (let t = 0; t < 12; t++) {
      step(sim.state, sim.ctx);
      phases.push(sim.state.actors[0].phase);
      skills.push(sim.state.actors[0].skill);
      if (sim.state.actors[0].phase < PHASE_FOLLOW_THROUGH) expect(Array.from(sim.state.actors[0].effect)).toEqual([0, 0]);
    }
    // phases after the steps at t = 0…11: waiting for t < 5, exploration for t = 5…8, then approach (no consent needed)
    expect(phases.slice(0, 5)).toEqual(new Array(5).fill(PHASE_WAITING));
    expect(phases.slice(5, 9)).toEqual(new Array(4).fill(PHASE_EXPLORATION));
    expect(phases[9]).toBe(PHASE_FOLLOW_THROUGH);
    // skill rises towards 1 at skillRate per year during exploration, then stays
    let skill = 0.5;
    for (let k = 0; k < 4; k++) skill += (1 - skill) / 12;
    expect(skills[8]).toBeCloseTo(skill, 12);
    expect(skills[11]).toBe(skills[8]);
  });

  it('stepActors() with prepTicks 0 skips exploration', () => {
    const sim = createSimulation(withActor({ prepTicks: 0, consent: false }));
    step(sim.state, sim.ctx);
    expect(sim.state.actors[0].phase).toBe(PHASE_FOLLOW_THROUGH);
  });

  it('stepActors() makes a lull-entry actor wait through steady violence and approach at the lull', () => {
    const sim = createSimulation(withActor({ prepTicks: 0, entry: 'lull', consent: false }));
    setHistory(sim, 30, () => 2);
    actorsStep(sim);
    const a = sim.state.actors[0];
    expect(a.phase).toBe(PHASE_ANALYSIS);
    expect(a.approached).toBe(false);
    setHistory(sim, 31, (s) => (s < 28 ? 2 : 0));
    actorsStep(sim);
    expect(a.approached).toBe(true);
    expect(a.phase).toBe(PHASE_FOLLOW_THROUGH);
  });

  it('stepActors() makes a peak-entry actor wait for a peak, while an immediate one approaches at once', () => {
    const peak = createSimulation(withActor({ prepTicks: 0, entry: 'peak', consent: false }));
    setHistory(peak, 30, () => 2);
    actorsStep(peak);
    expect(peak.state.actors[0].approached).toBe(false);
    setHistory(peak, 31, (s) => (s < 28 ? 2 : 8));
    actorsStep(peak);
    expect(peak.state.actors[0].approached).toBe(true);
    const now = createSimulation(withActor({ prepTicks: 0, entry: 'immediate', consent: false }));
    setHistory(now, 30, () => 2);
    actorsStep(now);
    expect(now.state.actors[0].phase).toBe(PHASE_FOLLOW_THROUGH);
  });

  it('stepActors() holds an actor that needs consent in analysis until a party consents; one that needs none proceeds', () => {
    const never = createSimulation(withActor({ prepTicks: 0, consent: true }, { params: { consentRate: 0 } }));
    const free = createSimulation(withActor({ prepTicks: 0, consent: false }, { params: { consentRate: 0 } }));
    for (let t = 0; t < 24; t++) {
      step(never.state, never.ctx);
      step(free.state, free.ctx);
    }
    expect(never.state.actors[0].phase).toBe(PHASE_ANALYSIS);
    expect(Array.from(never.state.actors[0].consent)).toEqual([0, 0]);
    expect(Array.from(never.state.actors[0].effect)).toEqual([0, 0]);
    expect(never.state.actors[0].consentTick).toBe(-1);
    expect(free.state.actors[0].phase).toBe(PHASE_FOLLOW_THROUGH);
    expect(Array.from(free.state.actors[0].consent)).toEqual([1, 1]);
    expect(free.state.actors[0].effect[0]).toBeGreaterThan(0);
  });

  it('stepActors() grants consent at a per-year rate that falls with the party\'s hostility (none at H = 1)', () => {
    const sim = createSimulation(withActor({ prepTicks: 0, consent: true, credibility: 1 }, { params: { consentRate: 1000 } }));
    sim.state.hostility.set([1, 0.2]);
    actorsStep(sim);
    const a = sim.state.actors[0];
    expect(Array.from(a.consent)).toEqual([0, 1]);
    expect(a.phase).toBe(PHASE_FOLLOW_THROUGH);
    expect(a.consentTick).toBe(0);
    expect(a.trust[1]).toBeGreaterThan(0);
  });

  it('stepActors() defaults consent by track: Tracks One, Two and Four ask, Three and Five do not', () => {
    const needs = [1, 2, 3, 4, 5].map((track) => {
      const sim = createSimulation(makeScenario({ actors: [{ name: 'X', track, prepTicks: 0 }], params: { consentRate: 0 } }));
      step(sim.state, sim.ctx);
      return sim.state.actors[0].phase === PHASE_ANALYSIS;
    });
    expect(needs).toEqual([true, true, false, true, false]);
  });
});

describe('stepActors() effectiveness', () => {
  /** An actor already in follow-through with both parties, and a state at a chosen Glasl stage. */
  function engaged(track: number, o: ScenarioOverrides = {}, X = 0.5) {
    const params = { trustRate: 0.5, tenureScale: 2, ...o.params };
    const sim = createSimulation(withActor({ track, prepTicks: 0, consent: false, credibility: 0.9, capacity: 0.5 }, { ...o, params }));
    const a = sim.state.actors[0];
    a.phase = PHASE_FOLLOW_THROUGH;
    a.approached = true;
    a.skill = 0.8;
    a.tenure = 11;
    a.consent.set([1, 1]);
    a.trust.set([0.6, 0.4]);
    sim.state.escalation = X;
    return sim;
  }
  const dt = 1 / 12;
  const expectedEffect = (trust: number, glasl: number, synergy: number, tau = 2) => {
    const t1 = trust + dt * 0.5 * (1 - trust);
    return 0.8 * 0.9 * t1 * (1 - Math.exp(-(12 * dt) / tau)) * glasl * synergy;
  };
  const quietParams = { confidentiality: 0, promiseReliability: 0 };

  it('stepActors() sets e = skill · credibility · trust · (1 − exp(−tenure/τ_c)) inside the Glasl window', () => {
    // X = 0.5 is stage 5, inside Track Two's window [3, 6]
    const sim = engaged(2, { params: { trustRate: 0.5, tenureScale: 2, synergy: 0 } });
    Object.assign(sim.ctx.scenario.actors[0], quietParams);
    actorsStep(sim);
    const a = sim.state.actors[0];
    expect(a.tenure).toBe(12);
    expect(a.effect[0]).toBeCloseTo(expectedEffect(0.6, 1, 1), 12);
    expect(a.effect[1]).toBeCloseTo(expectedEffect(0.4, 1, 1), 12);
  });

  it('stepActors() multiplies e by offWindowFactor outside the track\'s Glasl window', () => {
    // X = 0.05 is stage 1, outside Track Two's [3, 6]
    const sim = engaged(2, { params: { offWindowFactor: 0.3, synergy: 0 } }, 0.05);
    Object.assign(sim.ctx.scenario.actors[0], quietParams);
    actorsStep(sim);
    expect(sim.state.actors[0].effect[0]).toBeCloseTo(expectedEffect(0.6, 0.3, 1), 12);
  });

  it('stepActors() multiplies e by 1 + σ·(activity of tracks k−1 and k+1)/2 from the last step (adjacent synergy)', () => {
    const sim = engaged(3, { params: { synergy: 0.5, stageWindowTrack3: [1, 9] } });
    Object.assign(sim.ctx.scenario.actors[0], quietParams);
    sim.state.activity.set([0, 0, 0.8, 0, 0.4, 1]); // Track Five is not adjacent to Three
    actorsStep(sim);
    expect(sim.state.actors[0].effect[0]).toBeCloseTo(expectedEffect(0.6, 1, 1 + 0.5 * (0.8 + 0.4) / 2), 12);
    // this step's activity of Track Three is its mean effectiveness, capped at 1
    const a = sim.state.actors[0];
    expect(sim.state.activity[3]).toBeCloseTo((a.effect[0] + a.effect[1]) / 2, 12);
    expect(sim.state.activity[2]).toBe(0);
  });

  it('stepActors() routes each track\'s relief to its segment: Two the elites (and C, U), Three business (and E)', () => {
    const two = engaged(2, { params: { synergy: 0 } });
    const fx2 = actorsStep(two);
    expect(fx2.reliefAnger[0 * 3 + ROLE_ELITE]).toBeGreaterThan(0);
    expect(fx2.reliefFear[1 * 3 + ROLE_ELITE]).toBeGreaterThan(0);
    expect(fx2.reliefAnger[0 * 3 + ROLE_GENERAL]).toBe(0);
    expect(fx2.reliefAnger[0 * 3 + ROLE_BUSINESS]).toBe(0);
    expect(fx2.dC).toBeGreaterThan(0);
    expect(fx2.dU).toBeGreaterThan(0);
    expect(two.state.actors[0].insights).toBeGreaterThan(0);
    const three = engaged(3, { params: { synergy: 0 } });
    const fx3 = actorsStep(three);
    expect(fx3.reliefAnger[0 * 3 + ROLE_BUSINESS]).toBeGreaterThan(0);
    expect(fx3.reliefAnger[0 * 3 + ROLE_ELITE]).toBe(0);
    expect(fx3.dE).toBeGreaterThan(0);
    expect(fx3.dC).toBe(0);
  });

  it('stepActors() moves the media climate towards valence: hate media make it negative, peace media positive', () => {
    for (const valence of [-1, 1]) {
      const sim = engaged(5, { params: { synergy: 0 } });
      sim.ctx.scenario.actors[0].valence = valence;
      for (let t = 0; t < 5; t++) actorsStep(sim);
      expect(Math.sign(sim.state.media[0])).toBe(valence);
      expect(Math.sign(sim.state.media[1])).toBe(valence);
    }
  });
});

describe('stepActors() leaks, broken promises and exit', () => {
  it('stepActors() on a leak drops trust by leakTrustLoss, loses a needed consent and angers hardliners', () => {
    const sim = createSimulation(withActor({ prepTicks: 0, consent: true, confidentiality: 1000, promiseReliability: 0 }, { params: { trustRate: 0.5, leakTrustLoss: 0.3, leakBacklash: 0.1 } }));
    const a = sim.state.actors[0];
    a.phase = PHASE_FOLLOW_THROUGH;
    a.approached = true;
    a.consent.set([1, 1]);
    a.trust.set([0.5, 0.5]);
    sim.state.hostility.set([1, 1]); // no consent can be re-granted this step
    const fx = actorsStep(sim);
    expect(a.leaks).toBe(2);
    expect(a.trust[0]).toBeCloseTo((0.5 + (0.5 * 0.5) / 12) * 0.7, 12);
    expect(Array.from(a.consent)).toEqual([0, 0]);
    expect(Array.from(fx.backlash)).toEqual([0.1, 0.1]);
  });

  it('stepActors() with a leaky facilitator ends with more leaks and less trust than with a discreet one', () => {
    const trustAfter = (confidentiality: number) => {
      const sim = createSimulation(withActor({ prepTicks: 0, consent: false, confidentiality, promiseReliability: 0 }));
      for (let t = 0; t < 36; t++) step(sim.state, sim.ctx);
      return sim.state.actors[0];
    };
    const leaky = trustAfter(6);
    const discreet = trustAfter(0);
    expect(discreet.leaks).toBe(0);
    expect(leaky.leaks).toBeGreaterThan(3);
    expect(leaky.trust[0]).toBeLessThan(discreet.trust[0]);
    // an actor that needs no consent keeps it through leaks
    expect(Array.from(leaky.consent)).toEqual([1, 1]);
  });

  it('stepActors() counts broken promises at promiseReliability per year, with the same consequences', () => {
    const sim = createSimulation(withActor({ prepTicks: 0, consent: false, confidentiality: 0, promiseReliability: 1000 }));
    step(sim.state, sim.ctx);
    expect(sim.state.actors[0].brokenPromises).toBe(2);
    expect(sim.state.actors[0].leaks).toBe(0);
  });

  it('stepActors() on a premature exit drops C and U by prematureExitLoss and the parties\' receptivity', () => {
    const exitRun = (commitment: number) => {
      const sim = createSimulation(withActor({ prepTicks: 0, consent: false, start: 0, commitment, leaveAt: 10 }, { params: { prematureExitLoss: 0.15, prematureExitReceptivity: 0.3 } }));
      const dyads: number[][] = [];
      for (let t = 0; t < 11; t++) {
        dyads.push(Array.from(sim.state.dyad));
        step(sim.state, sim.ctx);
      }
      return { dyadBefore: dyads[10], state: sim.state };
    };
    const kept = exitRun(10);
    const broken = exitRun(100);
    // identical until the exit at tick 10
    expect(broken.dyadBefore).toEqual(kept.dyadBefore);
    expect(kept.state.actors[0].phase).toBe(PHASE_DISENGAGED);
    expect(kept.state.actors[0].premature).toBe(false);
    expect(broken.state.actors[0].premature).toBe(true);
    expect(Array.from(kept.state.receptivity)).toEqual([1, 1]);
    expect(Array.from(broken.state.receptivity)).toEqual([0.7, 0.7]);
    const [, C, U] = broken.dyadBefore;
    expect(kept.state.dyad[1] - broken.state.dyad[1]).toBeCloseTo(0.15 * C, 12);
    expect(kept.state.dyad[2] - broken.state.dyad[2]).toBeCloseTo(0.15 * U, 12);
  });

  it('stepActors() after a premature exit makes later consent less likely: receptivity scales the consent rate', () => {
    const consents = (receptivity: number) => {
      let granted = 0;
      for (let seed = 0; seed < 400; seed++) {
        const sim = createSimulation(withActor({ prepTicks: 0, consent: true, credibility: 1 }, { params: { consentRate: 6 } }), { seed });
        sim.state.hostility.set([0.5, 0.5]);
        sim.state.receptivity.set([receptivity, receptivity]);
        actorsStep(sim);
        granted += sim.state.actors[0].consent[0];
      }
      return granted / 400;
    };
    const full = consents(1);
    const wary = consents(0.3);
    // per-step chance 1 − exp(−rate·credibility·(1 + R)·(1 − H)·receptivity·dt) with R = 0
    expect(full).toBeCloseTo(1 - Math.exp(-6 * 0.5 / 12), 1);
    expect(wary).toBeCloseTo(1 - Math.exp(-6 * 0.5 * 0.3 / 12), 1);
    expect(wary).toBeLessThan(full);
  });

  it('stepActors() after exit fades the effect with half-life aftermathHalfLife', () => {
    const sim = createSimulation(withActor({ prepTicks: 0, consent: false, start: 0, commitment: 12, confidentiality: 0, promiseReliability: 0 }, { params: { aftermathHalfLife: 1 } }));
    for (let t = 0; t <= 12; t++) step(sim.state, sim.ctx);
    const a = sim.state.actors[0];
    expect(a.phase).toBe(PHASE_DISENGAGED);
    expect(a.exitTick).toBe(12);
    const atExit = a.effectAtExit[0];
    expect(atExit).toBeGreaterThan(0);
    for (let t = 13; t < 12 + 12; t++) step(sim.state, sim.ctx);
    // the step at tick 23 is 11 ticks after exit
    expect(a.effect[0]).toBeCloseTo(atExit * Math.pow(0.5, 11 / 12), 12);
    step(sim.state, sim.ctx);
    expect(a.effect[0]).toBeCloseTo(atExit / 2, 12);
  });

  it('stepActors() after exit halves an actor\'s achievement every aftermathHalfLife when it adds nothing new', () => {
    // capacity 0: the actor's fading effect reaches nobody, so only the decay acts on its achievement
    const sim = createSimulation(withActor({ prepTicks: 0, consent: false, capacity: 0, commitment: 2 }, { params: { aftermathHalfLife: 0.5 } }));
    for (let t = 0; t < 3; t++) step(sim.state, sim.ctx);
    const a = sim.state.actors[0];
    expect(a.phase).toBe(PHASE_DISENGAGED);
    a.achievement = 1;
    for (let t = 0; t < 6; t++) step(sim.state, sim.ctx);
    expect(a.achievement).toBeCloseTo(0.5, 12);
  });
});
