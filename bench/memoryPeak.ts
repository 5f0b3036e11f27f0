/**
 * The memory a run really takes at its peak, beside `estimateRun`'s figure for it. Each case runs
 * in a fresh Node process (this file, run as a script), which resets the kernel's peak-RSS counter
 * (Linux: /proc/self/clear_refs) once the model is loaded, builds the scenario, opens a run
 * session and advances it, then reads the peak (VmHWM) against the resident size before it.
 * Transient arrays (those that only build the network) are caught, as are the JavaScript copies
 * of an edge list.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { estimateRun, openRun, parseScenario, type ScenarioData } from '../sim/index';

/** One case: agents split evenly, a small world of `degree` or a random edge list of `edges` ties (or mean-field mode), `ticks` observed. */
export interface PeakCase {
  label: string;
  agents: number;
  degree?: number;
  edges?: number;
  meanfield?: boolean;
  ticks: number;
}

export interface Peak {
  label: string;
  /** Bytes measured at the peak, and estimated. */
  measured: number;
  estimated: number;
  /**
   * For a listed network: the JavaScript heap its list takes while it is read (JSON.parse) and
   * checked (validation), before anything is freed, against the estimate's heap part, which
   * validation checks against the heap's limit.
   */
  heap?: { measured: number; estimated: number };
}

/** Whether this machine can measure peaks (Linux's per-process peak-RSS reset). */
export const canMeasurePeaks = existsSync('/proc/self/clear_refs');

/** Measures one case in a child process. */
export function measurePeak(c: PeakCase): Peak {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), JSON.stringify(c)], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Peak;
}

function residentBytes(): { rss: number; peak: number } {
  const status = readFileSync('/proc/self/status', 'utf8');
  const kB = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]) * 1024;
  return { rss: kB('VmRSS'), peak: kB('VmHWM') };
}

function child(c: PeakCase): Peak {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const raw = JSON.parse(readFileSync(new URL('../scenarios/intrastate-conflict.json', import.meta.url), 'utf8'));
  raw.parties[0].population = Math.ceil(c.agents / 2);
  raw.parties[1].population = Math.floor(c.agents / 2);
  raw.ticks = c.ticks;
  if (c.meanfield) raw.mode = 'meanfield';
  // a listed network as the text of a file, made before the baseline (as a file is read before the run)
  let text: string | undefined;
  if (c.edges) {
    // a fixed linear congruential sequence: the same list every time
    let x = 12345;
    const next = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
    text = JSON.stringify({ ...raw, network: { type: 'edges', edges: Array.from({ length: c.edges }, () => [Math.floor(next() * c.agents), Math.floor(next() * c.agents), Math.round(next() * 100) / 100]) } });
  }
  gc();
  writeFileSync('/proc/self/clear_refs', '5');
  const before = residentBytes().rss;
  let scenario: ScenarioData;
  let heapUsed: number | undefined;
  if (text !== undefined) {
    const h0 = process.memoryUsage().heapUsed;
    // read and checked as the command line does, the text's own bytes left out
    let parsed: unknown = JSON.parse(text);
    text = undefined;
    scenario = parseScenario(parsed);
    heapUsed = process.memoryUsage().heapUsed - h0;
    parsed = undefined;
  } else {
    raw.network = { type: 'smallWorld', degree: c.degree ?? 8 };
    scenario = parseScenario(raw);
  }
  raw.network = null;
  gc();
  // the peak of the run itself, with the validated scenario it holds (parsing has its own, earlier)
  writeFileSync('/proc/self/clear_refs', '5');
  const session = openRun(scenario);
  session.advance();
  const measured = residentBytes().peak - before;
  const estimate = estimateRun(scenario);
  scenario = undefined as never;
  return { label: c.label, measured, estimated: estimate.bytes, ...(heapUsed !== undefined && { heap: { measured: heapUsed, estimated: estimate.parts.scenario } }) };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.stdout.write(`${JSON.stringify(child(JSON.parse(process.argv[2]) as PeakCase))}\n`);
}
