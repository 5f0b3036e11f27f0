import { describe, expect, it } from 'vitest';
import { createSimulation, step } from '../../../sim/index';
import { selectCohort } from '../../../sim/rules/cohort';
import { updateAgents } from '../../../sim/rules/population';
import { createEffects } from '../../../sim/rules/effects';
import { makeScenario, QUIET_PARTY } from '../../fixtures/sim/makeScenario';

describe('selectCohort()', () => {
  const s = makeScenario({
    parties: [{ population: 200, initialSpread: 0, grievance: 0.4 }, { population: 50 }],
    actors: [{ name: 'Exchange', track: 4 }],
  });

  it('selectCohort() picks share × size participants on average, rounding stochastically', () => {
    const sim = createSimulation(s);
    let total = 0;
    const n = 3000;
    for (let k = 0; k < n; k++) {
      sim.state.participant.fill(0);
      const { count } = selectCohort(sim.state, sim.ctx, { actor: 0, party: 0, share: 0.0123, grievanceCut: 0 });
      expect([2, 3]).toContain(count); // 0.0123 × 200 = 2.46
      total += count;
    }
    expect(total / n).toBeCloseTo(2.46, 1);
  });

  it('selectCohort() gives each participant a contact tie to a member of the other party, both ways', () => {
    const sim = createSimulation(s);
    const st = sim.state;
    const { count } = selectCohort(st, sim.ctx, { actor: 0, party: 0, share: 0.05, grievanceCut: 0 });
    expect(count).toBe(10);
    const participants = [...st.participant.keys()].filter((i) => st.participant[i] === 2);
    expect(participants.length).toBeGreaterThan(0);
    for (const i of participants) {
      expect(i).toBeLessThan(st.partyStart[1]);
      const partner = st.contact[i];
      expect(partner).toBeGreaterThanOrEqual(st.partyStart[1]);
      expect(partner).toBeLessThan(st.partyStart[2]);
    }
    // the most recent meeting of each partner points back
    const partners = participants.map((i) => st.contact[i]);
    expect(partners.some((j) => participants.includes(st.contact[j]))).toBe(true);
  });

  it('selectCohort() cuts each participant\'s personal grievance by grievanceCut', () => {
    const sim = createSimulation(s);
    const st = sim.state;
    selectCohort(st, sim.ctx, { actor: 0, party: 0, share: 0.05, grievanceCut: 0.25 });
    for (let i = 0; i < st.partyStart[1]; i++) {
      expect(st.grievance[i]).toBeCloseTo(st.participant[i] === 2 ? 0.3 : 0.4, 6);
    }
  });

  it('selectCohort() draws only members who never took part, so a programme of capacity c reaches c·years of the party', () => {
    const sim = createSimulation(s);
    const st = sim.state;
    const seen = new Set<number>();
    let total = 0;
    // a year at 12 ticks of share 0.05/12 each, for 10 years: half the party
    for (let t = 0; t < 120; t++) {
      const before = new Set([...st.participant.keys()].filter((i) => st.participant[i] > 0));
      const { count } = selectCohort(st, sim.ctx, { actor: 0, party: 0, share: 0.05 / 12, grievanceCut: 0 });
      const now = [...st.participant.keys()].filter((i) => st.participant[i] === 2);
      expect(now).toHaveLength(count);
      for (const i of now) {
        expect(before.has(i)).toBe(false);
        seen.add(i);
        st.participant[i] = 1;
      }
      total += count;
    }
    expect(seen.size).toBe(total);
    expect(total / 200).toBeGreaterThan(0.4);
    expect(total / 200).toBeLessThan(0.6);
  });

  it('selectCohort() stops when everyone has taken part, and finds the last newcomers', () => {
    const sim = createSimulation(s);
    const st = sim.state;
    st.participant.fill(1, 0, 200);
    st.participant[17] = 0;
    st.participant[183] = 0;
    const { count } = selectCohort(st, sim.ctx, { actor: 0, party: 0, share: 0.05, grievanceCut: 0 });
    expect(count).toBe(2);
    expect([st.participant[17], st.participant[183]]).toEqual([2, 2]);
    expect(selectCohort(st, sim.ctx, { actor: 0, party: 0, share: 0.05, grievanceCut: 0 }).count).toBe(0);
  });

  it('selectCohort() draws from the actor\'s own cohort stream, not the shared ones', () => {
    const sim = createSimulation(s);
    const before = sim.ctx.streams.agents.state();
    const violence = sim.ctx.streams.violence.state();
    selectCohort(sim.state, sim.ctx, { actor: 0, party: 0, share: 0.05, grievanceCut: 0 });
    expect(sim.ctx.streams.agents.state()).toEqual(before);
    expect(sim.ctx.streams.violence.state()).toEqual(violence);
  });
});

