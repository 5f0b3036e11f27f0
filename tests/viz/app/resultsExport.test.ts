import { describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { toCSV } from '../../../sim/csv';
import { createAppState } from '../../../viz/app/appState';
import { resultsCSV, resultsJSON } from '../../../viz/app/resultsExport';
import { finishedRun, small } from './helpers/finishedRun';

function doneRun(runs: number) {
  const state = createAppState();
  state.loadScenario({ ...small(base), name: 'Intrastate: a test!', seed: 7 }, { id: '', name: 'test' });
  const run = state.beginRun({ paused: false, histogramBins: 0 });
  const fin = finishedRun(run.scenario, runs);
  state.finishRun(run, { status: 'done', ...fin });
  return { run, fin };
}

describe('resultsExport', () => {
  it('resultsCSV(run) is the CSV of every replicate, named after the scenario, seed and runs', () => {
    const { run, fin } = doneRun(2);
    const f = resultsCSV(run);
    expect(f.name).toBe('intrastate-a-test-seed7-runs2.csv');
    expect(f.type).toBe('text/csv');
    expect(f.data).toBe(toCSV(fin.results.runs));
  });

  it('resultsJSON(run) holds the scenario, the summaries, the statistics and every column of every replicate', () => {
    const { run, fin } = doneRun(2);
    const f = resultsJSON(run);
    expect(f.name).toBe('intrastate-a-test-seed7-results.json');
    const j = JSON.parse(f.data);
    expect(j.scenario).toEqual(run.scenario);
    expect(j.summaries).toEqual(fin.results.summaries);
    expect(j.stats.runs).toBe(2);
    expect(j.runs).toHaveLength(2);
    expect(j.runs[1].X).toEqual(Array.from(fin.results.runs[1].data.X));
  });
});
