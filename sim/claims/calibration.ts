import { replicates } from '../ensemble';
import { fmt, type Claim, type ClaimResult } from './claim';
import { measure, variant, type ExperimentOptions, type RunMetrics } from './experiment';
import { pooledRelapse } from './relapse';
import { meanCI } from './stats';

/** Cohen's d of Track Four participants against non-participants at the programme's end, on the SD at its start. */
function contactEffect(o: ExperimentOptions, depthScale: number): number[] {
  const s = variant(o, 'intrastate-no-third-parties', (raw) => {
    raw.actors = [{ name: 'Exchange', track: 4, start: 12, prepTicks: 0, commitment: 240, capacity: 0.05, credibility: 0.8 }];
    if (depthScale !== 1) raw.params = { ...raw.params, track4Depth: 0, track4Grievance: 0, track4Perception: 0 };
  });
  const start = 12;
  const end = 12 + 240;
  const ds: number[] = [];
  for (const session of replicates(s, { runs: o.runs, ticks: end, events: false })) {
    session.advance(start);
    const a0 = session.state.anger;
    let mean = 0;
    for (let i = 0; i < a0.length; i++) mean += a0[i] / a0.length;
    let sd = 0;
    for (let i = 0; i < a0.length; i++) sd += (a0[i] - mean) ** 2 / (a0.length - 1);
    sd = Math.sqrt(sd);
    session.advance();
    const st = session.state;
    let pSum = 0, pN = 0, nSum = 0, nN = 0;
    for (let i = 0; i < st.anger.length; i++) {
      if (st.participant[i]) { pSum += st.anger[i]; pN++; } else { nSum += st.anger[i]; nN++; }
    }
    ds.push(pN && nN && sd > 0 ? (nSum / nN - pSum / pN) / sd : NaN);
  }
  return ds;
}

/** C9 Calibration: relapse of Track-One-only settlements, Track Four's contact effect, hate media's effect on incidents. */
export function claimCalibration(o: ExperimentOptions): ClaimResult {
  const drift = measure(variant(o, 'track-one-only', (s) => { s.events = []; }), o.runs);
  const relapse = pooledRelapse(drift);
  const noCollapse = pooledRelapse(measure(variant(o, 'track-one-only', (s) => { s.events = []; s.params = { ...s.params, collapseBase: 0 }; }), o.runs));
  const d = meanCI(contactEffect(o, 1));
  const dOff = meanCI(contactEffect(o, 0));
  const hateRise = (valence: number) => {
    const hate = measure(variant(o, 'hate-media', (s) => { s.actors[0].valence = valence; }), o.runs);
    const none = measure(variant(o, 'hate-media', (s) => { s.actors = []; }), o.runs);
    const total = (ms: RunMetrics[]) => ms.reduce((sum, m) => sum + m.incidents, 0);
    return { pooled: total(hate) / total(none) - 1, perRun: meanCI(hate.map((m, r) => m.incidents / Math.max(1, none[r].incidents) - 1)) };
  };
  const hate = hateRise(-1);
  const hateOff = hateRise(0);
  const okRelapse = relapse.mean >= 0.3 && relapse.mean <= 0.5;
  const okContact = d.mean >= 0.3 && d.mean <= 0.56;
  const okHate = hate.pooled >= 0.6 && hate.pooled <= 0.85;
  return {
    id: 'C9', title: 'Calibration',
    compared: 'track-one-only with power drift and no shift; an exchange programme in the no-third-parties conflict; hate-media against the same seeds without it',
    effectLabel: 'share of Track-One-only settlements collapsing within ten years',
    effect: relapse,
    holds: okRelapse && okContact && okHate,
    criterion: 'relapse 30–50 % (target ≈ 40 %); participants 0.30–0.56 SD below non-participants (target 0.43); hate media +60–85 % incidents (target 65–77 %)',
    control: {
      description: 'mechanisms off: collapseBase = 0; no Track Four relief; hate-media valence 0',
      effect: noCollapse,
      removed: noCollapse.mean === 0 && Math.abs(dOff.mean) < 0.15 && Math.abs(hateOff.pooled) < 0.1,
    },
    notes: [
      `relapse within ten years ${fmt(relapse)}${okRelapse ? '' : ' — outside 30–50 %'}`,
      `Track Four participants below non-participants: d = ${fmt(d)}${okContact ? '' : ' — outside 0.30–0.56'}; without relief d = ${fmt(dOff)}`,
      `hate media: incidents +${(100 * hate.pooled).toFixed(1)} % pooled (per run ${fmt(hate.perRun)})${okHate ? '' : ' — outside 60–85 %'}; valence 0: ${(100 * hateOff.pooled).toFixed(1)} %`,
    ],
  };
}

export const calibration: Claim = { id: 'C9', run: claimCalibration };
