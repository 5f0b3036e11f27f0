import { compileKernel } from '../kernel';
import { fmt, searchRegion, type Claim, type ClaimResult } from './claim';
import { actorOn, measure, pick, variant, type ExperimentOptions, type RunMetrics, type ScenarioDraft } from './experiment';
import { above, meanCI, pairedDiff } from './stats';

/** The unofficial tracks, in order of distance from Track One. */
const SINGLES = [2, 3, 4, 5] as const;

/** The equal capacity of the single-track arms (a share of each track's segment a year), and the smaller ones a failing C1 is tried at. */
export const EQUAL_CAPACITY = 0.2;
export const CAPACITY_GRID = [0.1, 0.05, 0.02] as const;

/**
 * C1 Proximity: Track Two raises the power base most and brings talks soonest, in track order. The
 * power base of a single-track arm is w(d)·(joint factor)·S, so the log gap between neighbouring
 * tracks splits exactly into the kernel's part, ln w(d)/w(d+1), and the tracks' own part (their
 * achievements S, from the same runs); a flat kernel removes the first and keeps the second.
 */
export function claimProximity(o: ExperimentOptions): ClaimResult {
  const singles = (patch: (s: ScenarioDraft) => void = () => {}, capacity = EQUAL_CAPACITY) => SINGLES.map((track) => measure(variant(o, 'all-five-tracks', (s) => {
    const official = actorOn(s, 1);
    const actor = actorOn(s, track);
    // equal capacity and credibility, entering at once: only the track differs
    Object.assign(actor, { capacity, credibility: 0.8, entry: 'immediate' });
    s.actors = [official, actor];
    patch(s);
  }), o.runs));
  const orderDiffs = (ms: RunMetrics[][]) => [0, 1, 2].map((k) => pairedDiff(pick(ms[k], (m) => m.meanB), pick(ms[k + 1], (m) => m.meanB)));
  const talksDiffs = (ms: RunMetrics[][]) => [1, 2, 3].map((k) => pairedDiff(pick(ms[k], (m) => m.firstTalks), pick(ms[0], (m) => m.firstTalks)));
  const ms = singles();
  const diffs = orderDiffs(ms);
  const talks = talksDiffs(ms);
  const all = measure(variant(o, 'all-five-tracks'), o.runs);
  const share = (m: RunMetrics, k: number) => (m.meanB > 0 ? m.meanBTrack[k] / m.meanB : 0);
  const shareLead = meanCI(all.map((m) => share(m, 2) - Math.max(share(m, 3), share(m, 4), share(m, 5))));
  const weakest = diffs.reduce((a, b) => (b.lo < a.lo ? b : a));
  const holds = diffs.every(above) && talks.every(above) && above(shareLead);
  const region = holds || o.searchRegions === false ? undefined : searchRegion(
    { parameter: 'equal capacity', direction: 'down', grid: CAPACITY_GRID },
    (capacity) => {
      const arms = singles(() => {}, capacity);
      const d = orderDiffs(arms);
      return { effect: d.reduce((a, b) => (b.lo < a.lo ? b : a)), holds: d.every(above) && talksDiffs(arms).every(above) };
    },
  );

  // the kernel's share of each neighbouring gap: ln B_k/B_k+1 = ln w(k−1)/w(k) + ln S̄_k/S̄_k+1
  const scenario = variant(o, 'all-five-tracks');
  const w = compileKernel(scenario.kernel.formula, scenario.kernel.params);
  const meanB = ms.map((arm) => arm.reduce((a, m) => a + m.meanB, 0) / arm.length);
  const split = [0, 1, 2].map((k) => {
    const [a, b] = [SINGLES[k], SINGLES[k + 1]];
    const total = Math.log(meanB[k] / meanB[k + 1]);
    const kernel = Math.log(w[a] / w[b]);
    return `Track ${a} vs ${b}: ln B-ratio ${total.toFixed(2)} = kernel ${kernel.toFixed(2)} + tracks' own terms ${(total - kernel).toFixed(2)}` +
      (Number.isFinite(total) && total > 0 ? ` (kernel's share ${(100 * kernel / total).toFixed(0)} %)` : '');
  });

  const flat = singles((s) => { s.kernel = { formula: '1', params: {} }; });
  const flatDiffs = orderDiffs(flat);
  const flatTalks = talksDiffs(flat);
  const flatWeakest = flatDiffs.reduce((a, b) => (b.lo < a.lo ? b : a));
  // Track Two without its own extra terms (communication, understanding, insights): the kernel alone orders talks?
  const plainTwo = singles((s) => { s.params = { ...s.params, track2Communication: 0, track2Understanding: 0, insightRate: 0 }; })[0];
  const plainTalks = [1, 2, 3].map((k) => pairedDiff(pick(ms[k], (m) => m.firstTalks), pick(plainTwo, (m) => m.firstTalks)));
  return {
    id: 'C1', title: 'Proximity',
    compared: `Track One plus one actor of equal capacity (${EQUAL_CAPACITY} of its segment a year) on Track Two, Three, Four or Five (all-five-tracks); and the all-five scenario`,
    effectLabel: 'smallest gap in mean power base B between neighbouring tracks (B₂−B₃, B₃−B₄, B₄−B₅)',
    effect: weakest,
    holds,
    region,
    criterion: 'B₂ > B₃ > B₄ > B₅, Track Two\'s talks earlier than each other track\'s, and Track Two\'s share of B largest in all-five (each 95 % interval above 0)',
    control: {
      description: 'flat kernel w(d) = 1',
      removes: 'the proximity weighting of each track\'s achievement in B',
      keeps: 'each track\'s own effects, segment, capacity, credibility and entry, and the seeds',
      effect: flatWeakest,
      removed: !flatDiffs.every(above),
      outcome: flatDiffs.every(above) ? 'the order survives the flat kernel' : 'part of the order is gone',
    },
    channels: [
      { description: 'flat kernel, B₂−B₃', removes: 'the kernel', effect: flatDiffs[0] },
      { description: 'flat kernel, B₃−B₄', removes: 'the kernel', effect: flatDiffs[1] },
      { description: 'flat kernel, B₄−B₅', removes: 'the kernel', effect: flatDiffs[2] },
      { description: 'flat kernel, Track Three\'s talks later than Track Two\'s (ticks)', removes: 'the kernel', effect: flatTalks[0] },
      { description: 'Track Two without its communication, understanding and insight terms, Track Three\'s talks later (ticks)', removes: 'Track Two\'s own extra terms', effect: plainTalks[0] },
    ],
    notes: [
      `B₂−B₃ ${fmt(diffs[0])}, B₃−B₄ ${fmt(diffs[1])}, B₄−B₅ ${fmt(diffs[2])}`,
      `talks later than with Track Two (ticks): Three ${fmt(talks[0], 1)}, Four ${fmt(talks[1], 1)}, Five ${fmt(talks[2], 1)}`,
      `all five: Track Two's share of B minus the next largest ${fmt(shareLead)}`,
      `the kernel's share of the order (from the same runs): ${split.join('; ')}`,
      `flat kernel, talks later than with Track Two (ticks): Three ${fmt(flatTalks[0], 1)}, Four ${fmt(flatTalks[1], 1)}, Five ${fmt(flatTalks[2], 1)}`,
      'equal capacity is a share of each track\'s own segment (elites, business, the whole population as participants or audience), so equal capacity is not equal reach',
    ],
  };
}

export const proximity: Claim = { id: 'C1', run: claimProximity };
