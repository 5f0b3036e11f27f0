import { describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { toCSV } from '../../../sim/csv';
import { replicateSeeds, scenarioHash, VERSION } from '../../../sim/index';
import { createAppState } from '../../../viz/app/appState';
import { exportable, finishedReplicates, resultsCSV, resultsJSON } from '../../../viz/app/resultsExport';
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

  it('resultsJSON(run) is the CLI\'s JSON: provenance (version, scenario hash and name, seeds), then each replicate\'s seed, columns and summary', () => {
    const { run, fin } = doneRun(2);
    const f = resultsJSON(run);
    expect(f.name).toBe('intrastate-a-test-seed7-runs2.json');
    const j = JSON.parse((f.data as string[]).join(''));
    expect(Object.keys(j)).toEqual(['detente', 'scenarioHash', 'scenario', 'seeds', 'runs']);
    expect(j.detente).toBe(VERSION);
    expect(j.scenarioHash).toBe(scenarioHash(run.scenario));
    expect(j.scenario).toBe('Intrastate: a test!');
    expect(j.seeds).toEqual(replicateSeeds(run.scenario, 2));
    expect(j.runs.map((r: { run: number; seed: number }) => [r.run, r.seed])).toEqual([[0, j.seeds[0]], [1, j.seeds[1]]]);
    expect(j.runs[1].summary).toEqual(fin.results.summaries[1]);
    expect(j.runs[1].columns.X).toEqual(Array.from(fin.results.runs[1].data.X));
  });
});

describe('resultsExport of a cancelled ensemble', () => {
  it('resultsCSV(run) of a cancelled ensemble holds exactly its finished replicates, as `--runs k` would', () => {
    const state = createAppState();
    state.loadScenario({ ...small(base), seed: 7 }, { id: '', name: 'test' });
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    const fin = finishedRun(run.scenario, 3);
    // replicates 0 and 1 finished; replicate 2 was cut short at 5 rows and has no summary
    const partial = { ...fin.results.runs[2], rows: 5 };
    const results = { ...fin.results, runs: [fin.results.runs[0], fin.results.runs[1], partial], summaries: fin.results.summaries.slice(0, 2) };
    state.finishRun(run, { status: 'cancelled', results });
    expect(exportable(run)).toBe(true);
    expect(finishedReplicates(run).runs).toHaveLength(2);
    expect(resultsCSV(run).data).toBe(toCSV(fin.results.runs.slice(0, 2)));
    expect(resultsCSV(run).name).toMatch(/runs2\.csv$/);
    expect(JSON.parse([resultsJSON(run).data].flat().join('')).runs).toHaveLength(2);
  });

  it('exportable(run) is false for a run cancelled before any replicate finished, and for no run', () => {
    const state = createAppState();
    state.loadScenario(small(base), { id: '', name: 'test' });
    const run = state.beginRun({ paused: false, histogramBins: 0 });
    const fin = finishedRun(run.scenario, 1);
    state.finishRun(run, { status: 'cancelled', results: { ...fin.results, runs: [{ ...fin.results.runs[0], rows: 3 }], summaries: [] } });
    expect(exportable(run)).toBe(false);
    expect(exportable(undefined)).toBe(false);
  });
});
