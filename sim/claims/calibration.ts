import { replicates } from '../ensemble';
import { fmt, type Claim, type ClaimResult } from './claim';
import { measure, variant, type ExperimentOptions, type RunMetrics, type ScenarioPatch } from './experiment';
import { hazardByYears, hazardRatio, pooledRelapse } from './relapse';
import { meanCI, proportionCI } from './stats';

/** Cohen's d of Track Four participants against non-participants at the programme's end, on the SD at its start. */
export function contactEffect(o: ExperimentOptions, depthScale: number, patch: ScenarioPatch = () => {}): number[] {
  const s = variant(o, 'intrastate-no-third-parties', (raw) => {
    patch(raw);
    raw.actors = [{ name: 'Exchange', track: 4, start: 12, prepTicks: 0, commitment: 240, capacity: 0.01, credibility: 0.8 }];
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

/** The C9 relapse measures of Track One alone with power drift and no shift: ten-year relapse, the hazard's profile, and how often a settlement is reached. */
export function relapseTargets(o: ExperimentOptions, patch: ScenarioPatch = () => {}) {
  const runs = measure(variant(o, 'track-one-only', (s) => { s.events = []; patch(s); }), o.runs);
  const [early, late] = hazardByYears(runs, [0, 5, 10]);
  const twentyYears = (m: RunMetrics) => 20 * m.ticksPerYear;
  return {
    relapse: pooledRelapse(runs),
    early, late,
    ratio: hazardRatio(early, late),
    settled20: proportionCI(runs.filter((m) => m.signings.some((g) => g.tick <= twentyYears(m))).length, runs.length),
  };
}

/** C9's hate-media measure: the pooled rise in incidents with the station (valence v) against the same seeds without it. */
export function hateTarget(o: ExperimentOptions, valence = -1, patch: ScenarioPatch = () => {}) {
  const hate = measure(variant(o, 'hate-media', (s) => { patch(s); s.actors[0].valence = valence; }), o.runs);
  const none = measure(variant(o, 'hate-media', (s) => { patch(s); s.actors = []; }), o.runs);
  const total = (ms: RunMetrics[]) => ms.reduce((sum, m) => sum + m.incidents, 0);
  return { pooled: total(hate) / total(none) - 1, perRun: meanCI(hate.map((m, r) => m.incidents / Math.max(1, none[r].incidents) - 1)) };
}

/** C9 Calibration: relapse of Track-One-only settlements and its time profile, Track Four's contact effect, hate media's effect on incidents. */
export function claimCalibration(o: ExperimentOptions): ClaimResult {
  const t = relapseTargets(o);
  const noCollapse = relapseTargets(o, (s) => { s.params = { ...s.params, collapseBase: 0 }; }).relapse;
  const d = meanCI(contactEffect(o, 1));
  const dOff = meanCI(contactEffect(o, 0));
  const hate = hateTarget(o);
  const hateOff = hateTarget(o, 0);
  const okRelapse = t.relapse.mean >= 0.3 && t.relapse.mean <= 0.5;
  const okProfile = t.ratio.mean > 1;
  const okContact = d.mean >= 0.3 && d.mean <= 0.56;
  const okHate = hate.pooled >= 0.6 && hate.pooled <= 0.85;
  return {
    id: 'C9', title: 'Calibration',
    compared: 'track-one-only with power drift and no shift; an exchange programme in the no-third-parties conflict; hate-media against the same seeds without it',
    effectLabel: 'share of Track-One-only settlements collapsing within ten years',
    effect: t.relapse,
    holds: okRelapse && okProfile && okContact && okHate,
    criterion: 'relapse 30–50 % (target ≈ 40 %) with the hazard higher in years 0–4 than 5–9 (ratio above 1; target ≈ 2); participants 0.30–0.56 SD below non-participants (target 0.43); hate media +60–85 % incidents (target 65–77 %)',
    control: {
      description: 'mechanisms off: collapseBase = 0; no Track Four relief; hate-media valence 0',
      removes: 'the collapse hazard, the exchange\'s relief, the station\'s broadcasts',
      keeps: 'the scenarios, the actors\' presence and the seeds',
      effect: noCollapse,
      removed: noCollapse.mean === 0 && Math.abs(dOff.mean) < 0.15 && Math.abs(hateOff.pooled) < 0.1,
    },
    channels: [],
    figures: { relapse10y: t.relapse.mean, hazardRatio: t.ratio.mean, settled20: t.settled20.mean, contactD: d.mean, hateRise: hate.pooled },
    notes: [
      `relapse within ten years ${fmt(t.relapse)}${okRelapse ? '' : ' — outside 30–50 %'}`,
      `relapse hazard (collapses per settlement-year): years 0–4 ${t.early.hazard.toFixed(3)} (${t.early.collapses} in ${t.early.yearsAtRisk.toFixed(0)} years), years 5–9 ${t.late.hazard.toFixed(3)} (${t.late.collapses} in ${t.late.yearsAtRisk.toFixed(0)}); ratio ${fmt(t.ratio, 2)}${okProfile ? '' : ' — not declining'}`,
      `Track One alone signs within 20 years in ${(100 * t.settled20.mean).toFixed(0)} % of runs (feasibility target ≥ 80 %)`,
      `Track Four participants below non-participants: d = ${fmt(d)}${okContact ? '' : ' — outside 0.30–0.56'}; without relief d = ${fmt(dOff)}`,
      `hate media: incidents +${(100 * hate.pooled).toFixed(1)} % pooled (per run ${fmt(hate.perRun)})${okHate ? '' : ' — outside 60–85 %'}; valence 0: ${(100 * hateOff.pooled).toFixed(1)} %`,
    ],
  };
}

export const calibration: Claim = { id: 'C9', run: claimCalibration };
