/**
 * How a user's whole command grows with agents, ties, ticks and runs: the wall time of
 * `detente run` on the default scenario (CSV to /dev/null) at three sizes of each, one changed at
 * a time, with the marginal cost per added unit between the smallest and largest size.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measure';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCENARIO = 'scenarios/intrastate-conflict.json';
/** The default scenario's sizes, which the other dimensions keep. */
const DEFAULT = { agents: 4000, degree: 8, ticks: 360, runs: 1 };

/** One dimension measured at three sizes. */
export interface ScalingRow {
  dimension: 'agents' | 'ties per agent' | 'ticks' | 'runs';
  size: number;
  /** The command line, as a user would type it. */
  command: string;
  seconds: number;
  samples: number[];
}

function args(dim: ScalingRow['dimension'], size: number): string[] {
  switch (dim) {
    case 'agents': return ['--set', `parties.0.population=${size / 2}`, '--set', `parties.1.population=${size / 2}`];
    case 'ties per agent': return ['--set', `network.degree=${size}`];
    case 'ticks': return ['--ticks', String(size)];
    case 'runs': return ['--runs', String(size)];
  }
}

/** The three sizes of each dimension. */
export const SCALING: Record<ScalingRow['dimension'], number[]> = {
  agents: [1e3, 1e4, 1e5],
  'ties per agent': [4, 8, 16],
  ticks: [120, 360, 1080],
  runs: [1, 10, 100],
};

/** Times each command `reps` times (after one untimed call) through the bin, and returns the medians. */
export function measureScaling(reps: number): ScalingRow[] {
  const rows: ScalingRow[] = [];
  for (const [dim, sizes] of Object.entries(SCALING) as Array<[ScalingRow['dimension'], number[]]>) {
    for (const size of sizes) {
      const a = ['run', SCENARIO, '--seed', '1', ...args(dim, size)];
      const samples: number[] = [];
      for (let r = -1; r < reps; r++) {
        const t0 = performance.now();
        const out = spawnSync(process.execPath, ['cli/detente.mjs', ...a], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
        if (out.status !== 0) throw new Error(`detente ${a.join(' ')} exited ${out.status}: ${out.stderr}`);
        if (r >= 0) samples.push((performance.now() - t0) / 1000);
      }
      const command = `detente ${a.map((x) => (/[\s'"]/.test(x) ? `'${x}'` : x)).join(' ')} > /dev/null`;
      rows.push({ dimension: dim, size, command, seconds: median(samples), samples });
    }
  }
  return rows;
}

/** Seconds per added unit between the smallest and the largest size of a dimension. */
export function marginal(rows: ScalingRow[], dim: ScalingRow['dimension']): number {
  const r = rows.filter((x) => x.dimension === dim);
  return (r[r.length - 1].seconds - r[0].seconds) / (r[r.length - 1].size - r[0].size);
}

export { DEFAULT as SCALING_DEFAULTS };
