import { createStream } from '../rng';
import type { DesignData, ExperimentData, FactorData } from './experiment';
import { morrisPool } from './experiment';
import { factorValue, gridValues } from './factorValue';
import { latinHypercube } from './latinHypercube';
import { morrisTrajectories, type MorrisTrajectory } from './morrisTrajectories';
import { saltelli, type SaltelliLayout } from './saltelli';

/** One point of a design: its number (0-based, the `point` column) and its factors' values, in factor order. */
export interface DesignPoint {
  point: number;
  values: Array<number | string>;
}

/** What a Morris analysis needs besides the points: Δ and each trajectory's rows and steps. */
export interface MorrisLayout {
  levels: number;
  delta: number;
  trajectories: MorrisTrajectory[];
}

/**
 * A design: the points to run, with what the analyses need to read them back — the Sobol'
 * blocks (A, AB_j, BA_j, B) of a sobol design, the trajectories of a morris design.
 */
export interface Design {
  type: DesignData['type'];
  factors: FactorData[];
  points: DesignPoint[];
  sobol?: SaltelliLayout;
  morris?: MorrisLayout;
}

/** Turns unit coordinates (row-major, n × k) into design points. */
function pointsFromUnits(units: Float64Array, factors: readonly FactorData[]): DesignPoint[] {
  const k = factors.length;
  const n = units.length / k;
  const points: DesignPoint[] = new Array(n);
  for (let i = 0; i < n; i++) points[i] = { point: i, values: factors.map((f, j) => factorValue(f, units[i * k + j])) };
  return points;
}

/** Every combination of the factors' grid levels, the first factor varying slowest. */
function fullFactorial(factors: readonly FactorData[], levels: number): DesignPoint[] {
  const axes = factors.map((f) => gridValues(f, levels));
  const n = axes.reduce((p, a) => p * a.length, 1);
  const points: DesignPoint[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const values: Array<number | string> = new Array(axes.length);
    let rest = i;
    for (let j = axes.length - 1; j >= 0; j--) {
      values[j] = axes[j][rest % axes[j].length];
      rest = Math.floor(rest / axes[j].length);
    }
    points[i] = { point: i, values };
  }
  return points;
}

/**
 * Builds an experiment's design. Deterministic: lhs and morris draw from a stream of the
 * experiment's seed (named after the design type), grid and sobol draw nothing. The experiment must
 * be valid (`validateExperiment`).
 */
export function buildDesign(e: ExperimentData): Design {
  const factors = e.factors;
  const k = factors.length;
  const d = e.design;
  switch (d.type) {
    case 'grid':
      return { type: d.type, factors, points: fullFactorial(factors, d.levels) };
    case 'lhs': {
      const units = latinHypercube({ count: d.samples, dimensions: k, rng: createStream(e.seed, 'design:lhs') });
      return { type: d.type, factors, points: pointsFromUnits(units, factors) };
    }
    case 'sobol': {
      const { units, layout } = saltelli(k, d.samples, d.secondOrder);
      return { type: d.type, factors, points: pointsFromUnits(units, factors), sobol: layout };
    }
    case 'morris': {
      const m = morrisTrajectories({ factors: k, trajectories: d.trajectories, levels: d.levels, pool: morrisPool(d), rng: createStream(e.seed, 'design:morris') });
      return { type: d.type, factors, points: pointsFromUnits(m.units, factors), morris: { levels: d.levels, delta: m.delta, trajectories: m.trajectories } };
    }
  }
}
