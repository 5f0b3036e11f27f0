/**
 * `npm run bench`: the speed and memory figures of issue 2 (Speed), measured in one run so their
 * ratios are fair — whole-model agent-updates per second at 10^4, 10^5 and 10^6 agents, the bare
 * contagion kernel, an object-per-agent version of that kernel, state-building time and bytes per
 * agent, the cost of collecting model events, and the memory estimate against measured peaks —
 * printed beside the targets, and saved as JSON in bench/results/.
 * Options: --sizes 1e4,1e5,1e6  --reps 7  --no-objects (skip the object-per-agent kernel)
 * --no-memory (skip the peak-memory cases).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openRun, parseScenario, type RunSession, type ScenarioData, type SimState } from '../sim/index';
import { contagionStep } from './contagionStep';
import { buildAgentObjects, objectContagionStep } from './objectContagion';
import { measure, summarizeRates, timeOnce, type Measurement } from './measure';
import { canMeasurePeaks, measurePeak, type Peak, type PeakCase } from './memoryPeak';
import { benchSweep } from './sweep';

const TARGET_FULL = 20e6;
const TARGET_CONTAGION = 30e6;
const TARGET_BYTES_AGENT = 64;
const TARGET_BYTES_EDGE = 8;
/** The memory estimate should be within 25 % of the measured peak. */
const TARGET_ESTIMATE = 0.25;
/** Runs whose peak memory is measured in a fresh process each, against estimateRun. */
const PEAK_CASES: PeakCase[] = [
  { label: '10^6 agents, degree 8, 24 ticks', agents: 1e6, degree: 8, ticks: 24 },
  { label: '10^6 agents, degree 40, 12 ticks', agents: 1e6, degree: 40, ticks: 12 },
  { label: '2·10^4 agents, 10^6 listed edges', agents: 2e4, edges: 1e6, ticks: 24 },
  { label: 'mean-field, 2·10^6 ticks', agents: 2, meanfield: true, ticks: 2e6 },
];
/** Ticks run before timing, so every track actor of the default scenario has started (the last at 48). */
const WARM_TICKS = 48;
/** Agent-updates per timed sample: enough for ~0.2 s at the target speed. */
const UPDATES_PER_SAMPLE = 4e6;

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1e4,1e5,1e6' },
    reps: { type: 'string', default: '7' },
    'no-objects': { type: 'boolean', default: false },
    'no-memory': { type: 'boolean', default: false },
  },
});
const sizes = opts.sizes.split(',').map(Number);
const reps = Number(opts.reps);
if (sizes.some((n) => !(n >= 2) || !Number.isInteger(n)) || !(reps >= 1)) {
  console.error('bench: --sizes takes whole numbers ≥ 2 separated by commas, --reps a number ≥ 1');
  process.exit(2);
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const base = JSON.parse(readFileSync(new URL('../scenarios/intrastate-conflict.json', import.meta.url), 'utf8'));

/** The default scenario with `n` agents split evenly, on a small world of degree 8. */
function scenarioOf(n: number): ScenarioData {
  const s = structuredClone(base);
  s.parties[0].population = Math.ceil(n / 2);
  s.parties[1].population = Math.floor(n / 2);
  s.network = { ...s.network, type: 'smallWorld', degree: 8 };
  return parseScenario(s);
}

interface Bytes { perAgent: number; perEdge: number; agentArrays: Record<string, number>; edgeArrays: Record<string, number>; other: number }

/** Bytes of the typed arrays a run holds (state, the context's buffers, CSR), by per-agent and per-edge arrays. */
function typedBytes(sim: RunSession): Bytes {
  const { state, ctx } = sim;
  const n = state.partyStart[2];
  const arrays: Record<string, ArrayBufferView> = {};
  for (const [k, v] of Object.entries(state)) if (ArrayBuffer.isView(v)) arrays[k] = v;
  // the run's scratch buffers
  for (const [k, v] of Object.entries(ctx.scratch)) if (ArrayBuffer.isView(v)) arrays[`scratch.${k}`] = v;
  const agentArrays: Record<string, number> = {};
  const edgeArrays: Record<string, number> = {};
  let other = 0;
  for (const [k, v] of Object.entries(arrays)) {
    const length = (v as unknown as { length: number }).length;
    if (k === 'col' || k === 'weight') edgeArrays[k] = v.byteLength;
    else if (length >= n) agentArrays[k] = v.byteLength;
    else other += v.byteLength;
  }
  const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
  return { perAgent: sum(agentArrays) / n, perEdge: sum(edgeArrays) / state.col.length, agentArrays, edgeArrays, other };
}

function heap(): { heapUsed: number; arrayBuffers: number; rss: number } {
  gc();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers, rss: m.rss };
}

