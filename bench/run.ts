/**
 * `npm run bench`: Détente's speed and memory, measured in one run so their ratios are fair, and
 * printed beside the goals — the model (whole-model agent-updates per second, the bare contagion
 * kernel, an object-per-agent kernel, bytes per agent and per tie), the machine's limit (the same
 * population pass in C), peer frameworks (the contagion step in AgentScript and flocc), the
 * command line's start-up, a step's cost at the longest lull window, the memory estimate against
 * measured peaks (and an edge list's JavaScript heap), the time estimate against measured run
 * times (timeEstimate.ts), and a sweep's runs per second
 * on 1 and all cores (sweep.ts). Results are also saved as JSON in bench/results/. Also how a whole
 * command grows with agents, ties, ticks and runs (scaling.ts).
 * Options: --sizes 1e4,1e5,1e6  --reps 7  --peer-sizes 1e4,1e5,1e6  --startup-reps 7  --scaling-reps 3
 *          --no-objects  --no-limit  --no-peers  --no-startup  --no-scaling  --no-lull  --no-memory  --no-time
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { compileLimit, GCC_FLAGS, measureLimit, type LimitResult } from './limit/limit';
import { LULL_AGENTS, LULL_WINDOWS, measureLullWindow } from './lullWindow';
import type { Measurement } from './measure';
import { canMeasurePeaks, measurePeak, type Peak, type PeakCase } from './memoryPeak';
import { gc, kernelTerms, measureModel, scenarioOf, UPDATES_PER_SAMPLE, type SizeResult } from './model';
import { measurePeers, PEERS, type PeerResult } from './peers/measurePeers';
import { marginal, measureScaling, SCALING_DEFAULTS, type ScalingRow } from './scaling';
import { measureStartup, startupCases, type StartupResult } from './startup';
import { impliedRates, impliedRatesLine, measureTimeEstimate, timeEstimateRows, TIME_CASES, type TimeResult } from './timeEstimate';
import { benchSweep } from './sweep';
import { createSimulation } from '../sim/index';

/** Goals, in agent-updates per second unless named otherwise. */
const GOALS = {
  fullModel: { 1e4: 40e6, 1e6: 30e6 } as Record<number, number>,
  contagion: 30e6,
  bytesPerAgent: 64,
  bytesPerEdge: 8,
  /** Détente's population pass as a share of C's, at 10^4 and 10^6. */
  shareOfC: 0.5,
  /** Whole model ÷ each framework's bare contagion step. */
  peers: { agentscript: 20, flocc: 100 } as Record<string, number>,
  versionSeconds: 0.1,
  defaultRunSeconds: 0.3,
  /** The memory estimate within this share of the measured peak. */
  estimate: 0.25,
  /** A step at the longest lullWindow ÷ one at the shortest, at 365 ticks a year (it was about 100). */
  lullWindow: 1.25,
};
/** Runs whose peak memory is measured in a fresh process each, against estimateRun. */
const PEAK_CASES: PeakCase[] = [
  { label: '10^6 agents, degree 8, 24 ticks', agents: 1e6, degree: 8, ticks: 24 },
  { label: '10^6 agents, degree 40, 12 ticks', agents: 1e6, degree: 40, ticks: 12 },
  { label: '2·10^4 agents, 10^6 listed edges', agents: 2e4, edges: 1e6, ticks: 24 },
  { label: 'mean-field, 2·10^6 ticks', agents: 2, meanfield: true, ticks: 2e6 },
];
/** Population passes compared bit for bit with C, and contagion steps with each framework. */
const CHECK_STEPS = 5;

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1e4,1e5,1e6' },
    reps: { type: 'string', default: '7' },
    'peer-sizes': { type: 'string', default: '1e4,1e5,1e6' },
    'startup-reps': { type: 'string', default: '7' },
    'scaling-reps': { type: 'string', default: '3' },
    'no-objects': { type: 'boolean', default: false },
    'no-limit': { type: 'boolean', default: false },
    'no-peers': { type: 'boolean', default: false },
    'no-startup': { type: 'boolean', default: false },
    'no-scaling': { type: 'boolean', default: false },
    'no-lull': { type: 'boolean', default: false },
    'no-memory': { type: 'boolean', default: false },
    'no-time': { type: 'boolean', default: false },
  },
});
const list = (s: string) => s.split(',').map(Number);
const sizes = list(opts.sizes);
const peerSizes = opts['no-peers'] ? [] : list(opts['peer-sizes']);
const reps = Number(opts.reps);
const startupReps = Number(opts['startup-reps']);
const scalingReps = Number(opts['scaling-reps']);
if ([...sizes, ...peerSizes].some((n) => !(n >= 2) || !Number.isInteger(n)) || !(reps >= 1) || !(startupReps >= 1) || !(scalingReps >= 1)) {
  console.error('bench: --sizes and --peer-sizes take whole numbers ≥ 2 separated by commas, --reps, --startup-reps and --scaling-reps a number ≥ 1');
  process.exit(2);
}

