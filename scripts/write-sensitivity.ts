/**
 * `npm run sensitivity`: global sensitivity analysis of the default scenario (intrastate-conflict).
 * Morris screening of every assumed parameter of `params` (source "assumption", default above 0,
 * not a measure's own definition) over half to one and a half times its default, against peak
 * escalation, the share de-escalated and ten-year relapse; then Sobol' indices of the most
 * influential. Writes docs/sensitivity.md (keeping its robustness matrix, `npm run robustness`) and
 * tornado charts docs/sensitivity-*.svg. Sizes: `-- --trajectories R --replicates N --samples S
 * --top K --population P` (defaults 40, 4, 256, 6, 300: a few minutes on one core).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import {
  analyze, buildDesign, pointScenario, sweepRun, validateExperiment,
  type DataTable, type Design, type ExperimentData, type ExperimentInput, type FactorData, type MorrisIndex, type SobolIndex,
} from '../sim/experiments/index';
import { fieldDoc } from '../sim/scenario/doc';
import { Params } from '../sim/scenario/schema';
import { VERSION } from '../sim/version';
import { tornadoSvg } from './tornadoSvg';

const { values } = parseArgs({ options: {
  trajectories: { type: 'string', default: '40' }, replicates: { type: 'string', default: '4' },
  samples: { type: 'string', default: '256' }, top: { type: 'string', default: '6' }, population: { type: 'string', default: '300' },
} });
const size = { trajectories: Number(values.trajectories), replicates: Number(values.replicates), samples: Number(values.samples), top: Number(values.top), population: Number(values.population) };
const SCENARIO = 'intrastate-conflict';
const docs = new URL('../docs/', import.meta.url);
const base = JSON.parse(readFileSync(new URL(`../scenarios/${SCENARIO}.json`, import.meta.url), 'utf8'));
for (const p of base.parties) p.population = size.population;

/** Parameters that define a measure rather than the model (escalation index weights, de-escalation threshold). */
const MEASURES = new Set(['escalationWeights', 'deescalated', 'sustain']);
/** The metrics, as names and as functions of a finished run. */
const METRICS = ['peakX', 'deescalated', 'relapse10y'] as const;
const METRIC_TEXT: Record<(typeof METRICS)[number], string> = {
  peakX: 'peak escalation X',
  deescalated: 'share of runs de-escalated',
  relapse10y: 'ten-year relapse of the first settlement',
};

/** Every numeric assumed parameter of params with a positive default, ranging over [½, 1½] × default within its bounds. */
function assumedFactors(): FactorData[] {
  const out: FactorData[] = [];
  for (const [key, s] of Object.entries(Params.shape)) {
    const doc = fieldDoc(s);
    if (!doc || !/^assumption/i.test(doc.source) || MEASURES.has(key)) continue;
    const json = z.toJSONSchema(s as z.ZodType, { io: 'input', unrepresentable: 'any' }) as { type?: string; default?: unknown; minimum?: number; maximum?: number; exclusiveMinimum?: number };
    const d = json.default;
    if ((json.type !== 'number' && json.type !== 'integer') || typeof d !== 'number' || !(d > 0)) continue;
    const lo = Math.max(json.minimum ?? json.exclusiveMinimum ?? 0, d * 0.5);
    const hi = Math.min(json.maximum ?? Infinity, d * 1.5);
    if (hi > lo) out.push({ name: key, path: `params.${key}`, min: lo, max: hi, scale: 'linear' });
  }
  return out;
}

/** An experiment of the study: the factors, a design and the metrics, validated by the experiments engine, and its points. */
function experiment(factors: FactorData[], design: ExperimentInput['design']): { e: ExperimentData; design: Design } {
  const r = validateExperiment({ format: 1, name: 'sensitivity', factors, design, replicates: size.replicates, seed: 1, metrics: [...METRICS] } satisfies ExperimentInput);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return { e: r.experiment, design: buildDesign(r.experiment) };
}

