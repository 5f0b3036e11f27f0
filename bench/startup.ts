/**
 * Wall time of whole command-line calls, as a script calling Détente once per design point sees
 * it: Node's own start (`node -e 0`), the bin (`node cli/detente.mjs`, the bundle), the
 * TypeScript sources through tsx (`node cli/dev.mjs`) and npx in front of the bin, for
 * `--version` and one default run. The variants alternate within each round, so a busy moment
 * slows them alike.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './measure';

const ROOT = fileURLToPath(new URL('../', import.meta.url));

/** One timed command line. */
export interface StartupCase {
  label: string;
  command: string;
  args: string[];
}

/** Seconds per call of each case: the median, the fastest and every sample. */
export interface StartupResult extends StartupCase {
  median: number;
  min: number;
  samples: number[];
}

const DEFAULT_RUN = ['run', 'scenarios/intrastate-conflict.json', '--seed', '1'];

/** The cases `npm run bench` times. */
export function startupCases(): StartupCase[] {
  const node = process.execPath;
  return [
    { label: 'node -e 0 (Node alone)', command: node, args: ['-e', '0'] },
    { label: '--version, bin (bundle)', command: node, args: ['cli/detente.mjs', '--version'] },
    { label: '--version, sources through tsx', command: node, args: ['cli/dev.mjs', '--version'] },
    { label: '--version, npx detente', command: 'npx', args: ['--no-install', 'detente', '--version'] },
    { label: 'default run, bin (bundle)', command: node, args: ['cli/detente.mjs', ...DEFAULT_RUN] },
    { label: 'default run, sources through tsx', command: node, args: ['cli/dev.mjs', ...DEFAULT_RUN] },
  ];
}

function timeCall(c: StartupCase): number {
  const t0 = performance.now();
  const r = spawnSync(c.command, c.args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${c.command} ${c.args.join(' ')} exited ${r.status}: ${r.stderr ?? r.error}`);
  return seconds;
}

/** Times every case `reps` times, round by round, after one untimed round (disk caches, the bundle's freshness). */
export function measureStartup(cases: StartupCase[], reps: number): StartupResult[] {
  const samples = cases.map(() => [] as number[]);
  for (let r = -1; r < reps; r++) {
    cases.forEach((c, k) => {
      const s = timeCall(c);
      if (r >= 0) samples[k].push(s);
    });
  }
  return cases.map((c, k) => {
    return { ...c, median: median(samples[k]), min: Math.min(...samples[k]), samples: samples[k] };
  });
}