const load0 = loadavg()[0];
const started = performance.now();

// 1. the model, and 2. the same population pass in C on the same warm state
const program = opts['no-limit'] ? undefined : compileLimit();
const results: SizeResult[] = [];
const limits: LimitResult[] = [];
for (const n of sizes) {
  const { result, warm } = measureModel(n, { reps, objects: !opts['no-objects'] });
  results.push(result);
  if (program) {
    process.stderr.write(`bench: ${n.toLocaleString('en')} agents, the population pass in JavaScript and in C…\n`);
    limits.push(measureLimit(program, warm, { ticks: Math.max(3, Math.round(UPDATES_PER_SAMPLE / n)), reps, check: CHECK_STEPS }));
  }
  gc();
}
program?.dispose();

// 3. the peers, over the model's network at each size, after the model's own figures
const peers: PeerResult[] = [];
for (const n of peerSizes) {
  process.stderr.write(`bench: ${n.toLocaleString('en')} agents in ${Object.keys(PEERS).join(' and ')}…\n`);
  const sc = scenarioOf(n);
  const { state } = createSimulation(sc, { seed: 1 });
  const input = { rowPtr: state.rowPtr, col: state.col, weight: state.weight, x: state.anger.slice() };
  // the frameworks run at 10^5–10^6 updates a second: fewer ticks per sample, at least one
  const ticks = Math.max(1, Math.round(1e6 / n));
  peers.push(...await measurePeers(input, { ...kernelTerms(sc), ticks, reps: Math.min(reps, 3), check: n > 1e5 ? 2 : CHECK_STEPS }));
  gc();
}

// 4. the command line's start-up, in fresh processes
process.stderr.write(opts['no-startup'] ? '' : 'bench: command-line start-up…\n');
const startup: StartupResult[] = opts['no-startup'] ? [] : measureStartup(startupCases(), startupReps);

// 5. how a whole command grows with agents, ties, ticks and runs
process.stderr.write(opts['no-scaling'] ? '' : 'bench: scaling of detente run…\n');
const scaling: ScalingRow[] = opts['no-scaling'] ? [] : measureScaling(scalingReps);

// 6. lullWindow's cost at 365 ticks a year
const lull = opts['no-lull'] ? undefined : measureLullWindow(reps);

// 7. the memory estimate against the peaks of runs in fresh processes
const peaks: Peak[] = [];
if (!opts['no-memory'] && canMeasurePeaks) {
  for (const c of PEAK_CASES) {
    process.stderr.write(`bench: peak memory of ${c.label}…\n`);
    peaks.push(measurePeak(c));
  }
}

// 8. the time estimate against runs timed by CPU time
process.stderr.write(opts['no-time'] ? '' : 'bench: the time estimate against timed runs…\n');
const times: TimeResult[] = opts['no-time'] ? [] : measureTimeEstimate(Math.min(reps, 3));

const seconds = (performance.now() - started) / 1000;
const load1 = loadavg()[0];

// the tables
const M = (m: Measurement | undefined) => (m ? `${(m.median / 1e6).toFixed(1)} [${(m.min / 1e6).toFixed(1)}–${(m.max / 1e6).toFixed(1)}]` : '—');
const C = (m: Measurement | undefined) => (m ? (m.cpuMedian / 1e6).toFixed(1) : '—');
const pow = (n: number) => (Math.log10(n) % 1 === 0 ? `10^${Math.log10(n)}` : n.toLocaleString('en'));
const ok = (pass: boolean) => (pass ? 'met' : 'MISSED');
const at = (n: number) => results.find((r) => r.agents === n);
const goalAt = (goals: Record<number, number>, value: (n: number) => number | undefined, scale: number, unit = '') =>
  Object.entries(goals).map(([n, g]) => {
    const v = value(Number(n));
    return `${pow(Number(n))} ≥ ${g / scale}${unit} ${v === undefined ? '(not run)' : ok(v >= g)}`;
  }).join(', ');

