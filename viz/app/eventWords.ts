import type { ModelEvent, ModelEventType } from '../../sim/observe/modelEvents';
import type { ChartMarker } from '../markers';

/** Each model event type in plain words, and the short label that marks it on a chart (none: not marked). */
export const EVENT_WORDS: Record<ModelEventType, { words: string; mark?: string }> = {
  powerShift: { words: 'power shift', mark: 'power shift' },
  shock: { words: 'shock', mark: 'shock' },
  expectsToWin: { words: 'a side expects to win', mark: 'expects to win' },
  noLongerExpectsToWin: { words: 'no side expects to win' },
  prematureExit: { words: 'an outsider left early', mark: 'left early' },
  plannedExit: { words: 'an outsider left as planned' },
  approached: { words: 'an outsider approached the sides', mark: 'approach' },
  consentRefused: { words: 'consent refused' },
  consentGiven: { words: 'consent given' },
  leak: { words: 'leak', mark: 'leak' },
  brokenPromise: { words: 'broken promise', mark: 'broken promise' },
  consentLost: { words: 'consent withdrawn' },
  talksOpened: { words: 'talks opened', mark: 'talks' },
  talksLapsed: { words: 'talks lapsed', mark: 'talks lapsed' },
  settlementSigned: { words: 'settlement signed', mark: 'settlement' },
  collapse: { words: 'settlement collapsed', mark: 'collapse' },
};

/** The events that concern official talks, marked on the Track One timeline too. */
const TRACK_ONE_TYPES = new Set<ModelEventType>(['powerShift', 'shock', 'expectsToWin', 'talksOpened', 'talksLapsed', 'settlementSigned', 'collapse']);

/**
 * Chart markers for a run's events: those with a mark, at the tick that first shows them
 * (`y0` + tick / ticksPerYear years); `trackOne` keeps only those about official talks.
 */
export function eventMarkers(events: readonly ModelEvent[], o: { ticksPerYear: number; startYear?: number; trackOne?: boolean }): ChartMarker[] {
  const y0 = o.startYear ?? 0;
  return events.flatMap((e) => {
    const mark = EVENT_WORDS[e.type].mark;
    if (!mark || (o.trackOne && !TRACK_ONE_TYPES.has(e.type))) return [];
    return [{ x: y0 + e.tick / o.ticksPerYear, label: mark, title: `tick ${e.tick}: ${e.why}` }];
  });
}
