/**
 * The machine's limit for the population pass: bench/limit/population.c, the same pass in C,
 * compiled with gcc -O3 into a temporary folder when gcc exists, run over the very arrays of a
 * warm simulation, timed in the same bench run as Détente's pass (updateAgents), and checked to compute the
 * same numbers (anger, fear, perceived hostility, participation and hostility after a few steps,
 * bit for bit: the C code adds in the same order, in doubles, and stores floats).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulation, type Simulation } from '../../sim/index';
import { NORMAL_TABLE } from '../../sim/normalTable';
import { createStream } from '../../sim/rng';
import { updateAgents } from '../../sim/rules/population';
import { populationTerms, TERMS_LENGTH } from '../../sim/rules/populationTerms';
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

const bytes = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/**
 * Writes the arrays population.c reads, with `seeds` for its steps: the pass's terms as the model
 * works them out for this state (populationTerms), so C takes the same numbers rather than a copy
 * of their formulas.
 */
function writeInputs(dir: string, sim: Simulation, seeds: Int32Array): void {
  const { state, ctx } = sim;
  const terms = new Float64Array(TERMS_LENGTH);
  populationTerms(terms, state, ctx, ctx.scratch.fx);
  const files: Record<string, ArrayBufferView> = {
    terms, partyStart: state.partyStart, hostility: state.hostility, eliteWeight: Float64Array.of(ctx.params.eliteWeight),
    seeds, table: NORMAL_TABLE,
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