interface SizeResult {
  agents: number;
  edges: number;
  buildSeconds: number;
  full: Measurement;
  /** The same run session without model events. */
  quiet: Measurement;
  contagion: Measurement;
  objects?: Measurement;
  bytes: Bytes;
  heapDelta: { heapUsed: number; arrayBuffers: number; rss: number };
}

const load0 = loadavg()[0];
const started = performance.now();
const results: SizeResult[] = [];
for (const n of sizes) {
  const sc = scenarioOf(n);
  const h0 = heap();
  const t0 = performance.now();
  const sim = openRun(sc, { seed: 1, ticks: WARM_TICKS, events: false });
  const buildSeconds = (performance.now() - t0) / 1000;
  sim.advance(1);
  const h1 = heap();
  const bytes = typedBytes(sim);
  const edges = sim.state.col.length;
  sim.advance();
  process.stderr.write(`bench: ${n.toLocaleString('en')} agents built in ${buildSeconds.toFixed(2)} s, timing…\n`);

  // every sample restarts from the same warm state, so samples do the same work
  const ticks = Math.max(3, Math.round(UPDATES_PER_SAMPLE / n));
  const warm: SimState = structuredClone(sim.save());
  let live: RunSession = sim;
  // a run session as every shell drives it (observation and model events), and the same without events
  const full = measure(() => live.advance(), n * ticks, { reps, warmup: 1, prepare: () => (live = openRun(sc, { from: warm, ticks })) });
  const quiet = measure(() => live.advance(), n * ticks, { reps, warmup: 1, prepare: () => (live = openRun(sc, { from: warm, ticks, events: false })) });

  // the bare kernel on the same network, anger as its state; the object version alternates with it
  const { rowPtr, col, weight } = sim.state;
  const graph = { rowPtr, col, weight };
  let x = sim.state.anger.slice();
  let out = new Float32Array(n);
  const rate = sc.params.contagion / sc.ticksPerYear;
  const noise = sc.params.noise * Math.sqrt(1 / sc.ticksPerYear);
  const soaSteps = () => {
    let s = 1;
    for (let t = 0; t < ticks; t++) {
      s = contagionStep(out, x, { graph, rate, noise, seed: s });
      [x, out] = [out, x];
    }
  };
  const agents = opts['no-objects'] ? undefined : buildAgentObjects(rowPtr, col, weight, x);
  const objectSteps = () => {
    let s = 1;
    for (let t = 0; t < ticks; t++) s = objectContagionStep(agents!, rate, noise, s);
  };
  soaSteps();
  if (agents) objectSteps();
  const soa: [number[], number[]] = [[], []];
  const obj: [number[], number[]] = [[], []];
  for (let r = 0; r < reps; r++) {
    const a = timeOnce(soaSteps, n * ticks);
    soa[0].push(a[0]);
    soa[1].push(a[1]);
    if (agents) {
      const b = timeOnce(objectSteps, n * ticks);
      obj[0].push(b[0]);
      obj[1].push(b[1]);
    }
  }
  results.push({
    agents: n, edges, buildSeconds, full, quiet, bytes,
    contagion: summarizeRates(...soa),
    objects: agents ? summarizeRates(...obj) : undefined,
    heapDelta: { heapUsed: h1.heapUsed - h0.heapUsed, arrayBuffers: h1.arrayBuffers - h0.arrayBuffers, rss: h1.rss - h0.rss },
  });
  live = undefined as unknown as RunSession;
  gc();
}
const peaks: Peak[] = [];
if (!opts['no-memory'] && canMeasurePeaks) {
  for (const c of PEAK_CASES) {
    process.stderr.write(`bench: peak memory of ${c.label}…\n`);
    peaks.push(measurePeak(c));
  }
}
const seconds = (performance.now() - started) / 1000;
const load1 = loadavg()[0];

