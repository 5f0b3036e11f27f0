import { fmt, type Claim, type ClaimResult } from './claim';
import type { EntryKind } from '../scenario/schema';
import { measure, pick, variant, type ExperimentOptions, type RunMetrics } from './experiment';
import { above, meanCI, pairedDiff } from './stats';

/** C4 Timing: entering at a lull gets consent sooner and lowers X more than entering at a peak. */
export function claimTiming(o: ExperimentOptions): ClaimResult {
  const consentDelay = (m: RunMetrics) => {
    const a = m.actors[0];
    return (a.consentTick >= 0 ? a.consentTick : m.ticks) - 24;
  };
  const experiment = (lullEntry: EntryKind, peakEntry: EntryKind) => {
    const lull = measure(variant(o, 'lull-entry', (s) => { s.actors[0].entry = lullEntry; }), o.runs);
    const peak = measure(variant(o, 'peak-entry', (s) => { s.actors[0].entry = peakEntry; }), o.runs);
    return {
      delay: pairedDiff(pick(peak, consentDelay), pick(lull, consentDelay)),
      x: pairedDiff(pick(peak, (m) => m.meanX), pick(lull, (m) => m.meanX)),
      lullDelay: meanCI(pick(lull, consentDelay)), peakDelay: meanCI(pick(peak, consentDelay)),
    };
  };
  const main = experiment('lull', 'peak');
  const control = experiment('immediate', 'immediate');
  return {
    id: 'C4', title: 'Timing',
    compared: 'lull-entry against peak-entry (the same facilitator)',
    effectLabel: 'mean X at peak entry minus at lull entry',
    effect: main.x,
    holds: above(main.x) && above(main.delay),
    criterion: 'both X and the ticks to consent higher at peak entry (intervals above 0)',
    control: { description: 'both enter immediately (no timing)', effect: control.x, removed: !above(control.x) && !above(control.delay) },
    notes: [
      `ticks from start to consent: lull ${fmt(main.lullDelay, 1)}, peak ${fmt(main.peakDelay, 1)}; peak minus lull ${fmt(main.delay, 1)}`,
    ],
  };
}

export const timing: Claim = { id: 'C4', run: claimTiming };
