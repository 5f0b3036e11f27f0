/**
 * The time a run really takes beside `estimateSeconds(estimateWork(…))`: runs of the default
 * scenario resized along each part of the work (agents, ties, ticks, mean-field ticks), each timed
 * by CPU time (one run uses one core, as the estimate assumes) from building the network to the
 * last tick, median of `reps`. From the same runs, the cost of each unit of work (the figures
 * sim/cost.ts's DEFAULT_RATES were set from), so a rerun on another machine says what its rates are.
 * Alone: `npx tsx bench/timeEstimate.ts [reps]`.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { estimateSeconds, estimateWork, openRun, parseScenario, type CostRates, type ScenarioData, type Work } from '../sim/index';
import { median } from './measure';

/** The estimate within this factor of the measured time (either way), on the machine the rates were measured on. */
export const TIME_GOAL = 2;

/** One run's size: agents split evenly on a small world of `degree`, or mean-field. */
export interface TimeCase {
  label: string;
  agents: number;
  degree: number;
  ticks: number;
  meanfield?: boolean;
  /** A check only: a size no rate is derived from (the others each isolate one part of the work: see `impliedRates`). */
  check?: true;
}

/** The cases: five that imply the rates, and a check at a size between them. */
export const TIME_CASES: TimeCase[] = [
  { label: '2·10^5 agents, degree 4, 200 ticks', agents: 2e5, degree: 4, ticks: 200 },
  { label: '2·10^5 agents, degree 32, 200 ticks', agents: 2e5, degree: 32, ticks: 200 },
  { label: '200 agents, degree 8, 20,000 ticks', agents: 200, degree: 8, ticks: 20_000 },
  { label: '10^6 agents, degree 8, 40 ticks', agents: 1e6, degree: 8, ticks: 40 },
  { label: 'mean-field, 10^6 ticks', agents: 2, degree: 8, ticks: 1e6, meanfield: true },
  { label: '5·10^4 agents, degree 16, 1,000 ticks', agents: 5e4, degree: 16, ticks: 1000, check: true },
];

export interface TimeResult {
  label: string;
  check: boolean;
  work: Work;
  /** CPU seconds building the run (network and agents), running its ticks, and both. */
  build: number;
  run: number;
  measured: number;
  estimated: number;
}

const base = JSON.parse(readFileSync(new URL('../scenarios/intrastate-conflict.json', import.meta.url), 'utf8'));

function scenarioOf(c: TimeCase): ScenarioData {
  const s = structuredClone(base);
  s.parties[0].population = Math.ceil(c.agents / 2);
  s.parties[1].population = Math.floor(c.agents / 2);
  s.network = { ...s.network, type: 'smallWorld', degree: c.degree };
  s.ticks = c.ticks;
  if (c.meanfield) s.mode = 'meanfield';
  return parseScenario(s);
}

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Times each case `reps` times (after one short untimed run of it), as `detente run` runs it (no model events). */
export function measureTimeEstimate(reps: number, cases = TIME_CASES): TimeResult[] {
  return cases.map((c) => {
    const s = scenarioOf(c);
    openRun(s, { seed: 1, events: false, ticks: Math.min(c.ticks, 10) }).advance();
    const build: number[] = [];
    const run: number[] = [];
    for (let r = 0; r < reps; r++) {
      const t0 = cpu();
      const session = openRun(s, { seed: 1, events: false });
      const t1 = cpu();
      session.advance();
      build.push(t1 - t0);
      run.push(cpu() - t1);
    }
    const work = estimateWork(s);
    const [b, x] = [median(build), median(run)];
    return { label: c.label, check: !!c.check, work, build: b, run: x, measured: b + x, estimated: estimateSeconds(work) };
  });
}

/**
 * The cost of each unit of work these runs imply: a tie visit from degree 32 against degree 4,
 * then an agent-update and a step from the degree-4 run and the long small run together (two
 * equations, two unknowns), a mean-field step from the mean-field run, a built agent or tie from
 * building the largest network. Needs TIME_CASES' results, in order (the check last, unused).
 */
export function impliedRates(r: TimeResult[]): CostRates {
  const [few, many, long, large, mean] = r;
  const tieVisit = (many.run - few.run) / (many.work.tieVisits - few.work.tieVisits);
  // what is left of each run once its tie visits are paid: a·updates + s·steps
  const y1 = few.run - tieVisit * few.work.tieVisits;
  const y2 = long.run - tieVisit * long.work.tieVisits;
  const [a1, s1, a2, s2] = [few.work.agentUpdates, few.work.steps, long.work.agentUpdates, long.work.steps];
  const det = a1 * s2 - a2 * s1;
  return {
    agentUpdate: (y1 * s2 - y2 * s1) / det,
    tieVisit,
    step: (a1 * y2 - a2 * y1) / det,
    meanFieldStep: mean.run / mean.work.meanFieldSteps,
    built: large.build / large.work.built,
  };
}

/** The table's rows: each case's measured and estimated CPU seconds, their ratio and the goal. */
export function timeEstimateRows(r: TimeResult[]): string[][] {
  const within = (x: number) => x <= TIME_GOAL && x >= 1 / TIME_GOAL;
  return [
    ['run (CPU time, median)', 'measured, s', 'estimated, s', 'estimate / measured', `goal within ${TIME_GOAL}×`, 'role'],
    ...r.map((x) => [x.label, x.measured.toFixed(3), x.estimated.toFixed(3), (x.estimated / x.measured).toFixed(2), within(x.estimated / x.measured) ? 'met' : 'MISSED', x.check ? 'check' : 'sets a rate']),
  ];
}

/** The implied rates as one line, in the units sim/cost.ts's DEFAULT_RATES document. */
export function impliedRatesLine(rates: CostRates): string {
  return `implied costs on this machine: ${(rates.agentUpdate * 1e9).toFixed(1)} ns per agent-update, ${(rates.tieVisit * 1e9).toFixed(2)} ns per tie visit, ` +
    `${(rates.step * 1e6).toFixed(1)} µs per step, ${(rates.meanFieldStep * 1e6).toFixed(2)} µs per mean-field step, ${(rates.built * 1e9).toFixed(0)} ns per agent or tie built`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = measureTimeEstimate(Number(process.argv[2] ?? 3));
  for (const row of timeEstimateRows(results)) console.log(row.join('\t'));
  console.log(impliedRatesLine(impliedRates(results)));
}
