import type { EditableScenario } from './fillScenario';
import { trackName, trackOf } from '../../sim/tracks/tracks';

const trackShortName = (k: number) => trackName(trackOf(k));

/** Something the scenario makes happen at a set tick: a shock, a power shift, an actor entering or leaving early. */
export interface ScheduledEvent {
  tick: number;
  kind: 'shock' | 'power shift' | 'enters' | 'leaves early';
  /** A few characters for a chart marker: "shock", "+Track Two". */
  label: string;
  /** One line in plain words. */
  text: string;
}

const pct = (x: number) => `${Math.round(x * 100)} %`;

/**
 * The scenario's scheduled events in tick order: timed shocks and power shifts, actors that start
 * after tick 0 and actors that leave before their commitment ends (what an instructor injects
 * becomes one of these, so the list and the chart markers replay from a share link).
 */
export function scheduledEvents(s: EditableScenario): ScheduledEvent[] {
  const out: ScheduledEvent[] = [];
  for (const e of s.events) {
    if (!('tick' in e)) continue;
    if (e.type === 'shock') out.push({ tick: e.tick, kind: 'shock', label: 'shock', text: `a shock hits ${e.party ?? 'both sides'} (tension, anger and fear move ${pct(e.size)} of the way to the maximum)` });
    else out.push({ tick: e.tick, kind: 'power shift', label: 'power shift', text: `${e.party}'s power is multiplied by ${e.factor}` });
  }
  for (const a of s.actors) {
    if (a.start > 0) out.push({ tick: a.start, kind: 'enters', label: `+${trackShortName(a.track)}`, text: `${a.name} (${trackShortName(a.track)}) starts` });
    if (a.leaveAt !== undefined && a.leaveAt < a.start + a.commitment) out.push({ tick: a.leaveAt, kind: 'leaves early', label: `${trackShortName(a.track)} leaves`, text: `${a.name} (${trackShortName(a.track)}) leaves before its commitment ends` });
  }
  return out.sort((x, y) => x.tick - y.tick);
}