// the table
const M = (m: Measurement | undefined) => (m ? `${(m.median / 1e6).toFixed(1)} [${(m.min / 1e6).toFixed(1)}–${(m.max / 1e6).toFixed(1)}]` : '—');
const C = (m: Measurement | undefined) => (m ? (m.cpuMedian / 1e6).toFixed(1) : '—');
const pow = (n: number) => (Math.log10(n) % 1 === 0 ? `10^${Math.log10(n)}` : n.toLocaleString('en'));
const largest = results[results.length - 1];
const ok = (pass: boolean) => (pass ? 'met' : 'MISSED');
const rows: string[][] = [
  ['', ...results.map((r) => `${pow(r.agents)} agents`), `target (at ${pow(largest.agents)})`],
  ['full model, M agent-updates/s', ...results.map((r) => M(r.full)), `≥ 20  ${ok(largest.full.median >= TARGET_FULL)}`],
  ['  by CPU time', ...results.map((r) => C(r.full)), `≥ 20  ${ok(largest.full.cpuMedian >= TARGET_FULL)}`],
  ['  without model events, M/s', ...results.map((r) => M(r.quiet)), ''],
  ['  cost of collecting events', ...results.map((r) => `${(100 * (r.quiet.median / r.full.median - 1)).toFixed(1)} %`), ''],
  ['bare contagion (SoA), M/s', ...results.map((r) => M(r.contagion)), `≥ 30  ${ok(largest.contagion.median >= TARGET_CONTAGION)}`],
  ['  by CPU time', ...results.map((r) => C(r.contagion)), `≥ 30  ${ok(largest.contagion.cpuMedian >= TARGET_CONTAGION)}`],
  ['object-per-agent contagion, M/s', ...results.map((r) => M(r.objects)), ''],
  ['  by CPU time', ...results.map((r) => C(r.objects)), ''],
  ['SoA / object speed-up', ...results.map((r) => (r.objects ? `${(r.contagion.median / r.objects.median).toFixed(1)}×` : '—')), ''],
  ['full model / bare contagion', ...results.map((r) => `${(r.full.median / r.contagion.median).toFixed(2)}`), ''],
  ['building the state, s', ...results.map((r) => r.buildSeconds.toFixed(2)), ''],
  ['typed arrays, bytes/agent', ...results.map((r) => r.bytes.perAgent.toFixed(1)), `≤ ${TARGET_BYTES_AGENT}  ${ok(largest.bytes.perAgent <= TARGET_BYTES_AGENT)}`],
  ['typed arrays, bytes/directed edge', ...results.map((r) => r.bytes.perEdge.toFixed(1)), `≤ ${TARGET_BYTES_EDGE}  ${ok(largest.bytes.perEdge <= TARGET_BYTES_EDGE)}`],
  ['directed edges per agent', ...results.map((r) => (r.edges / r.agents).toFixed(2)), ''],
  ['heap + array buffers, bytes/agent', ...results.map((r) => ((r.heapDelta.heapUsed + r.heapDelta.arrayBuffers) / r.agents).toFixed(1)), '(all of it, incl. edges)'],
  ['  of which JS heap, bytes/agent', ...results.map((r) => (r.heapDelta.heapUsed / r.agents).toFixed(1)), ''],
  ['budget 64/agent + 8/edge, bytes/agent', ...results.map((r) => (TARGET_BYTES_AGENT + TARGET_BYTES_EDGE * r.edges / r.agents).toFixed(1)), ''],
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
console.log(`Détente bench — Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${load0.toFixed(2)} → ${load1.toFixed(2)}, ${seconds.toFixed(0)} s`);
console.log(`default scenario, smallWorld degree 8; ${reps} samples each after warm-up: median [min–max] by wall clock, and the median by CPU time`);
if (Math.max(load0, load1) > cpus().length / 2) console.log('note: the machine was busy; timings are noisy, ratios within this run are the fairer figures');
console.log('');
rows.forEach((r, i) => {
  console.log(line(r));
  if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
});
const last = largest.bytes;
console.log('');
console.log(`per-agent arrays (bytes/agent): ${Object.entries(last.agentArrays).map(([k, v]) => `${k} ${(v / largest.agents).toFixed(1)}`).join(', ')}`);
console.log(`per-edge arrays (bytes/edge): ${Object.entries(last.edgeArrays).map(([k, v]) => `${k} ${(v / largest.edges).toFixed(1)}`).join(', ')}; small fixed arrays ${last.other} bytes`);

if (peaks.length) {
  const MiB = (b: number) => (b / 2 ** 20).toFixed(1);
  const prows = [['run (one fresh process each)', 'measured peak, MiB', 'estimateRun, MiB', 'estimate / measured', `target ±${100 * TARGET_ESTIMATE} %`],
    ...peaks.map((p) => [p.label, MiB(p.measured), MiB(p.estimated), (p.estimated / p.measured).toFixed(2), ok(Math.abs(p.estimated / p.measured - 1) <= TARGET_ESTIMATE)])];
  const pw = prows[0].map((_, c) => Math.max(...prows.map((r) => r[c].length)));
  console.log('');
  prows.forEach((r, i) => {
    console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(pw[c]) : cell.padStart(pw[c]))).join('  '));
    if (i === 0) console.log(pw.map((w) => '-'.repeat(w)).join('  '));
  });
} else if (!opts['no-memory']) {
  console.log('\npeak memory: not measured (needs Linux /proc/self/clear_refs)');
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = new URL(`./results/bench-${stamp}.json`, import.meta.url);
writeFileSync(file, JSON.stringify({
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, load: [load0, load1], seconds, reps,
  targets: { fullModel: TARGET_FULL, contagion: TARGET_CONTAGION, bytesPerAgent: TARGET_BYTES_AGENT, bytesPerEdge: TARGET_BYTES_EDGE },
  results, peaks,
}, null, 1));
console.log(`\nsaved ${file.pathname}`);

await benchSweep();
