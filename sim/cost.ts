import { runSizes } from './memory';
import type { ScenarioData } from './scenario/schema';

/**
 * The work runs of a scenario do, in the units `npm run bench` measures (its "Time estimate"
 * section, bench/timeEstimate.ts): each is a count over all runs.
 */
export interface Work {
  runs: number;
  /** Agents × ticks: one agent's anger and fear updated for one tick (the population pass). */
  agentUpdates: number;
  /** Directed ties × ticks: one neighbour read by the population pass. */
  tieVisits: number;
  /** Ticks of agent mode: a step's fixed cost (the tracks, the dyad, Track One, observation). */
  steps: number;
  /** Ticks of mean-field mode, whose step has no population. */
  meanFieldSteps: number;
  /** Agents and directed ties built before each run (the network and the agents' state). */
  built: number;
}

/** Seconds of one core per unit of each part of `Work`. */
export interface CostRates {
  agentUpdate: number;
  tieVisit: number;
  step: number;
  meanFieldStep: number;
  built: number;
}

/**
 * Seconds of CPU per unit, as `npm run bench` measures them (its "Time" section, bench/timeEstimate.ts;
 * alone: `npx tsx bench/timeEstimate.ts`) on the project's development machine: 2 vCPUs (AMD EPYC),
 * Node 20.20.2: the medians, rounded, of its "implied costs" line over five runs at load 3–7
 * (11.5–13.8 ns per agent-update, 0.74–0.84 ns per tie visit, 2.7–5.7 µs per step, 2.85–3.04 µs
 * per mean-field step, 88–94 ns per agent or tie built). The agent-update and the step come from
 * 2·10^5 agents over 200 ticks and 200 agents over 20,000 ticks, the tie visit from degree 32
 * against degree 4, the mean-field step from 10^6 mean-field ticks, a built agent or tie from
 * building 10^6 agents at degree 8. A run uses one core, so the estimate is for one core of that
 * machine; it scales with a machine's speed (rerun the bench for another's).
 */
export const DEFAULT_RATES: CostRates = {
  agentUpdate: 12e-9,
  tieVisit: 0.8e-9,
  step: 5.5e-6,
  meanFieldStep: 3e-6,
  built: 90e-9,
};

/** What to count: how many runs, and their ticks if not the scenario's. */
export interface WorkOptions {
  /** Runs of the scenario. Default 1. */
  runs?: number;
  /** Ticks per run. Default: the scenario's. */
  ticks?: number;
}

/** Counts the work `runs` runs of a scenario do (its agents and directed ties as a run builds them: see `runSizes`). */
export function estimateWork(s: ScenarioData, o: WorkOptions = {}): Work {
  const runs = Math.max(1, o.runs ?? 1);
  const ticks = o.ticks ?? s.ticks;
  const { agents, ties } = runSizes(s);
  if (s.mode === 'meanfield') return { runs, agentUpdates: 0, tieVisits: 0, steps: 0, meanFieldSteps: runs * ticks, built: 0 };
  return { runs, agentUpdates: runs * agents * ticks, tieVisits: runs * ties * ticks, steps: runs * ticks, meanFieldSteps: 0, built: runs * (agents + ties) };
}

/** Seconds of one core the work takes at `rates` (default: DEFAULT_RATES, this project's bench machine). */
export function estimateSeconds(w: Work, rates: CostRates = DEFAULT_RATES): number {
  return w.agentUpdates * rates.agentUpdate + w.tieVisits * rates.tieVisit + w.steps * rates.step +
    w.meanFieldSteps * rates.meanFieldStep + w.built * rates.built;
}

/** A duration as a person would say it, rounded: "about 25 minutes", "about 3.5 hours", "about 2 days". */
export function formatDuration(seconds: number): string {
  const units: Array<[string, number]> = [['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  const [name, size] = units.find(([, u]) => seconds >= u) ?? units[units.length - 1];
  const x = seconds / size;
  const n = x < 10 ? Math.round(x * 2) / 2 : Math.round(x);
  return `about ${n.toLocaleString('en')} ${name}${n === 1 ? '' : 's'}`;
}
