import { describe, expect, it } from 'vitest';
import { MODEL_EVENT_TYPES, openRun, type ModelEvent, type ModelEventType, type ScenarioData } from '../../../sim/index';
import { busyScenario } from '../../fixtures/sim/busyScenario';
import { makeScenario, QUIET_PARTY } from '../../fixtures/sim/makeScenario';

function eventsOf(s: ScenarioData): ModelEvent[] {
  const session = openRun(s);
  session.advance();
  return [...session.events];
}

const ofType = (events: ModelEvent[], type: ModelEventType) => events.filter((e) => e.type === type);

describe('model events', () => {
  it('every event has a known type, the tick whose row first shows it, and a reason without locale separators', () => {
    const events = eventsOf(busyScenario());
    expect(new Set(events.map((e) => e.type)).size).toBeGreaterThan(10);
    for (const e of events) {
      expect(MODEL_EVENT_TYPES).toContain(e.type);
      expect(e.tick).toBeGreaterThan(0);
      expect(e.why.length).toBeGreaterThan(10);
      // numbers are written with a decimal point and no grouping, whatever the locale
      expect(e.why).not.toMatch(/\d,\d{3}|\d\u00a0\d/);
    }
    const ticks = events.map((e) => e.tick);
    expect(ticks).toEqual([...ticks].sort((a, b) => a - b));
  });

  it('counts agree with the state: leaks, broken promises, settlements, collapses and power shifts', () => {
    for (const seed of [1, 2, 3, 4]) {
      const s = busyScenario({ seed });
      const session = openRun(s);
      session.advance();
      const ev = [...session.events];
      const st = session.state;
      expect(ofType(ev, 'leak').length).toBe(st.actors.reduce((n, a) => n + a.leaks, 0));
      expect(ofType(ev, 'brokenPromise').length).toBe(st.actors.reduce((n, a) => n + a.brokenPromises, 0));
      expect(ofType(ev, 'settlementSigned').length).toBe(st.settlements);
      expect(ofType(ev, 'collapse').length).toBe(st.collapses);
      // the timed shift at tick 90, and one 6 ticks after every settlement signed before the end
      const triggered = st.signings.filter((g) => g.tick + 6 < s.ticks).length;
      expect(ofType(ev, 'powerShift').length).toBe(1 + triggered);
      for (const [j, a] of st.actors.entries()) {
        const mine = ev.filter((e) => e.actor?.index === j);
        expect(mine.filter((e) => e.type === 'approached').length).toBe(a.approached ? 1 : 0);
        expect(mine.some((e) => e.type === 'prematureExit' || e.type === 'plannedExit')).toBe(a.phase === 4);
      }
    }
  });

  it('a scheduled power shift is reported at the tick it first shows, with the party and its share before and after', () => {
    const s = makeScenario({ mode: 'meanfield', ticks: 10, events: [{ tick: 5, type: 'powerShift', party: 'B', factor: 2 }], params: { winShare: 0.6 } });
    const events = eventsOf(s);
    const [shift] = ofType(events, 'powerShift');
    expect(shift).toMatchObject({ tick: 6, party: { index: 1, name: 'B' } });
    expect(shift.why).toBe('a scheduled power shift multiplied B\'s power by 2; its share of power moved from 0.50 to 0.67');
    const [win] = ofType(events, 'expectsToWin');
    expect(win).toMatchObject({ tick: 6, party: { index: 1, name: 'B' } });
    expect(win.why).toMatch(/^B's share of power rose to 0\.67, above 0\.60: it expects to win/);
  });

  it('an actor\'s approach says how it entered, and a party that does not consent at once is reported as refusing', () => {
    const s = makeScenario({ ticks: 12, actors: [{ name: 'W', track: 2, start: 2, prepTicks: 3, entry: 'lull' }], params: { consentRate: 0 } });
    const events = eventsOf(s);
    const [approach] = ofType(events, 'approached');
    // exploration from tick 2 for 3 ticks, then analysis at the step from tick 5
    expect(approach).toMatchObject({ tick: 6, actor: { index: 0, name: 'W' } });
    expect(approach.why).toMatch(/^W \(Track Two\) approached the parties at a lull: \d+(\.\d\d)? incidents in the last 3 ticks, at most 0\.50 × /);
    const refused = ofType(events, 'consentRefused');
    expect(refused.map((e) => e.party?.name)).toEqual(['A', 'B']);
    expect(refused[0].why).toMatch(/^A did not consent to W \(Track Two\) at first: chance 0 this tick/);
    expect(ofType(events, 'consentGiven')).toEqual([]);
  });

  it('consent given is reported per party with its chance; an actor that needs none reports no consent', () => {
    const asks = eventsOf(makeScenario({ ticks: 6, actors: [{ name: 'W', track: 2, prepTicks: 0, credibility: 1 }], params: { consentRate: 1000 } }));
    const given = ofType(asks, 'consentGiven');
    expect(given.map((e) => [e.tick, e.party?.name])).toEqual([[1, 'A'], [1, 'B']]);
    expect(given[0].why).toMatch(/^A consented to W \(Track Two\): chance 1(\.00)? this tick, with hostility /);
    expect(ofType(asks, 'consentRefused')).toEqual([]);
    const free = eventsOf(makeScenario({ ticks: 6, actors: [{ name: 'T', track: 3, prepTicks: 0 }] }));
    expect(free.filter((e) => e.type.startsWith('consent'))).toEqual([]);
    expect(ofType(free, 'approached').length).toBe(1);
  });

  it('a leak is reported, and the consent it costs, for each party that withdraws it', () => {
    const s = makeScenario({ ticks: 3, actors: [{ name: 'W', track: 2, prepTicks: 0, credibility: 1, confidentiality: 1000, promiseReliability: 0 }], params: { consentRate: 1000 } });
    const events = eventsOf(s);
    // consent at the first step, lost to a leak with each party in the same step: shown by trust
    const t1 = events.filter((e) => e.tick === 1).map((e) => `${e.type}:${e.party?.name ?? ''}`);
    expect(t1).toEqual(['approached:', 'consentGiven:A', 'consentGiven:B', 'leak:', 'leak:', 'consentLost:A', 'consentLost:B']);
    expect(ofType(events, 'consentLost')[0].why).toBe('A withdrew consent from W (Track Two) after a leak; it will ask again');
  });

  it('a premature exit names its cost; a planned exit does not', () => {
    const s = makeScenario({
      ticks: 30,
      actors: [
        { name: 'Early', track: 2, prepTicks: 0, consent: false, commitment: 20, leaveAt: 10 },
        { name: 'Done', track: 3, prepTicks: 0, commitment: 12 },
      ],
      params: { prematureExitLoss: 0.15, prematureExitReceptivity: 0.3 },
    });
    const events = eventsOf(s);
    const [early] = ofType(events, 'prematureExit');
    expect(early).toMatchObject({ tick: 11, actor: { name: 'Early' } });
    expect(early.why).toBe('Early (Track Two) left 10 ticks before its commitment ran out (tick 20): communication and understanding fell by 15 % and the willingness of A and B to receive third parties by 30 %');
    const [done] = ofType(events, 'plannedExit');
    expect(done).toMatchObject({ tick: 13, actor: { name: 'Done' } });
    expect(done.why).toBe('Done (Track Three) left as its commitment ran out');
  });

  it('talks, a settlement and its collapse are reported with the figures that decided them', () => {
    const s = makeScenario({
      mode: 'meanfield', ticks: 120,
      parties: [{ ...QUIET_PARTY, initialAnger: 0.5 }, { ...QUIET_PARTY, initialAnger: 0.5 }],
      actors: [{ name: 'Officials', track: 1, prepTicks: 0, consent: false, commitment: 120 }],
      events: [{ after: 'settlement', delay: 0, type: 'powerShift', party: 'B', factor: 20 }],
      // only the power shift drives collapse: no root-cause term, a tiny base hazard
      params: { hurtThreshold: 0.01, ripeThreshold: 0.1, talksThreshold: 0, settleRate: 1000, collapseBase: 0.01, collapseRootCause: 0, winShare: 1, incidentRate: 24 },
    });
    const events = eventsOf(s);
    const [opened] = ofType(events, 'talksOpened');
    expect(opened.actor?.name).toBe('Officials');
    expect(opened.why).toMatch(/^talks opened: ripeness [\d.]+ \(needs 0\.10\), power base plus communication [\d.]+ \(needs 0\), and Officials \(Track One\) has both parties' consent$/);
    const [signed] = ofType(events, 'settlementSigned');
    expect(signed.tick).toBeGreaterThan(opened.tick);
    expect(signed.why).toMatch(/^a settlement was signed with ripeness [\d.]+ and power base 0; its quality is 0, and A holds 0\.50 of the power$/);
    const [collapse] = ofType(events, 'collapse');
    expect(collapse.tick).toBeGreaterThan(signed.tick);
    expect(collapse.party?.name).toBe('B');
    expect(collapse.why).toMatch(new RegExp(`^the settlement of tick ${signed.tick} collapsed: B's share of power moved from 0\\.50 to 0\\.95 since signing; with root causes at [\\d.]+ and quality 0 the hazard was [\\d.]+ a year$`));
  });

  it('talks that lose their conditions lapse, with the condition that failed', () => {
    const s = makeScenario({
      mode: 'meanfield', ticks: 60,
      parties: [{ ...QUIET_PARTY, initialAnger: 0.5 }, { ...QUIET_PARTY, initialAnger: 0.5 }],
      actors: [{ name: 'Officials', track: 1, prepTicks: 0, consent: false, commitment: 10 }],
      params: { hurtThreshold: 0.01, ripeThreshold: 0.1, talksThreshold: 0, settleRate: 0, talksPatience: 3, incidentRate: 24 },
    });
    const events = eventsOf(s);
    const [lapsed] = ofType(events, 'talksLapsed');
    // the officials leave in the step from tick 10, so talks fail in it and the next three, and lapse
    // in the fourth (patience + 1 failing steps), shown at tick 14
    expect(lapsed.tick).toBe(14);
    expect(lapsed.why).toBe('talks lapsed after 4 ticks without their conditions (patience 3): no official has both parties\' consent');
  });
});

describe('model events of a shock', () => {
  it('a run session reports a scheduled shock at the tick that first shows it, with the party hit and the tension before and after', () => {
    const s = makeScenario({ ticks: 30, events: [{ tick: 12, type: 'shock', party: 'B', size: 0.5 }, { tick: 20, type: 'shock', size: 0.2 }] });
    const shocks = ofType(eventsOf(s), 'shock');
    expect(shocks.map((e) => [e.tick, e.party?.name])).toEqual([[13, 'B'], [21, undefined]]);
    expect(shocks[0].why).toMatch(/^a shock \(scheduled for tick 12\) moved tension and B's anger and fear 50 % of the way to the maximum; tension went from 0\.\d+ to 0\.\d+ over the step$/);
    expect(shocks[1].why).toContain('both parties\' anger and fear 20 %');
    // a shock is not a power shift
    expect(ofType(eventsOf(s), 'powerShift')).toEqual([]);
  });
});
