/**
 * The sweep figures of `npm run bench` (also alone: `npm run bench:sweep`): throughput of
 * `detente sweep` in runs per second on the default scenario with 1 worker and with the machine's
 * available parallelism, the speed-up and per-worker efficiency between them, and the overhead of
 * the sweep machinery (worker threads, validation, tables, Parquet) against calling the run
 * directly in one thread for the same runs — all measured in one process, one after another, so
 * their ratios are fair. Saved as JSON in bench/results/ too.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { resolveExperiment } from '../cli/sweep/resolveExperiment';
import { runSweep } from '../cli/sweep/runSweep';
import { runPool } from '../cli/sweep/workerPool';
import { buildDesign } from '../sim/experiments/design';
import { pointScenario } from '../sim/experiments/pointScenario';
import { runOrder } from '../sim/experiments/runOrder';
import { sweepRun } from '../sim/experiments/sweepRun';

/** Speed-up two workers should give on this machine's two real cores (TOOLCHAIN: 2× on a CPU-bound loop). */
const TARGET_SPEEDUP_2 = 1.8;
/** Most the sweep machinery may add to the runs' own time. */
const TARGET_OVERHEAD = 0.05;
/** Steps of the reference loop: about a second on one core here. */
const LOOP_STEPS = 2e8;

const DEFAULT_SCENARIO = fileURLToPath(new URL('../scenarios/intrastate-conflict.json', import.meta.url));

/** The bench's experiment: the default scenario, Track Two's capacity at 4 levels, `replicates` each. */
function experiment(replicates: number) {
  return {
    format: 1, name: 'bench', scenario: DEFAULT_SCENARIO, seed: 1, replicates,
    factors: [{ name: 't2capacity', path: 'actors.1.capacity', min: 0.1, max: 0.4 }],
    design: { type: 'grid', levels: 4 },
    metrics: ['peakX', 'areaX', 'deescalated', 'timeToDeescalation', 'finalX', 'settlements', 'collapses', 'relapse10y', { column: 'B', stat: 'mean' }],
    series: { columns: ['X'], every: 12 },
  };
}

const silent = new Writable({ write: (_c, _e, done) => done() }) as unknown as NodeJS.WriteStream;

/** Wall-clock and CPU seconds of `work`; CPU time is the whole process's, worker threads included. */
async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; cpu: number; value: T }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await work();
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, value };
}

/** The same runs called directly, one after another in this thread. */
async function direct(file: string) {
  const r = await resolveExperiment(file);
  const e = r.experiment;
  const design = buildDesign(e);
  return timed(async () => {
    for (const ref of runOrder(design.points.length, e.replicates)) {
      const s = pointScenario(r.base, e, design.points[ref.point].values);
      if (!s.ok) throw new Error('bench: invalid point');
      sweepRun(s.scenario, ref.replicate, e);
    }
  });
}

/** K workers starting (an empty pool: spawned, loaded, ready, stopped). */
async function startup(workers: number, file: string) {
  const r = await resolveExperiment(file);
  return timed(() => runPool([][Symbol.iterator](), { size: workers, init: { base: r.base, experiment: r.experiment }, onResult() {}, onCrash: (t) => ({ id: t.id, ok: false, line: '' }) }).done);
}

/**
 * The machine's own speed-up at this moment: a pure arithmetic loop split over K worker threads
 * against one thread. On two free cores it is 2×; when other work holds the cores it is less, and
 * the sweep's speed-up can be no better — so the bench reports the sweep's relative to it.
 */
export async function machineSpeedup(workers: number): Promise<number> {
  const code = `require('node:worker_threads').parentPort.on('message', function (n) {
    let x = 0;
    for (let i = 0; i < n; i++) x = (x * 1.0000001 + i) % 1e9;
    require('node:worker_threads').parentPort.postMessage(x);
  });`;
  const loop = async (k: number) => {
    const ws = Array.from({ length: k }, () => new Worker(code, { eval: true }));
    await Promise.all(ws.map((w) => new Promise((r) => { w.once('online', r); })));
    const t0 = performance.now();
    await Promise.all(ws.map((w) => new Promise((r) => { w.once('message', r); w.postMessage(LOOP_STEPS / k); })));
    const seconds = (performance.now() - t0) / 1000;
    await Promise.all(ws.map((w) => w.terminate()));
    return seconds;
  };
  return (await loop(1)) / (await loop(workers));
}

/** A whole sweep with K workers. */
async function sweep(workers: number, file: string, dir: string) {
  const t = await timed(() => runSweep({ experimentFile: file, out: join(dir, `k${workers}`), workers, stderr: silent }));
  if (t.value.code !== 0 || t.value.workers !== workers) throw new Error(`bench: the sweep with ${workers} workers ended with code ${t.value.code} on ${t.value.workers} workers`);
  return { workers, seconds: t.seconds, cpu: t.cpu, phases: t.value.seconds, runs: t.value.counts.done };
}

