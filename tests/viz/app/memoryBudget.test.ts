import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { estimateRun, parseScenario } from '../../../sim/index';
import { BROWSER_MEMORY_LIMIT } from '../../../viz/app/limits';
import { memoryProblem, pageMemoryNeed } from '../../../viz/app/memoryBudget';
import { slug } from '../../../viz/app/slug';

const scenario = parseScenario(base);

describe('memoryBudget', () => {
  it('memoryProblem(request) lets the default scenario\'s largest ensemble run', () => {
    expect(memoryProblem({ scenario, runs: 100, histogramBins: 20 })).toBe('');
  });

  it('memoryProblem(request) stops a link of 110 million agents a party (valid for the command line), saying why and giving the command that runs it', () => {
    // no ties: under validation's 8 GiB, so only the page's own limit stands between it and the tab
    const huge = parseScenario({ ...base, network: { type: 'smallWorld', degree: 0 }, parties: base.parties.map((p) => ({ ...p, population: 110_000_000 })) });
    const why = memoryProblem({ scenario: huge, runs: 10 });
    expect(why).toMatch(/^This would need about 7\.2 GiB of memory in the browser \(220,000,000 agents, 0 ties, 10 runs of 361 observed ticks\); the page allows 1\.0 GiB\./);
    // the file the page's "Download scenario JSON" saves
    expect(why.endsWith(`npx detente run ${slug(base.name)}.json --runs 10 --summary`)).toBe(true);
  });

  it('pageMemoryNeed(request) counts each worker\'s live run, every replicate\'s columns twice, the histograms and what is kept', () => {
    const one = pageMemoryNeed({ scenario, runs: 1 });
    const e = estimateRun(scenario);
    // no more simulations alive than runs
    expect(pageMemoryNeed({ scenario, runs: 1, workers: 4 })).toBe(one);
    // each further worker holds its own agents and ties, or builds its network
    const state = e.parts.agents + e.parts.contact + e.parts.ties;
    const more = pageMemoryNeed({ scenario, runs: 4, workers: 4 }) - pageMemoryNeed({ scenario, runs: 4, workers: 1 });
    expect(more).toBeGreaterThanOrEqual(3 * state);
    expect(more).toBeLessThanOrEqual(3 * (state + e.parts.construction + 4 * e.agents));
    expect(pageMemoryNeed({ scenario, runs: 4 }) - one).toBe(2 * 3 * e.parts.columns);
    expect(pageMemoryNeed({ scenario, runs: 1, keptBytes: 1000 })).toBe(one + 1000);
    expect(pageMemoryNeed({ scenario, runs: 1, histogramBins: 20 })).toBe(one + 2 * 8 * 361 * 80);
  });

  it('memoryProblem(request) speaks exactly when the need passes BROWSER_MEMORY_LIMIT, for any size, length and ensemble', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 50_000_000 }), fc.integer({ min: 1, max: 200_000 }), fc.integer({ min: 1, max: 1000 }), (population, ticks, runs) => {
      const s = { ...scenario, ticks, parties: scenario.parties.map((p) => ({ ...p, population })) } as typeof scenario;
      expect(memoryProblem({ scenario: s, runs }) !== '').toBe(pageMemoryNeed({ scenario: s, runs }) > BROWSER_MEMORY_LIMIT);
    }));
  });
});
