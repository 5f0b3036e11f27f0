import { fmt, type Claim, type ClaimResult } from './claim';
import { measure, pick, variant, type ExperimentOptions, type ScenarioDraft } from './experiment';
import { pooledRelapse, relapseShare } from './relapse';
import { above, pairedDiff } from './stats';

/** A change to the collapse hazard's parameters, applied to both arms. */
type Hazard = { collapsePowerShift?: number; collapseRootCause?: number; collapseQuality?: number };

/**
 * C3 Fragility: a Track-One-only settlement collapses after a power shift far more often than one
 * with Track Two support. The Track Two comparison is repeated with each channel of the collapse
 * hazard switched off (β1 the power shift, β2 root causes, β3 quality) and without the shift, so
 * the report says through which mechanism the difference arises.
 */
export function claimFragility(o: ExperimentOptions): ClaimResult {
  const trackTwoEffect = (hazard: Hazard, shift = true) => {
    const patch = (s: ScenarioDraft) => {
      s.params = { ...s.params, ...hazard };
      if (!shift) s.events = [];
    };
    const alone = measure(variant(o, 'track-one-only', patch), o.runs);
    const supported = measure(variant(o, 'track-one-plus-two', patch), o.runs);
    return { alone, supported, effect: pairedDiff(pick(alone, relapseShare), pick(supported, relapseShare)) };
  };
  const main = trackTwoEffect({});
  const noShiftChannel = trackTwoEffect({ collapsePowerShift: 0 });
  const noRootCause = trackTwoEffect({ collapseRootCause: 0 });
  const noQuality = trackTwoEffect({ collapseQuality: 0 });
  const noShift = trackTwoEffect({}, false);
  // the shift's own effect on Track One alone, with β1 at its default and at 0
  const shiftEffect = (beta1?: number) => {
    const hazard = beta1 === undefined ? {} : { collapsePowerShift: beta1 };
    const shifted = beta1 === undefined ? main.alone : noShiftChannel.alone;
    const steady = measure(variant(o, 'track-one-only', (s) => { s.params = { ...s.params, ...hazard }; s.events = []; }), o.runs);
    return pairedDiff(pick(shifted, relapseShare), pick(steady, relapseShare));
  };
  const shiftDefault = shiftEffect();
  const shiftOff = shiftEffect(0);
  return {
    id: 'C3', title: 'Fragility',
    compared: 'track-one-only against track-one-plus-two, the same power shift two years after signing in both',
    effectLabel: 'share of settlements collapsing within ten years: Track One alone minus with Track Two',
    effect: main.effect,
    holds: above(main.effect),
    criterion: 'interval above 0',
    control: {
      description: 'the Track Two comparison with the power-shift channel off (β1 = 0)',
      removes: 'the hazard\'s response to the change in power since signing (β1·|Δ ln ratio|)',
      keeps: 'the shift itself (and what it does to fear and ripeness), root causes (β2), quality (β3), both arms and their seeds',
      effect: noShiftChannel.effect,
      // what β1 = 0 guarantees: the shift no longer acts on collapse through the hazard's power term
      removed: !above(shiftOff),
      outcome: above(noShiftChannel.effect)
        ? 'Track Two still lowers relapse without the power-shift channel: its protection does not run through the shift'
        : 'without the power-shift channel Track Two no longer lowers relapse',
    },
    channels: [
      { description: 'root causes off (β2 = 0)', removes: 'the hazard\'s response to remaining anger and fear', effect: noRootCause.effect },
      { description: 'quality off (β3 = 0)', removes: 'the protection of the settlement\'s quality Q (insights, power base)', effect: noQuality.effect },
      { description: 'no power shift at all', removes: 'the shift event', effect: noShift.effect },
    ],
    notes: [
      `relapse within ten years: alone ${fmt(pooledRelapse(main.alone))}, with Track Two ${fmt(pooledRelapse(main.supported))} (pooled, Wilson 95 %)`,
      `the power shift's own effect on relapse (Track One alone, shift minus no shift): ${fmt(shiftDefault)} with β1 = 3; ${fmt(shiftOff)} with β1 = 0 (mechanism check: β1 = 0 removes it)`,
      'McDonald\'s mechanism — a settlement collapses when power shifts unless root causes were addressed — is an interaction the hazard does not contain: β1·|Δ| adds to the exponent whatever Q and root causes are, so Track Two can only lower relapse through β2 and β3; the channels above say which',
    ],
  };
}

export const fragility: Claim = { id: 'C3', run: claimFragility };
