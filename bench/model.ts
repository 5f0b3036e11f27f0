/**
 * The model's own figures at one size: whole-model agent-updates per second of a run session
 * (with and without model events), the bare contagion kernel and an object-per-agent version of it
 * on the same network, the time to build the state and the bytes a run holds.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { openRun, parseScenario, type RunSession, type ScenarioData, type SimState } from '../sim/index';
import type { Effects } from '../sim/rules/effects';
import { contagionStep } from './contagionStep';
import { measure, summarizeRates, timeOnce, type Measurement } from './measure';
import { buildAgentObjects, objectContagionStep } from './objectContagion';

/** Ticks run before timing, so every track actor of the default scenario has started (the last at 48). */
export const WARM_TICKS = 48;
/** Agent-updates per timed sample: enough for ~0.2 s at the target speed. */
export const UPDATES_PER_SAMPLE = 4e6;

let collect: (() => void) | undefined;
/** A full garbage collection (turning on --expose-gc for this process at the first call). */
export function gc(): void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
}

const base = JSON.parse(readFileSync(new URL('../scenarios/intrastate-conflict.json', import.meta.url), 'utf8'));

/** The default scenario with `n` agents split evenly, on a small world of degree 8. */
export function scenarioOf(n: number): ScenarioData {
  const s = structuredClone(base);
  s.parties[0].population = Math.ceil(n / 2);
  s.parties[1].population = Math.floor(n / 2);
  s.network = { ...s.network, type: 'smallWorld', degree: 8 };
  return parseScenario(s);
}

/** The contagion kernel's rate and noise per step, as the population rule derives them. */
export function kernelTerms(sc: ScenarioData): { rate: number; noise: number } {
  return { rate: sc.params.contagion / sc.ticksPerYear, noise: sc.params.noise * Math.sqrt(1 / sc.ticksPerYear) };
}

export interface Bytes { perAgent: number; perEdge: number; agentArrays: Record<string, number>; edgeArrays: Record<string, number>; other: number }

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

export interface SizeResult {
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

/** A run after WARM_TICKS steps: its saved state and the tracks' effects of its last step. */
export interface Warm {
  scenario: ScenarioData;
  state: SimState;
  effects: Effects;
}

/** Measures the model at `n` agents; returns the figures and the warm state the other sections start from. */
export function measureModel(n: number, o: { reps: number; objects: boolean }): { result: SizeResult; warm: Warm } {
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
  const warm: Warm = { scenario: sc, state: structuredClone(sim.save()), effects: structuredClone(sim.ctx.scratch.fx) };
  let live: RunSession = sim;
  // a run session as every shell drives it (observation and model events), and the same without events
  const full = measure(() => live.advance(), n * ticks, { reps: o.reps, warmup: 1, prepare: () => (live = openRun(sc, { from: warm.state, ticks })) });
  const quiet = measure(() => live.advance(), n * ticks, { reps: o.reps, warmup: 1, prepare: () => (live = openRun(sc, { from: warm.state, ticks, events: false })) });

  // the bare kernel on the same network, anger as its state; the object version alternates with it
  const { rowPtr, col, weight } = sim.state;
  const graph = { rowPtr, col, weight };
  let x = sim.state.anger.slice();
  let out = new Float32Array(n);
  const { rate, noise } = kernelTerms(sc);
  const soaSteps = () => {
    let s = 1;
    for (let t = 0; t < ticks; t++) {
      s = contagionStep(out, x, { graph, rate, noise, seed: s });
      [x, out] = [out, x];
    }
  };
  const agents = o.objects ? buildAgentObjects(rowPtr, col, weight, x) : undefined;
  const objectSteps = () => {
    let s = 1;
    for (let t = 0; t < ticks; t++) s = objectContagionStep(agents!, rate, noise, s);
  };
  soaSteps();
  if (agents) objectSteps();
  const soa: [number[], number[]] = [[], []];
  const obj: [number[], number[]] = [[], []];
  for (let r = 0; r < o.reps; r++) {
    const a = timeOnce(soaSteps, n * ticks);
    soa[0].push(a[0]);
    soa[1].push(a[1]);
    if (agents) {
      const b = timeOnce(objectSteps, n * ticks);
      obj[0].push(b[0]);
      obj[1].push(b[1]);
    }
  }
  const result: SizeResult = {
    agents: n, edges, buildSeconds, full, quiet, bytes,
    contagion: summarizeRates(...soa),
    objects: agents ? summarizeRates(...obj) : undefined,
    heapDelta: { heapUsed: h1.heapUsed - h0.heapUsed, arrayBuffers: h1.arrayBuffers - h0.arrayBuffers, rss: h1.rss - h0.rss },
  };
  return { result, warm };
}