/** Runs every point of an experiment `replicates` times as `detente sweep` does (pointScenario, sweepRun) and returns the metrics as a data table. */
function sweep({ e, design }: { e: ExperimentData; design: Design }): DataTable {
  const columns: Record<string, Array<number | null>> = Object.fromEntries(['point', 'replicate', ...METRICS].map((c) => [c, []]));
  const started = Date.now();
  for (const { point, values: v } of design.points) {
    const ps = pointScenario(base, e, v);
    if (!ps.ok) throw new Error(`point ${point}: ${ps.issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    for (let r = 0; r < size.replicates; r++) {
      const { metrics } = sweepRun(ps.scenario, r, e);
      columns.point.push(point);
      columns.replicate.push(r);
      METRICS.forEach((m, k) => columns[m].push(metrics[k]));
    }
    if (point % 50 === 49) process.stderr.write(`  ${point + 1}/${design.points.length} points (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  }
  return { names: Object.keys(columns), columns, rows: columns.point.length };
}

const bootstrap = { resamples: 1000, seed: 1 };
const started = Date.now();
const factors = assumedFactors();
process.stderr.write(`Morris: ${factors.length} factors, ${size.trajectories} trajectories, ${size.replicates} replicates\n`);
const morrisExperiment = experiment(factors, { type: 'morris', trajectories: size.trajectories, levels: 4 });
const morrisData = sweep(morrisExperiment);
const morrisDesign = morrisExperiment.design;
/** Why an analysis could not be made, by its label ("Morris peakX"): the data cannot carry it, e.g. a metric without variance. */
const notComputed = new Map<string, string>();
/** An analysis, or none (its reason kept for the report) when the data cannot carry it. */
function tryAnalysis<T>(label: string, f: () => T[]): T[] {
  try {
    return f();
  } catch (e) {
    notComputed.set(label, (e as Error).message.split('\n')[0]);
    process.stderr.write(`${label}: ${(e as Error).message}\n`);
    return [];
  }
}
const morris = Object.fromEntries(METRICS.map((m) => [m, tryAnalysis(`Morris ${m}`, () => {
  const r = analyze(morrisDesign, morrisData, { method: 'morris', metric: m, bootstrap });
  return r.method === 'morris' ? r.indices : [];
})])) as Record<(typeof METRICS)[number], MorrisIndex[]>;
const morrisSeconds = (Date.now() - started) / 1000;

// the most influential: largest μ* relative to the metric's largest, over the three metrics
const score = new Map<string, number>();
for (const m of METRICS) {
  const top = Math.max(1e-12, ...morris[m].map((i) => i.muStar));
  for (const i of morris[m]) score.set(i.factor, Math.max(score.get(i.factor) ?? 0, i.muStar / top));
}
const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
const chosen = ranked.slice(0, size.top).map(([f]) => factors.find((x) => x.name === f)!);
process.stderr.write(`Sobol': ${chosen.map((f) => f.name).join(', ')}; N = ${size.samples}\n`);
const sobolExperiment = experiment(chosen, { type: 'sobol', samples: size.samples });
const sobolData = sweep(sobolExperiment);
const sobolDesign = sobolExperiment.design;
/** Base samples whose every point had a value, by metric: the blocks each Sobol' estimate rests on. */
const sobolBlocks = new Map<string, { used: number; samples: number }>();
const sobol = Object.fromEntries(METRICS.map((m) => [m, tryAnalysis(`Sobol' ${m}`, () => {
  const r = analyze(sobolDesign, sobolData, { method: 'sobol', metric: m, bootstrap });
  if (r.method !== 'sobol') return [];
  sobolBlocks.set(m, r.blocks);
  return r.indices;
})])) as Record<(typeof METRICS)[number], SobolIndex[]>;
const seconds = ((Date.now() - started) / 1000).toFixed(0);

const num = (x: number | null) => (x === null || !Number.isFinite(x) ? 'n/a' : Math.abs(x) < 1e-3 && x !== 0 ? x.toExponential(1) : x.toFixed(3));
for (const m of METRICS) {
  const top = [...morris[m]].sort((a, b) => b.muStar - a.muStar).slice(0, 15);
  if (top.length) writeFileSync(new URL(`sensitivity-morris-${m}.svg`, docs), tornadoSvg(
    top.map((i) => ({ label: i.factor, value: i.muStar, lo: i.muStar_ci[0], hi: i.muStar_ci[1], marker: i.sigma ?? undefined })),
    { title: `Morris μ*: ${METRIC_TEXT[m]} (default scenario)`, axisLabel: 'μ*: mean |elementary effect| over the factor\'s range (line: 95 % interval)', markerLabel: 'σ' },
  ));
  if (sobol[m].length) {
    writeFileSync(new URL(`sensitivity-sobol-${m}.svg`, docs), tornadoSvg(
      sobol[m].map((i) => ({ label: i.factor, value: i.ST, lo: i.ST_ci[0], hi: i.ST_ci[1], marker: i.S1 })),
      { title: `Sobol' total-order index: ${METRIC_TEXT[m]}`, axisLabel: 'ST (line: 95 % interval)', markerLabel: 'S1' },
    ));
  }
}

const morrisTable = (m: (typeof METRICS)[number]) => (!morris[m].length ? `(not computed: ${notComputed.get(`Morris ${m}`)})` : [
  '| Rank | Parameter | μ* [95 % interval] | μ | σ |',
  '|---|---|---|---|---|',
  ...[...morris[m]].sort((a, b) => b.muStar - a.muStar).slice(0, 12)
    .map((i, k) => `| ${k + 1} | \`${i.factor}\` | ${num(i.muStar)} [${num(i.muStar_ci[0])}, ${num(i.muStar_ci[1])}] | ${num(i.mu)} | ${num(i.sigma)} |`),
].join('\n'));
/** How many base samples an estimate rests on; a warning when blocks were left out for a missing value. */
function blocksNote(m: (typeof METRICS)[number]): string {
  const b = sobolBlocks.get(m)!;
  if (b.used === b.samples) return `On all ${b.samples} base samples.`;
  return `On ${b.used} of the ${b.samples} base samples: the others lack a value at one of their points (no settlement observable for ten years in any replicate) and are left out whole. `
    + 'An index of exactly 0 then means the metric did not change when that parameter alone moved in the blocks kept, not that the parameter has no effect elsewhere.';
}
const sobolTable = (m: (typeof METRICS)[number]) => (sobol[m].length ? [
  '| Parameter | S1 [95 % interval] | ST [95 % interval] |',
  '|---|---|---|',
  ...[...sobol[m]].sort((a, b) => b.ST - a.ST).map((i) => `| \`${i.factor}\` | ${num(i.S1)} [${num(i.S1_ci[0])}, ${num(i.S1_ci[1])}] | ${num(i.ST)} [${num(i.ST_ci[0])}, ${num(i.ST_ci[1])}] |`),
  '',
  blocksNote(m),
].join('\n') : `(not computed: ${notComputed.get(`Sobol' ${m}`)})`);
const leaders = (m: (typeof METRICS)[number]) => [...morris[m]].sort((a, b) => b.muStar - a.muStar).slice(0, 3).map((i) => `\`${i.factor}\``).join(', ');
const negligible = factors.filter((f) => (score.get(f.name) ?? 0) < 0.05).map((f) => `\`${f.name}\``);

const old = (() => {
  try {
    return readFileSync(new URL('sensitivity.md', docs), 'utf8');
  } catch {
    return '';
  }
})();
const [rs, re] = ['<!-- robustness:start -->', '<!-- robustness:end -->'];
const robustness = old.includes(rs) && old.includes(re) ? old.slice(old.indexOf(rs), old.indexOf(re) + re.length) : `${rs}\n(run \`npm run robustness\`)\n${re}`;

const text = `# Sensitivity and robustness

Generated by \`npm run sensitivity\` (\`scripts/write-sensitivity.ts\`; the robustness matrix by \`npm run robustness\`,
\`scripts/write-robustness.ts\`) — do not edit by hand. Détente ${VERSION}.

## Global sensitivity of the default scenario

**What was varied.** Every parameter of \`params\` whose documented source is an assumption and whose default is above 0
(${factors.length} parameters; the measure's own definitions \`escalationWeights\`, \`deescalated\` and \`sustain\`, the Glasl
windows, which are pairs, and parameters whose default is 0 are left out), each over half to one and a half times its
default within its allowed range, in the default scenario \`${SCENARIO}\` at ${size.population} agents a party. Calibrated
parameters (ODD §10, Calibration) are held at their values; their targets' sensitivity is in the ODD.

**Design and sizes.** Morris screening (Morris 1991; μ* after Campolongo, Cariboni & Saltelli 2007): ${size.trajectories}
trajectories on 4 levels, ${morrisDesign.points.length} points × ${size.replicates} replicates (paired seeds), ${morrisSeconds.toFixed(0)} s. Then Sobol'
indices (Saltelli et al. 2010, Jansen's estimators) of the ${chosen.length} most influential — the largest μ* relative to each
metric's largest — on N = ${size.samples} base samples, ${sobolDesign.points.length} points × ${size.replicates} replicates. Bootstrap
intervals from ${bootstrap.resamples} resamples. ${seconds} s in all on one core. These are **reduced sizes**: the rankings
of the leading factors are stable at them, the Sobol' intervals are wide, and the ordering among weak factors is noise.
Larger runs: \`npm run sensitivity -- --trajectories 80 --replicates 8 --samples 512\` (several times longer), or the experiment files in
\`scenarios/experiments/\` with \`detente sweep\` and \`detente analyze\`.

**Metrics.** ${METRICS.map((m) => `\`${m}\`: ${METRIC_TEXT[m]}`).join('; ')}. Relapse is defined per run on its first
settlement (1 collapsed within ten years, 0 held, empty when not observable; the claims' definition, \`sim/claims/relapse.ts\`);
in the default scenario few settlements collapse, so it is a rare 0/1 outcome and its indices are the noisiest.

### Morris screening

${METRICS.map((m) => `#### ${METRIC_TEXT[m]} (\`${m}\`)

${morris[m].length ? `![Morris μ* for ${m}](sensitivity-morris-${m}.svg)` : ''}

${morrisTable(m)}
`).join('\n')}
μ* is the mean absolute change of the metric when the parameter moves across its whole range (½× to 1½× its default); σ,
large against μ*, flags non-linearity or interaction with other parameters.

### Sobol' indices of the most influential

Factors: ${chosen.map((f) => `\`${f.name}\``).join(', ')}.

${METRICS.map((m) => `#### ${METRIC_TEXT[m]} (\`${m}\`)

${sobol[m].length ? `![Sobol' indices for ${m}](sensitivity-sobol-${m}.svg)` : ''}

${sobolTable(m)}
`).join('\n')}
S1 is the share of the metric's variance due to a parameter alone, ST its share including interactions, over this
subset's ranges (the others at their defaults).

### What it means for users

- **Results that hang on assumptions.** Peak escalation is driven mostly by ${leaders('peakX')}; de-escalation by
  ${leaders('deescalated')}; relapse by ${leaders('relapse10y')}. A scenario's conclusions about these outcomes are only as
  good as the values of those parameters: vary them (\`detente run --set params.<name>=…\`, or an experiment file) before
  reading much into one run's ensemble.
- **Results that are robust to assumptions.** ${negligible.length ? `${negligible.length} of the ${factors.length} parameters move none of the three metrics by more than 5 % of the most influential's effect: ${negligible.join(', ')}. Their values can be taken as given for these outcomes.` : 'Every parameter moves at least one metric noticeably.'}
- **Interactions.** Where σ is comparable to μ* (and ST well above S1), a parameter's effect depends on the others: one-at-a-time
  changes can mislead, and an experiment that varies several together is needed.
- **The claims.** Whether each claim survives changes of seed, population and the calibrated parameters is in the robustness
  matrix below; the claims report (docs/claims.md) gives the controls and, where a claim holds only in a region, the region.

## Robustness of the claims

${robustness}
`;
writeFileSync(new URL('sensitivity.md', docs), text);
process.stderr.write(`docs/sensitivity.md and ${METRICS.length * 2} charts written (${seconds} s)\n`);
