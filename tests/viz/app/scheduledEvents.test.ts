import { describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { fillScenario, type EditableScenario } from '../../../viz/app/fillScenario';
import { injected } from '../../../viz/app/panels/instructorPanel';
import { scheduledEvents } from '../../../viz/app/scheduledEvents';
import { validateScenario } from '../../../sim/scenario/validate';

const scenario = (): EditableScenario => {
  const r = fillScenario(base);
  if (!r.ok) throw new Error('the default scenario is invalid');
  return r.scenario;
};
const opts = { kind: 'shock' as const, tick: 100, party: '', size: 0.4, factor: 2, actor: 0, track: 3 };

describe('injected and scheduledEvents', () => {
  it('injected(scenario, {kind, tick, …}) writes each kind of injection as valid scenario data', () => {
    const s = scenario();
    const shock = { ...s, ...injected(s, opts) };
    expect(shock.events.at(-1)).toEqual({ tick: 100, type: 'shock', size: 0.4 });
    const power = { ...s, ...injected(s, { ...opts, kind: 'powerShift', party: 'Rebels', factor: 1.5 }) };
    expect(power.events.at(-1)).toEqual({ tick: 100, type: 'powerShift', party: 'Rebels', factor: 1.5 });
    const leave = { ...s, ...injected(s, { ...opts, kind: 'leave', actor: 1, tick: 5 }) };
    // an actor cannot leave before it starts: it leaves at its start
    expect(leave.actors[1].leaveAt).toBe(s.actors[1].start);
    const enter = { ...s, ...injected(s, { ...opts, kind: 'enter', track: 5 }) };
    expect(enter.actors.at(-1)).toMatchObject({ track: 5, start: 100 });
    for (const x of [shock, power, leave, enter]) expect(validateScenario(x).ok).toBe(true);
    // the working scenario itself is untouched until the page writes the change
    expect(s.events).toEqual([]);
  });

  it('scheduledEvents(scenario) lists shocks, power shifts, actors starting later and leaving early, in tick order', () => {
    const s = scenario();
    const x = { ...s, ...injected(s, opts) };
    const y = { ...x, ...injected(x, { ...opts, kind: 'leave', actor: 1, tick: 60 }) };
    const list = scheduledEvents(y);
    expect(list.map((e) => e.tick)).toEqual([...list.map((e) => e.tick)].sort((a, b) => a - b));
    expect(list.map((e) => e.label)).toEqual(['+Track One', '+Track Two', '+Track Three', '+Track Four', 'Track Two leaves', 'shock']);
    expect(list.find((e) => e.kind === 'shock')?.text).toBe('a shock hits both sides (tension, anger and fear move 40 % of the way to the maximum)');
  });
});
