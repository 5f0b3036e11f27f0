import { estimateSeconds, estimateWork } from '../cost';
import { estimateRun } from '../memory';
import { replicateSeed } from '../rng';
import type { ValidationIssue } from '../scenario/issues';
import { buildDesign, type Design } from './design';
import { pointScenario } from './pointScenario';
import type { SweepSource } from './sweepSource';

/** A design point whose scenario is invalid, with every problem. */
export interface InvalidPoint {
  /** Its index in the design. */
  index: number;
  point: number;
  issues: ValidationIssue[];
}

/** Everything a sweep decides before it runs: the design, which points are valid, memory, time, seeds. */
export interface SweepPlan {
  resolved: SweepSource;
  design: Design;
  invalid: InvalidPoint[];
  /** Per design index: whether its scenario is valid. */
  valid: Uint8Array;
  /** The largest memory one run of a valid point needs, in bytes (estimateRun, without model events). */
  runBytes: number;
  /** Per design index: one run's estimated seconds of one core (estimateSeconds), and its agent-updates; 0 for an invalid point. */
  runSeconds: Float64Array;
  runUpdates: Float64Array;
  /** Replicate r's seed at every point (common random numbers). */
  seeds: number[];
}

/**
 * Builds the design and validates every point's scenario before anything runs, so a sweep never
 * fails part-way on a point it could have refused at the start. `detente sweep` and the web app's
 * explorations plan alike.
 */
export function planSweep(resolved: SweepSource): SweepPlan {
  const e = resolved.experiment;
  const design = buildDesign(e);
  const valid = new Uint8Array(design.points.length);
  const invalid: InvalidPoint[] = [];
  const runSeconds = new Float64Array(design.points.length);
  const runUpdates = new Float64Array(design.points.length);
  let runBytes = 0;
  design.points.forEach((p, index) => {
    const s = pointScenario(resolved.base, e, p.values);
    if (s.ok) {
      valid[index] = 1;
      runBytes = Math.max(runBytes, estimateRun(s.scenario, { eventRuns: 0 }).bytes);
      const work = estimateWork(s.scenario);
      runSeconds[index] = estimateSeconds(work);
      runUpdates[index] = work.agentUpdates;
    } else {
      invalid.push({ index, point: p.point, issues: s.issues });
    }
  });
  return { resolved, design, invalid, valid, runBytes, runSeconds, runUpdates, seeds: Array.from({ length: e.replicates }, (_, r) => replicateSeed(e.seed, r)) };
}

/** Lines naming each invalid point (at most `limit`), its factor values and every field at fault. */
export function describeInvalid(plan: SweepPlan, limit = 20): string[] {
  const names = plan.design.factors.map((f) => f.name);
  const lines = plan.invalid.slice(0, limit).flatMap(({ index, point, issues }) => {
    const values = plan.design.points[index].values.map((v, j) => `${names[j]}=${JSON.stringify(v)}`).join(', ');
    return issues.map((i) => `point ${point} (${values}): ${i.path || '(scenario)'}: ${i.message}`);
  });
  if (plan.invalid.length > limit) lines.push(`… and ${plan.invalid.length - limit} more invalid points`);
  return lines;
}
