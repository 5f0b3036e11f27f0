import { fmt, type Claim, type ClaimResult } from './claim';
import { actorOn, measure, pick, variant, type ExperimentOptions, type RunMetrics } from './experiment';
import { above, meanCI, pairedDiff } from './stats';

/** C1 Proximity: Track Two raises the power base most and brings talks soonest, in track order. */
export function claimProximity(o: ExperimentOptions): ClaimResult {
  const singles = (flat: boolean) => [2, 3, 4, 5].map((track) => measure(variant(o, 'all-five-tracks', (s) => {
    const official = actorOn(s, 1);
    const actor = actorOn(s, track);
    // equal capacity and credibility, entering at once: only the track differs
    Object.assign(actor, { capacity: 0.2, credibility: 0.8, entry: 'immediate' });
    s.actors = [official, actor];
    if (flat) s.kernel = { formula: '1', params: {} };
  }), o.runs));
  const orderDiffs = (ms: RunMetrics[][]) => [0, 1, 2].map((k) => pairedDiff(pick(ms[k], (m) => m.meanB), pick(ms[k + 1], (m) => m.meanB)));
  const ms = singles(false);
  const diffs = orderDiffs(ms);
  const talks = [1, 2, 3].map((k) => pairedDiff(pick(ms[k], (m) => m.firstTalks), pick(ms[0], (m) => m.firstTalks)));
  const all = measure(variant(o, 'all-five-tracks'), o.runs);
  const share = (m: RunMetrics, k: number) => (m.meanB > 0 ? m.meanBTrack[k] / m.meanB : 0);
  const shareLead = meanCI(all.map((m) => share(m, 2) - Math.max(share(m, 3), share(m, 4), share(m, 5))));
  const weakest = diffs.reduce((a, b) => (b.lo < a.lo ? b : a));
  const flatDiffs = orderDiffs(singles(true));
  const flatWeakest = flatDiffs.reduce((a, b) => (b.lo < a.lo ? b : a));
  return {
    id: 'C1', title: 'Proximity',
    compared: 'Track One plus one actor of equal capacity on Track Two, Three, Four or Five (all-five-tracks); and the all-five scenario',
    effectLabel: 'smallest gap in mean power base B between neighbouring tracks (B₂−B₃, B₃−B₄, B₄−B₅)',
    effect: weakest,
    holds: diffs.every(above) && talks.every(above) && above(shareLead),
    criterion: 'B₂ > B₃ > B₄ > B₅, Track Two\'s talks earlier than each other track\'s, and Track Two\'s share of B largest in all-five (each 95 % interval above 0)',
    control: { description: 'flat kernel w(d) = 1', effect: flatWeakest, removed: !flatDiffs.every(above) },
    notes: [
      `B₂−B₃ ${fmt(diffs[0])}, B₃−B₄ ${fmt(diffs[1])}, B₄−B₅ ${fmt(diffs[2])}`,
      `talks later than with Track Two (ticks): Three ${fmt(talks[0], 1)}, Four ${fmt(talks[1], 1)}, Five ${fmt(talks[2], 1)}`,
      `all five: Track Two's share of B minus the next largest ${fmt(shareLead)}`,
      `flat kernel: B₂−B₃ ${fmt(flatDiffs[0])}, B₃−B₄ ${fmt(flatDiffs[1])}, B₄−B₅ ${fmt(flatDiffs[2])}`,
    ],
  };
}

export const proximity: Claim = { id: 'C1', run: claimProximity };
