/**
 * The machine's limit for the population pass: bench/limit/population.c, the same pass in C,
 * compiled with gcc -O3 into a temporary folder when gcc exists, run over the very arrays of a
 * warm simulation, timed in the same bench run as the JavaScript pass, and checked to compute the
 * same numbers (anger, fear, perceived hostility, participation and hostility after a few steps,
 * bit for bit: the C code adds in the same order, in doubles, and stores floats).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulation, type SimState, type Simulation } from '../../sim/index';
import { NORMAL_TABLE } from '../../sim/normalTable';
import { exp, pow } from '../../sim/portableMath';
import { createStream } from '../../sim/rng';
import { updateAgents } from '../../sim/rules/population';
import type { Effects } from '../../sim/rules/effects';
import { measure, summarizeRates, type Measurement } from '../measure';
import type { Warm } from '../model';

const SOURCE = fileURLToPath(new URL('./population.c', import.meta.url));
/** -ffp-contract=off: no fused multiply-adds, so C rounds exactly where JavaScript does. */
export const GCC_FLAGS = ['-O3', '-ffp-contract=off'];

/** A compiled limit: its binary in a temporary folder, removed by `dispose`. */
export interface LimitProgram {
  binary: string;
  gcc: string;
  dir: string;
  dispose(): void;
}

/** gcc's version line, or undefined when there is no gcc. */
export function gccVersion(): string | undefined {
  try {
    return execFileSync('gcc', ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n')[0];
  } catch {
    return undefined;
  }
}

/** Compiles population.c with gcc (GCC_FLAGS by default) into a new temporary folder; undefined when gcc is missing. */
export function compileLimit(flags: readonly string[] = GCC_FLAGS): LimitProgram | undefined {
  const gcc = gccVersion();
  if (!gcc) return undefined;
  const dir = mkdtempSync(join(tmpdir(), 'detente-limit-'));
  const binary = join(dir, 'population');
  execFileSync('gcc', [...flags, '-o', binary, SOURCE, '-lm'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return { binary, gcc, dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The scalars of one population pass in population.c's order: the per-step constants that
 * updateAgents derives from the parameters, the parties and the tracks' effects before its loop.
 */
function scalars(state: SimState, sim: Simulation, fx: Readonly<Effects>): Float64Array {
  const { ctx } = sim;
  const pr = ctx.params;
  const dt = ctx.dt;
  const out = [
    state.partyStart[2], state.partyStart[0], state.partyStart[1], state.partyStart[2],
    dt, pr.contagion, pr.contactWeight, pr.noise * Math.sqrt(dt), exp(-pr.exposureDecay * dt), pr.exposureHostility, pr.exposureFear,
    1 - pr.track4Perception, pr.fearDecay, pr.eliteWeight, state.hostility[0], state.hostility[1],
  ];
  for (let p = 0; p < 2; p++) {
    const q = 1 - p;
    const party = ctx.scenario.parties[p];
    const inc = state.incidents[p];
    out.push(
      party.reactivity, party.fatigue, pr.securityDilemma * Math.max(0, state.power[q] / state.power[p] - 1),
      inc > 0 ? 1 - pow(1 - pr.exposure, inc) : 0, pr.mediaDepth * state.media[p], state.media[p] < 0 ? 1 : 0,
      fx.backlash[p], fx.cohortDepth[p],
    );
  }
  out.push(...fx.reliefAnger, ...fx.reliefFear);
  return Float64Array.from(out);
}

const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** Writes the arrays and scalars population.c reads, with `seeds` for its steps. */
function writeInputs(dir: string, sim: Simulation, seeds: Int32Array): void {
  const { state, ctx } = sim;
  const files: Record<string, ArrayBufferView> = {
    scalars: scalars(state, sim, ctx.scratch.fx), seeds, table: NORMAL_TABLE,
    rowPtr: state.rowPtr, col: state.col, weight: state.weight, unit: ctx.scratch.unitRows, contact: state.contact,
    role: state.role, grievance: state.grievance, anger: state.anger, fear: state.fear, perceived: state.perceived,
    participant: state.participant,
  };
  for (const [name, a] of Object.entries(files)) writeFileSync(join(dir, `${name}.bin`), bytes(a));
}

/** How the C pass's results compare with JavaScript's after `steps` steps from the same state. */
export interface Agreement {
  steps: number;
  /** Every array equal bit for bit. */
  identical: boolean;
  /** Largest absolute difference over anger, fear and perceived hostility (0 when identical). */
  maxDiff: number;
}

/** Population pass rates (agent-updates per second) of JavaScript and C on the same state. */
export interface LimitResult {
  agents: number;
  js: Measurement;
  c: Measurement;
  agreement: Agreement;
}

/**
 * Times `ticks` population passes (updateAgents alone, the tracks' effects held at those of the
 * warm state's last step) in JavaScript and in C, `reps` samples each from the same warm state,
 * and compares their results after `check` passes.
 */
export function measureLimit(program: LimitProgram, warm: Warm, o: { ticks: number; reps: number; check: number }): LimitResult {
  const start = () => {
    const sim = createSimulation(warm.scenario, { from: warm.state });
    const fx = sim.ctx.scratch.fx;
    fx.reliefAnger.set(warm.effects.reliefAnger);
    fx.reliefFear.set(warm.effects.reliefFear);
    fx.backlash.set(warm.effects.backlash);
    fx.cohortDepth.set(warm.effects.cohortDepth);
    return sim;
  };
  const sim = start();
  const n = sim.state.partyStart[2];
  // the seeds updateAgents will draw, one per pass, from a copy of the agents stream
  const copy = createStream(sim.state.seed, 'agents', sim.ctx.streams.agents.state());
  const seeds = Int32Array.from({ length: Math.max(o.ticks, o.check) }, () => copy.int32() | 0);
  writeInputs(program.dir, sim, seeds);
  const out = execFileSync(program.binary, [program.dir, String(o.ticks), String(o.reps), String(o.check)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const times = JSON.parse(out) as { wall: number[]; cpu: number[] };
  const units = n * o.ticks;
  const c = summarizeRates(times.wall.map((s) => units / s), times.cpu.map((s) => units / s));

  for (let t = 0; t < o.check; t++) updateAgents(sim.state, sim.ctx, sim.ctx.scratch.fx);
  const read = (name: string) => readFileSync(join(program.dir, `${name}.out`));
  const same = (name: string, a: ArrayBufferView) => Buffer.compare(read(name), Buffer.from(bytes(a))) === 0;
  let maxDiff = 0;
  for (const name of ['anger', 'fear', 'perceived'] as const) {
    const b = read(name);
    const theirs = new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4);
    const ours = sim.state[name];
    for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(theirs[i] - ours[i]));
  }
  const identical = same('anger', sim.state.anger) && same('fear', sim.state.fear) && same('perceived', sim.state.perceived) &&
    same('participant', sim.state.participant) && same('hostility', sim.state.hostility);

  let live: Simulation = sim;
  const js = measure(() => {
    for (let t = 0; t < o.ticks; t++) updateAgents(live.state, live.ctx, live.ctx.scratch.fx);
  }, units, { reps: o.reps, warmup: 1, prepare: () => (live = start()) });
  return { agents: n, js, c, agreement: { steps: o.check, identical, maxDiff } };
}
