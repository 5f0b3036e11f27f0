import { fmt, type Claim, type ClaimResult } from './claim';
import { actorOn, measure, pick, variant, type ExperimentOptions, type RunMetrics, type ScenarioPatch } from './experiment';
import { above, meanCI, pairedDiff } from './stats';

/** The consequences of a leak or broken promise, each of which a control can switch off. */
interface Consequences { consent?: boolean; trust?: boolean; backlash?: boolean }

/**
 * C6 Confidentiality: a leaky facilitator achieves less (S_j, X) than a discreet one. Both work the
 * same years with the same capacity; each consequence of a leak (lost consent, lost trust,
 * hardliners' backlash) is switched off in turn to show which carries the effect. The leaky
 * facilitator's leak and broken-promise rates are the scenario's; the discreet one has the
 * defaults (0.05 a year each).
 */
export function claimConfidentiality(o: ExperimentOptions): ClaimResult {
  const scenario = variant(o, 'leaky-facilitator');
  const index = scenario.actors.findIndex((a) => a.track === 2);
  const { confidentiality: leakRate, promiseReliability: breakRate } = scenario.actors[index];
  const experiment = (off: Consequences) => {
    const patch: ScenarioPatch = (s) => {
      s.params = {
        ...s.params,
        ...(off.consent ? { leakConsentLoss: 0 } : {}),
        ...(off.trust ? { leakTrustLoss: 0 } : {}),
        ...(off.backlash ? { leakBacklash: 0 } : {}),
      };
    };
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
  const main = experiment({});
  const control = experiment({ consent: true, trust: true, backlash: true });
  const exact0 = (e: { mean: number; lo: number; hi: number }) => e.mean === 0 && e.lo === 0 && e.hi === 0;
  return {
    id: 'C6', title: 'Confidentiality',
    compared: `leaky-facilitator (leaks ${leakRate} a year, broken promises ${breakRate} a year) against the same workshop at 0.05 a year each, the same years and capacity`,
    effectLabel: 'achievement S_j + insights: discreet minus leaky',
    effect: main.s,
    holds: above(main.s) && above(main.x),
    criterion: 'the discreet workshop achieves more and leaves X lower (intervals above 0)',
    control: {
      description: 'leaks without consequence (leakConsentLoss = leakTrustLoss = leakBacklash = 0)',
      removes: 'every consequence of a leak or broken promise: lost consent, lost trust, hardliners\' backlash',
      keeps: 'the leaks themselves (counted), the need for consent and its first granting, the working years, the seeds',
      effect: control.s,
      removed: exact0(control.s) && exact0(control.x),
      outcome: 'leaky and discreet are then the same run: exactly 0, as the code guarantees',
    },
    channels: [
      { description: 'consent kept at a leak (leakConsentLoss = 0)', removes: 'the working time lost while consent is asked again', effect: experiment({ consent: true }).s },
      { description: 'trust kept at a leak (leakTrustLoss = 0)', removes: 'the lower effectiveness after a leak', effect: experiment({ trust: true }).s },
      { description: 'no backlash (leakBacklash = 0)', removes: 'the anger added to the angriest tenth', effect: experiment({ backlash: true }).s },
    ],
    notes: [
      `mean X, leaky minus discreet: ${fmt(main.x)}`,
      `leaks and broken promises per run (leaky): ${fmt(main.leaks, 1)}`,
      `the effect is the sum of coded penalties (consent, trust, backlash) applied ${main.leaks.mean.toFixed(0)} times a run: its size is the size of those parameters, reported as such; the channels say how much each carries`,
    ],
  };
}

export const confidentiality: Claim = { id: 'C6', run: claimConfidentiality };