describe('Track Four in a run', () => {
  it('step() with a Track Four actor in follow-through creates cross-party contact ties that persist', () => {
    const s = makeScenario({
      ticks: 24,
      actors: [{ name: 'Exchange', track: 4, prepTicks: 0, consent: false, capacity: 1, commitment: 12 }],
    });
    const sim = createSimulation(s);
    const st = sim.state;
    expect(Array.from(st.contact).every((c) => c === -1)).toBe(true);
    for (let t = 0; t < 12; t++) step(st, sim.ctx);
    const tied = () => [...st.contact.keys()].filter((i) => st.contact[i] >= 0);
    const during = tied();
    expect(during.length).toBeGreaterThan(0);
    expect(st.actors[0].participants).toBeGreaterThan(0);
    for (const i of during) {
      const p = i < st.partyStart[1] ? 0 : 1;
      const c = st.contact[i];
      expect(c < st.partyStart[1] ? 0 : 1).toBe(1 - p);
    }
    // after the programme ends the ties stay
    for (let t = 12; t < 24; t++) step(st, sim.ctx);
    expect(tied().length).toBeGreaterThanOrEqual(during.length);
    for (const i of during) expect(st.contact[i]).toBeGreaterThanOrEqual(0);
  });

  it('updateAgents() removes cohortDepth of a participant\'s anger and fear once, in the step it takes part', () => {
    const s = makeScenario({
      parties: [{ ...QUIET_PARTY, population: 4, initialAnger: 0.8, initialFear: 0.6 }, { ...QUIET_PARTY, population: 4 }],
      network: { type: 'edges', edges: [] },
      params: { contagion: 0, noise: 0, fearDecay: 0, securityDilemma: 0 },
    });
    const sim = createSimulation(s);
    const st = sim.state;
    st.participant[1] = 2;
    const fx = createEffects();
    fx.cohortDepth[0] = 0.5;
    updateAgents(st, sim.ctx, fx);
    expect(st.anger[1]).toBeCloseTo(0.4, 6);
    expect(st.fear[1]).toBeCloseTo(0.3, 6);
    expect(st.anger[0]).toBeCloseTo(0.8, 6);
    expect(st.participant[1]).toBe(1);
    updateAgents(st, sim.ctx, fx);
    expect(st.anger[1]).toBeCloseTo(0.4, 6);
  });

  it('updateAgents() adds leak backlash to the angriest decile of the party only', () => {
    const s = makeScenario({
      parties: [{ ...QUIET_PARTY, population: 40 }, { ...QUIET_PARTY, population: 40 }],
      network: { type: 'edges', edges: [] },
      params: { contagion: 0, noise: 0 },
    });
    const sim = createSimulation(s);
    const st = sim.state;
    for (let i = 0; i < 40; i++) st.anger[i] = i / 40;
    const fx = createEffects();
    fx.backlash[0] = 0.02;
    updateAgents(st, sim.ctx, fx);
    for (let i = 0; i < 40; i++) expect(st.anger[i]).toBeCloseTo(i / 40 + (i >= 36 ? 0.02 : 0), 6);
    for (let i = 40; i < 80; i++) expect(st.anger[i]).toBeCloseTo(0.1, 6);
  });
});
