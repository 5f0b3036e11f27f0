import { describe, expect, it } from 'vitest';
import { estimateSeconds, estimateWork } from '../../../sim/index';
import { PAGE_NOTICE_SECONDS, runTimeNote } from '../../../viz/app/runTimeNote';
import { makeScenario } from '../../fixtures/sim/makeScenario';

describe('runTimeNote()', () => {
  it('says nothing of a short ensemble, and how long a long one takes on the workers it shares', () => {
    const s = makeScenario({ ticks: 360, parties: [{ population: 2000 }, { population: 2000 }], network: { type: 'smallWorld', degree: 8 } });
    expect(runTimeNote({ scenario: s, runs: 10, workers: 2 })).toBe('');
    // enough runs to pass the threshold on one worker: each worker's share is what is announced
    const one = estimateSeconds(estimateWork(s));
    const runs = Math.ceil((4 * PAGE_NOTICE_SECONDS) / one);
    expect(runTimeNote({ scenario: s, runs, workers: 1 })).toMatch(/^ This will take about [\d.]+ (seconds|minutes?) on 1 worker; Cancel stops it\.$/);
    expect(runTimeNote({ scenario: s, runs, workers: 8 })).toBe('');
    expect(runTimeNote({ scenario: s, runs: 1000 * runs, workers: 4 })).toMatch(/ on 4 workers; Cancel stops it\.$/);
  });
});
