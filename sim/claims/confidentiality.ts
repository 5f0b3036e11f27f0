import { fmt, type Claim, type ClaimResult } from './claim';
import { actorOn, draft, measure, pick, variant, type ExperimentOptions, type RunMetrics, type ScenarioPatch } from './experiment';
import { above, meanCI, pairedDiff } from './stats';

/** C6 Confidentiality: a leaky facilitator achieves less (S_j, X) than a discreet one. */
export function claimConfidentiality(o: ExperimentOptions): ClaimResult {
  const index = draft(o, 'leaky-facilitator').actors.findIndex((a) => a.track === 2);
  const experiment = (patch: ScenarioPatch) => {
    const leaky = measure(variant(o, 'leaky-facilitator', patch), o.runs);
    const discreet = measure(variant(o, 'leaky-facilitator', (s) => {
      patch(s);
      Object.assign(actorOn(s, 2), { confidentiality: 0.05, promiseReliability: 0.05 });
    }), o.runs);
    const achievement = (m: RunMetrics) => m.actors[index].achievement + m.actors[index].insights;
    return {
      s: pairedDiff(pick(discreet, achievement), pick(leaky, achievement)),
      x: pairedDiff(pick(leaky, (m) => m.meanX), pick(discreet, (m) => m.meanX)),
      leaks: meanCI(leaky.map((m) => m.actors[index].leaks + m.actors[index].brokenPromises)),
    };
  };
  const main = experiment(() => {});
  const control = experiment((s) => {
    s.params = { ...s.params, leakTrustLoss: 0, leakBacklash: 0 };
    actorOn(s, 2).consent = false;
  });
  return {
    id: 'C6', title: 'Confidentiality',
    compared: 'leaky-facilitator against the same workshop with leaks and broken promises at 0.05 a year',
    effectLabel: 'achievement S_j + insights: discreet minus leaky',
    effect: main.s,
    holds: above(main.s) && above(main.x),
    criterion: 'the discreet workshop achieves more and leaves X lower (intervals above 0)',
    control: { description: 'leaks without consequence (no consent to lose, no trust loss, no backlash)', effect: control.s, removed: !above(control.s) && !above(control.x) },
    notes: [`mean X, leaky minus discreet: ${fmt(main.x)}`, `leaks and broken promises per run (leaky): ${fmt(main.leaks, 1)}`],
  };
}

export const confidentiality: Claim = { id: 'C6', run: claimConfidentiality };
