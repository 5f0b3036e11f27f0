import { fmt, type Claim, type ClaimResult } from './claim';
import { measure, pick, variant, type ExperimentOptions, type ScenarioDraft } from './experiment';
import { pooledRelapse, relapseShare } from './relapse';
import { above, pairedDiff } from './stats';

/** C3 Fragility: a Track-One-only settlement collapses after a power shift far more often than one with Track Two support. */
export function claimFragility(o: ExperimentOptions): ClaimResult {
  const alone = measure(variant(o, 'track-one-only'), o.runs);
  const supported = measure(variant(o, 'track-one-plus-two'), o.runs);
  const effect = pairedDiff(pick(alone, relapseShare), pick(supported, relapseShare));
  const shiftEffect = (beta1?: number) => {
    const params = (s: ScenarioDraft) => { if (beta1 !== undefined) s.params = { ...s.params, collapsePowerShift: beta1 }; };
    const shifted = measure(variant(o, 'track-one-only', params), o.runs);
    const steady = measure(variant(o, 'track-one-only', (s) => { params(s); s.events = []; }), o.runs);
    return pairedDiff(pick(shifted, relapseShare), pick(steady, relapseShare));
  };
  const withShift = shiftEffect();
  const control = shiftEffect(0);
  return {
    id: 'C3', title: 'Fragility',
    compared: 'track-one-only against track-one-plus-two (same power shift two years after signing)',
    effectLabel: 'share of settlements collapsing within ten years: Track One alone minus with Track Two',
    effect,
    holds: above(effect),
    criterion: 'interval above 0',
    control: { description: 'β1 = 0: the power shift\'s effect on collapse (shift minus no shift, Track One alone)', effect: control, removed: !above(control) },
    notes: [
      `relapse within ten years: alone ${fmt(pooledRelapse(alone))}, with Track Two ${fmt(pooledRelapse(supported))} (pooled, Wilson 95 %)`,
      `power shift's effect with the default β1: ${fmt(withShift)}`,
    ],
  };
}

export const fragility: Claim = { id: 'C3', run: claimFragility };
