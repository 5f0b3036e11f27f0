import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { estimateRun, parseScenario } from '../../../sim/index';
import { BROWSER_MEMORY_LIMIT } from '../../../viz/app/limits';
import { memoryProblem, pageMemoryNeed, sweepWorkersWithin, workersWithin } from '../../../viz/app/memoryBudget';
import { slug } from '../../../viz/app/slug';

const scenario = parseScenario(base);

describe('memoryBudget', () => {
  it('memoryProblem(request) lets the default scenario\'s largest ensemble run', () => {
    expect(memoryProblem({ scenario, runs: 100, histogramBins: 20 })).toBe('');
  });

  it('memoryProblem(request) stops a link of 110 million agents, 55 million a party (valid for the command line), saying why and giving the command that runs it', () => {
    // no ties: under the 4 GiB validation allows a run's agents and ties, so only the page's own limit stands between it and the tab
    const huge = parseScenario({ ...base, network: { type: 'smallWorld', degree: 0 }, parties: base.parties.map((p) => ({ ...p, population: 55_000_000 })) });
    const why = memoryProblem({ scenario: huge, runs: 10 });
    expect(why).toMatch(/^This would need about 4\.0 GiB of memory in the browser \(110,000,000 agents, 0 ties, 10 runs of 361 observed ticks\); the page allows 1\.0 GiB\./);
    // the file the page's "Download scenario JSON" saves
    expect(why.endsWith(`npx detente run ${slug(base.name)}.json --runs 10 --summary`)).toBe(true);
  });

  it('pageMemoryNeed(request) counts each worker\'s live run with its columns, every replicate\'s columns on the page, the histograms and what is kept', () => {
    const one = pageMemoryNeed({ scenario, runs: 1 });
    const e = estimateRun(scenario);
    // no more simulations alive than runs
    expect(pageMemoryNeed({ scenario, runs: 1, workers: 4 })).toBe(one);
    // each further worker holds its own agents and ties (or builds its network) and its run's columns
    const state = e.parts.agents + e.parts.contact + e.parts.ties;
    const more = pageMemoryNeed({ scenario, runs: 4, workers: 4 }) - pageMemoryNeed({ scenario, runs: 4, workers: 1 });
    expect(more).toBeGreaterThanOrEqual(3 * (state + e.parts.columns));
    expect(more).toBeLessThanOrEqual(3 * (state + e.parts.construction + 4 * e.agents + e.parts.columns));
    // the page keeps every replicate's columns
    expect(pageMemoryNeed({ scenario, runs: 4 }) - one).toBe(3 * e.parts.columns);
    expect(pageMemoryNeed({ scenario, runs: 1, keptBytes: 1000 })).toBe(one + 1000);
    expect(pageMemoryNeed({ scenario, runs: 1, histogramBins: 20 })).toBe(one + 2 * 8 * 361 * 80);
  });

  it('workersWithin(request) takes as many workers as fit in BROWSER_MEMORY_LIMIT together, and never fewer than one', () => {
    expect(workersWithin({ scenario, runs: 100, workers: 8 })).toBe(8);
    // a million agents a party: about 0.2 GiB a simulation, so some workers fit and not eight
    const big = { ...scenario, parties: scenario.parties.map((p) => ({ ...p, population: 1_000_000 })) } as typeof scenario;
    const w = workersWithin({ scenario: big, runs: 20, workers: 8 });
    expect(w).toBeGreaterThan(1);
    expect(w).toBeLessThan(8);
    expect(pageMemoryNeed({ scenario: big, runs: 20, workers: w })).toBeLessThanOrEqual(BROWSER_MEMORY_LIMIT);
    expect(pageMemoryNeed({ scenario: big, runs: 20, workers: w + 1 })).toBeGreaterThan(BROWSER_MEMORY_LIMIT);
    const huge = { ...scenario, parties: scenario.parties.map((p) => ({ ...p, population: 3_000_000 })) } as typeof scenario;
    expect(workersWithin({ scenario: huge, runs: 1, workers: 8 })).toBe(1);
  });

  it('memoryProblem(request) speaks exactly when the need passes BROWSER_MEMORY_LIMIT, for any size, length and ensemble', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 50_000_000 }), fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 1000 }), (population, ticks, runs) => {
      const s = { ...scenario, ticks, parties: scenario.parties.map((p) => ({ ...p, population })) } as typeof scenario;
      expect(memoryProblem({ scenario: s, runs }) !== '').toBe(pageMemoryNeed({ scenario: s, runs }) > BROWSER_MEMORY_LIMIT);
    }));
  });

  it('sweepWorkersWithin(request) lets workers share an exploration while their runs and its results fit, none when one run does not', () => {
    const runBytes = estimateRun(scenario).bytes;
    expect(sweepWorkersWithin({ runBytes, runs: 1000, seriesValues: 31, workers: 8 })).toBe(8);
    expect(sweepWorkersWithin({ runBytes, runs: 3, seriesValues: 31, workers: 8 })).toBe(3);
    expect(sweepWorkersWithin({ runBytes: 0.3 * BROWSER_MEMORY_LIMIT, runs: 100, seriesValues: 0, workers: 8 })).toBe(3);
    expect(sweepWorkersWithin({ runBytes: 1.1 * BROWSER_MEMORY_LIMIT, runs: 100, seriesValues: 0, workers: 8 })).toBe(0);
    // results alone past the limit: nothing runs
    expect(sweepWorkersWithin({ runBytes, runs: 1e6, seriesValues: 1000, workers: 8 })).toBe(0);
  });
});