/** Runs the sweep bench, prints its table, saves its JSON, and returns the figures. */
export async function benchSweep(o: { replicates?: number } = {}) {
  const replicates = o.replicates ?? 24;
  const dir = mkdtempSync(join(tmpdir(), 'detente-bench-sweep-'));
  try {
    const file = join(dir, 'experiment.json');
    writeFileSync(file, JSON.stringify(experiment(replicates)));
    const parallel = availableParallelism();
    const load0 = loadavg()[0];
    process.stderr.write(`bench: sweep of ${4 * replicates} default-scenario runs, directly, then with 1 and ${parallel} workers…\n`);
    const machine = parallel > 1 ? await machineSpeedup(parallel) : 1;
    const d = await direct(file);
    const start1 = await startup(1, file);
    const startK = parallel > 1 ? await startup(parallel, file) : start1;
    const one = await sweep(1, file, dir);
    const many = parallel > 1 ? await sweep(parallel, file, dir) : one;
    const load1 = loadavg()[0];
    const runs = one.runs;
    const rate = (s: number) => (runs / s).toFixed(2);
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    const speedup = one.seconds / many.seconds;
    // the same work on more workers costs no more CPU time when they do not slow each other down;
    // each worker's start-up is a fixed cost, counted apart
    const cpuEfficiency = one.cpu / many.cpu;
    const cpuEfficiencyRuns = (one.cpu - start1.cpu) / (many.cpu - startK.cpu);
    const speedupRuns = (one.seconds - start1.seconds) / (many.seconds - startK.seconds);
    const overhead = { wall: one.seconds / d.seconds - 1, cpu: one.cpu / d.cpu - 1 };
    const overheadRuns = { wall: (one.seconds - start1.seconds) / d.seconds - 1, cpu: (one.cpu - start1.cpu) / d.cpu - 1 };
    const ok = (pass: boolean) => (pass ? 'met' : 'MISSED');
    const rows: string[][] = [
      ['', 'wall clock', 'by CPU time', 'target'],
      ['run called directly, 1 thread, runs/s', rate(d.seconds), rate(d.cpu), ''],
      ['sweep, 1 worker, runs/s', rate(one.seconds), rate(one.cpu), ''],
      [`sweep, ${parallel} workers, runs/s`, rate(many.seconds), rate(many.cpu), ''],
      [`speed-up of ${parallel} workers`, `${speedup.toFixed(2)}×`, '', parallel === 2 ? `≥ ${TARGET_SPEEDUP_2}×  ${ok(speedup >= TARGET_SPEEDUP_2)}` : ''],
      [`  the machine's own now (arithmetic loop, ${parallel} threads)`, `${machine.toFixed(2)}×`, '', ''],
      ['  the sweep\'s, relative to the machine\'s', pct(speedup / machine), '', parallel === 2 ? `≥ ${(TARGET_SPEEDUP_2 / 2) * 100} %  ${ok(speedup / machine >= TARGET_SPEEDUP_2 / 2)}` : ''],
      ['per-worker efficiency', pct(speedup / parallel), pct(cpuEfficiency), parallel === 2 ? `≥ ${(TARGET_SPEEDUP_2 / 2) * 100} %` : ''],
      [`  less the workers' start-up (${start1.seconds.toFixed(2)} s for 1, ${startK.seconds.toFixed(2)} s for ${parallel})`, pct(speedupRuns / parallel), pct(cpuEfficiencyRuns), ''],
      ['sweep overhead, 1 worker, all told', pct(overhead.wall), pct(overhead.cpu), `< ${TARGET_OVERHEAD * 100} %  ${ok(overhead.wall < TARGET_OVERHEAD)}`],
      ['  less the worker\'s start-up', pct(overheadRuns.wall), pct(overheadRuns.cpu), `< ${TARGET_OVERHEAD * 100} %  ${ok(overheadRuns.wall < TARGET_OVERHEAD)}`],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    console.log(`\nsweep — ${runs} runs of the default scenario (4 points × ${replicates} replicates, ${experiment(replicates).series.columns.length} series column), ${cpus().length} CPUs, load ${load0.toFixed(2)} → ${load1.toFixed(2)}`);
    if (Math.max(load0, load1) > cpus().length / 2) console.log('note: the machine was busy; wall-clock ratios (speed-up, overhead) suffer most, CPU-time ratios less');
    rows.forEach((r, i) => {
      console.log(r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  '));
      if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    });
    const result = {
      date: new Date().toISOString(), node: process.version, cpus: cpus().length, load: [load0, load1], runs,
      direct: { seconds: d.seconds, cpu: d.cpu }, workerStart: { seconds: start1.seconds, cpu: start1.cpu }, workersStart: { seconds: startK.seconds, cpu: startK.cpu }, sweeps: [one, many],
      speedup, machineSpeedup: machine, efficiency: speedup / parallel, cpuEfficiency, cpuEfficiencyLessStartup: cpuEfficiencyRuns, speedupLessStartup: speedupRuns, overhead, overheadLessStartup: overheadRuns,
      targets: { speedup2: TARGET_SPEEDUP_2, overhead: TARGET_OVERHEAD },
    };
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    const saved = new URL(`./results/sweep-${result.date.replace(/[:.]/g, '-')}.json`, import.meta.url);
    writeFileSync(saved, JSON.stringify(result, null, 1));
    console.log(`saved ${saved.pathname}`);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await benchSweep();