/** Prints a table: the first column (and any named in `left`) aligned left, the others right. */
function print(title: string, rows: string[][], left: number[] = []): void {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 || left.includes(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  console.log(`\n${title}`);
  rows.forEach((r, i) => {
    console.log(line(r));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}

console.log(`Détente bench — Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load ${load0.toFixed(2)} → ${load1.toFixed(2)}, ${seconds.toFixed(0)} s`);
console.log(`default scenario, smallWorld degree 8; ${reps} samples each after warm-up: median [min–max] by wall clock, and the median by CPU time`);
if (Math.max(load0, load1) > cpus().length / 2) console.log('note: the machine was busy; timings are noisy, ratios within this run are the fairer figures');

if (results.length) {
  const largest = results[results.length - 1];
  print('The model', [
    ['', ...results.map((r) => `${pow(r.agents)} agents`), 'goal'],
    ['full model, M agent-updates/s', ...results.map((r) => M(r.full)), goalAt(GOALS.fullModel, (n) => at(n)?.full.median, 1e6)],
    ['  by CPU time', ...results.map((r) => C(r.full)), goalAt(GOALS.fullModel, (n) => at(n)?.full.cpuMedian, 1e6)],
    ['  without model events, M/s', ...results.map((r) => M(r.quiet)), ''],
    ['  cost of collecting events', ...results.map((r) => `${(100 * (r.quiet.median / r.full.median - 1)).toFixed(1)} %`), ''],
    ['bare contagion (SoA), M/s', ...results.map((r) => M(r.contagion)), `≥ ${GOALS.contagion / 1e6} at ${pow(largest.agents)}  ${ok(largest.contagion.median >= GOALS.contagion)}`],
    ['  by CPU time', ...results.map((r) => C(r.contagion)), ''],
    ['object-per-agent contagion, M/s', ...results.map((r) => M(r.objects)), ''],
    ['SoA / object speed-up', ...results.map((r) => (r.objects ? `${(r.contagion.median / r.objects.median).toFixed(1)}×` : '—')), ''],
    ['full model / bare contagion', ...results.map((r) => `${(r.full.median / r.contagion.median).toFixed(2)}`), ''],
    ['building the state, s', ...results.map((r) => r.buildSeconds.toFixed(2)), ''],
    ['typed arrays, bytes/agent', ...results.map((r) => r.bytes.perAgent.toFixed(1)), `≤ ${GOALS.bytesPerAgent}  ${ok(largest.bytes.perAgent <= GOALS.bytesPerAgent)}`],
    ['typed arrays, bytes/directed edge', ...results.map((r) => r.bytes.perEdge.toFixed(1)), `≤ ${GOALS.bytesPerEdge}  ${ok(largest.bytes.perEdge <= GOALS.bytesPerEdge)}`],
    ['directed edges per agent', ...results.map((r) => (r.edges / r.agents).toFixed(2)), ''],
    ['heap + array buffers, bytes/agent', ...results.map((r) => ((r.heapDelta.heapUsed + r.heapDelta.arrayBuffers) / r.agents).toFixed(1)), '(all of it, incl. edges)'],
    ['  of which JS heap, bytes/agent', ...results.map((r) => (r.heapDelta.heapUsed / r.agents).toFixed(1)), ''],
    [`budget ${GOALS.bytesPerAgent}/agent + ${GOALS.bytesPerEdge}/edge, bytes/agent`, ...results.map((r) => (GOALS.bytesPerAgent + GOALS.bytesPerEdge * r.edges / r.agents).toFixed(1)), ''],
  ]);
  const b = largest.bytes;
  console.log(`per-agent arrays (bytes/agent): ${Object.entries(b.agentArrays).map(([k, v]) => `${k} ${(v / largest.agents).toFixed(1)}`).join(', ')}`);
  console.log(`per-edge arrays (bytes/edge): ${Object.entries(b.edgeArrays).map(([k, v]) => `${k} ${(v / largest.edges).toFixed(1)}`).join(', ')}; small fixed arrays ${b.other} bytes`);
}

if (opts['no-limit']) {
  // skipped on request
} else if (!limits.length) {
  console.log('\nThe limit: not measured (no gcc on this machine; Debian: apt-get install gcc)');
} else {
  const limitAt = (n: number) => limits.find((l) => l.agents === n);
  const shareGoals = { 1e4: GOALS.shareOfC * 100, 1e6: GOALS.shareOfC * 100 };
  print(`The limit: the population pass in C (bench/limit/population.c, gcc ${GCC_FLAGS.join(' ')}) on the same arrays`, [
    ['', ...limits.map((l) => `${pow(l.agents)} agents`), 'goal'],
    ['population pass, Détente, M/s', ...limits.map((l) => M(l.js)), ''],
    ['population pass, C, M/s', ...limits.map((l) => M(l.c)), ''],
    ['Détente as a share of C', ...limits.map((l) => `${(100 * l.js.median / l.c.median).toFixed(0)} %`), goalAt(shareGoals, (n) => { const l = limitAt(n); return l && 100 * l.js.median / l.c.median; }, 1, ' %')],
    ['  by CPU time', ...limits.map((l) => `${(100 * l.js.cpuMedian / l.c.cpuMedian).toFixed(0)} %`), ''],
    ['whole model as a share of C\'s pass', ...limits.map((l) => { const r = at(l.agents); return r ? `${(100 * r.full.median / l.c.median).toFixed(0)} %` : '—'; }), ''],
    [`same numbers after ${CHECK_STEPS} passes`, ...limits.map((l) => (l.agreement.identical ? 'bit for bit' : `NO: max |Δ| ${l.agreement.maxDiff.toExponential(1)}`)), ''],
  ]);
}

if (peers.length) {
  const names = [...new Set(peers.map((p) => p.name))];
  const ns = [...new Set(peers.map((p) => p.agents))];
  const peer = (name: string, n: number) => peers.find((p) => p.name === name && p.agents === n);
  const ratio = (mine: number | undefined, theirs: PeerResult | undefined) => (mine !== undefined && theirs ? `${(mine / theirs.rate.median).toFixed(0)}×` : '—');
  const rows: string[][] = [['', ...ns.map((n) => `${pow(n)} agents`), 'goal']];
  for (const name of names) {
    const goal = GOALS.peers[name];
    const met = ns.map((n) => { const r = at(n); const p = peer(name, n); return r && p ? r.full.median / p.rate.median >= goal : undefined; }).filter((v) => v !== undefined);
    rows.push(
      [`${name} contagion step, M/s`, ...ns.map((n) => M(peer(name, n)?.rate)), ''],
      ['  Détente\'s bare kernel ÷ it', ...ns.map((n) => ratio(at(n)?.contagion.median, peer(name, n))), ''],
      ['  Détente\'s whole model ÷ it', ...ns.map((n) => ratio(at(n)?.full.median, peer(name, n))), `≥ ${goal}×  ${met.length ? ok(met.every(Boolean)) : '(model not run at these sizes)'}`],
      ['    by CPU time', ...ns.map((n) => { const r = at(n); const p = peer(name, n); return r && p ? `${(r.full.cpuMedian / p.rate.cpuMedian).toFixed(0)}×` : '—'; }), ''],
      ['  building the model, s', ...ns.map((n) => peer(name, n)?.buildSeconds.toFixed(1) ?? '—'), ''],
      ['  max |Δ| from Détente\'s kernel', ...ns.map((n) => { const p = peer(name, n); return p ? `${p.maxDiff.toExponential(1)} (${p.checkSteps} steps)` : '—'; }), ''],
    );
  }
  print('Peers: the contagion step written in each framework, on the same network (same arithmetic and noise; values as doubles)', rows);
}

if (startup.length) {
  const goal = (label: string) => label.startsWith('--version, bin') ? `< ${GOALS.versionSeconds} s` : label.startsWith('default run, bin') ? `< ${GOALS.defaultRunSeconds} s` : '';
  const pass = (s: StartupResult) => (s.label.startsWith('--version, bin') ? s.median < GOALS.versionSeconds : s.median < GOALS.defaultRunSeconds);
  print(`Command-line start-up: wall time per call from the checkout, ${startupReps} calls each, alternating (default run: run scenarios/intrastate-conflict.json --seed 1)`, [
    ['', 'median, s', 'fastest, s', 'goal'],
    ...startup.map((s) => [s.label, s.median.toFixed(3), s.min.toFixed(3), goal(s.label) && `${goal(s.label)}  ${ok(pass(s))}`]),
  ]);
  const find = (label: string) => startup.find((s) => s.label === label)!;
  console.log(`the bundle starts ${(find('default run, sources through tsx').median / find('default run, bin (bundle)').median).toFixed(1)}× faster than the sources on a default run`);
}

if (scaling.length) {
  const d = SCALING_DEFAULTS;
  print(`Scaling: wall time of one detente run call through the bin (median of ${scalingReps}), one size changed at a time from the default (${d.agents.toLocaleString('en')} agents, degree ${d.degree}, ${d.ticks} ticks, 1 run)`, [
    ['', 'size', 'seconds', 'command'],
    ...scaling.map((r) => [r.dimension, r.size.toLocaleString('en'), r.seconds.toFixed(3), r.command]),
  ], [3]);
  const perAgentTick = marginal(scaling, 'agents') / d.ticks;
  const perTieTick = marginal(scaling, 'ties per agent') / (d.agents * d.ticks);
  console.log(`marginal costs: ${(perAgentTick * 1e9).toFixed(0)} ns per agent-tick, ${(perTieTick * 1e9).toFixed(1)} ns per directed tie per tick, ` +
    `${(marginal(scaling, 'ticks') * 1e3).toFixed(3)} ms per tick (${d.agents.toLocaleString('en')} agents), ${(marginal(scaling, 'runs') * 1e3).toFixed(0)} ms per run; ` +
    `fixed cost of a call ≈ ${((scaling.find((r) => r.dimension === 'runs' && r.size === 1)!.seconds - marginal(scaling, 'runs')) * 1e3).toFixed(0)} ms`);
}

if (lull) {
  // measure()'s rates are steps per second here: the time of a step is their inverse
  const [short, long] = lull;
  const ratio = short.median / long.median;
  print(`lullWindow: a step at 365 ticks a year, ${LULL_AGENTS.toLocaleString('en')} agents, over the second year`, [
    ['', ...LULL_WINDOWS.map((w) => `lullWindow ${w.toLocaleString('en')}`), 'ratio', 'goal'],
    ['ms a step', ...lull.map((m) => (1e3 / m.median).toFixed(3)), ratio.toFixed(2), `≤ ${GOALS.lullWindow}  ${ok(ratio <= GOALS.lullWindow)}`],
  ]);
}

if (peaks.length) {
  const MiB = (b: number) => (b / 2 ** 20).toFixed(1);
  print('Memory: peak of a run in a fresh process beside estimateRun\'s figure', [
    ['run (one fresh process each)', 'measured peak, MiB', 'estimateRun, MiB', 'estimate / measured', `goal ±${100 * GOALS.estimate} %`],
    ...peaks.map((p) => [p.label, MiB(p.measured), MiB(p.estimated), (p.estimated / p.measured).toFixed(2), ok(Math.abs(p.estimated / p.measured - 1) <= GOALS.estimate)]),
  ]);
  const listed = peaks.filter((p) => p.heap);
  if (listed.length) {
    print('Memory: the JavaScript heap of an edge list read and checked, beside the estimate validation checks against the heap\'s limit', [
      ['edge list read and checked', 'JS heap measured, MiB', 'estimate, MiB', 'estimate / measured', `goal ±${100 * GOALS.estimate} %`],
      ...listed.map((p) => [p.label, MiB(p.heap!.measured), MiB(p.heap!.estimated), (p.heap!.estimated / p.heap!.measured).toFixed(2), ok(Math.abs(p.heap!.estimated / p.heap!.measured - 1) <= GOALS.estimate)]),
    ]);
  }
} else if (!opts['no-memory']) {
  console.log('\nMemory: peaks not measured (needs Linux /proc/self/clear_refs)');
}

if (times.length) {
  print('Time: a run\'s CPU time (network built and every tick run) beside estimateSeconds(estimateWork(…)), at the rates of sim/cost.ts', timeEstimateRows(times));
  if (times.length === TIME_CASES.length) console.log(impliedRatesLine(impliedRates(times)));
}

mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const file = new URL(`./results/bench-${stamp}.json`, import.meta.url);
writeFileSync(file, JSON.stringify({
  date: new Date().toISOString(), node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model, load: [load0, load1], seconds, reps,
  goals: GOALS, results, limits, peers, startup, scaling, peaks, times,
  ...(lull && { lullWindow: Object.fromEntries(LULL_WINDOWS.map((w, i) => [w, lull[i]])) }),
}, null, 1));
console.log(`\nsaved ${file.pathname}`);

await benchSweep();
