import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { parseScenario, run, summarizeRun, toCSV, createColumns, columnNames, type Columns, type ModelEvent, type RunSummary } from '../../../../sim/index';
import { connectSimulation } from '../../../../viz/app/worker/client';
// Types only: importing worker.ts's values here would let the shim reuse this (non-worker)
// evaluation of the module for the first Worker, which then never exposes its API.
import type { RunChunk } from '../../../../viz/app/worker/protocol';
import base from '../../../../scenarios/intrastate-conflict.json';

// Small and short, so the suite stays fast; agent mode so the network and streams are exercised.
const small = {
  ...base,
  ticks: 40,
  parties: base.parties.map((p) => ({ ...p, population: 60 })),
};

function collector(scenarioNames: string[]) {
  const runs: Columns[] = [];
  const events: ModelEvent[][] = [];
  let chunks = 0;
  return {
    runs,
    events,
    chunks: () => chunks,
    listener: {
      chunk(c: RunChunk) {
        chunks++;
        const cols = (runs[c.run] ??= createColumns(scenarioNames, c.totalRows));
        for (const n of scenarioNames) cols.data[n].set(c.columns[n], c.from);
        cols.rows = c.from + c.rows;
        (events[c.run] ??= []).push(...c.events);
      },
      runDone() {},
    },
  };
}

function connect() {
  return connectSimulation(new Worker(new URL('../../../../viz/app/worker/worker.ts', import.meta.url), { type: 'module' }));
}

describe('viz/app/worker', () => {
  it('start(request) streamed in chunks equals run() for every replicate, with the same model events', async () => {
    const sc = parseScenario(small);
    const names = columnNames(sc.parties.map((p) => p.name));
    const client = connect();
    const got = collector(names);
    // A tiny slice forces many chunks, so chunk boundaries are tested.
    const out = await client.start({ scenario: small, runs: 3, sliceMs: 2, eventRuns: 2 }, got.listener);
    client.terminate();
    expect(out.status).toBe('done');
    expect(got.chunks()).toBeGreaterThan(3);
    const results = [0, 1, 2].map((r) => run(sc, { run: r }));
    const expected = results.map((r) => r.columns);
    expect(toCSV(got.runs)).toBe(toCSV(expected));
    // events for replicates 0 and 1 only, as asked, the same as the engine's in this process
    expect(results[0].events.length).toBeGreaterThan(0);
    expect(got.events[0]).toEqual(results[0].events);
    expect(got.events[1]).toEqual(results[1].events);
    expect(got.events[2] ?? []).toEqual([]);
    if (out.status === 'done') expect(out.summaries).toEqual(expected.map((c) => summarizeRun(sc, c)));
  }, 30_000);

  it('start(request) reports an invalid scenario with the field at fault', async () => {
    const client = connect();
    const out = await client.start({ scenario: { ...small, ticks: -1 } }, { chunk() {}, runDone() {} });
    client.terminate();
    expect(out.status).toBe('invalid');
    if (out.status === 'invalid') expect(out.issues.map((i) => i.path)).toContain('ticks');
  });

  it('start(request) refuses, with a message, a run too long to hold in the browser that validation allows', async () => {
    const client = connect();
    // 5·10^6 ticks of 26 columns: about 1 GB, under validation's 8 GiB limit, but kept twice (page and worker)
    const out = await client.start({ scenario: { ...small, mode: 'meanfield', ticks: 5_000_000 } }, { chunk() {}, runDone() {} });
    client.terminate();
    expect(out.status).toBe('failed');
    if (out.status === 'failed') expect(out.message).toMatch(/would need about 1\.9 GiB of memory in the browser \(the limit is 1 GiB\)/);
  });

  it('cancel() stops a long run before it ends', async () => {
    const client = connect();
    const got = collector(columnNames(small.parties.map((p) => p.name)));
    const long = { ...small, ticks: 100000 };
    const listener = { ...got.listener, chunk(c: RunChunk) { got.listener.chunk(c); if (got.chunks() === 2) void client.api.cancel(); } };
    const out = await client.start({ scenario: long, runs: 1, sliceMs: 5 }, listener);
    client.terminate();
    expect(out.status).toBe('cancelled');
    expect(got.runs[0].rows).toBeLessThan(100001);
  });

  it('step(n) advances a paused run by n ticks', async () => {
    const client = connect();
    const names = columnNames(small.parties.map((p) => p.name));
    const got = collector(names);
    const done = client.start({ scenario: small, paused: true }, got.listener);
    await client.api.step(5);
    await new Promise((r) => setTimeout(r, 200));
    expect(got.runs[0].rows).toBe(6);
    await client.api.resume();
    const out = await done;
    client.terminate();
    expect(out.status).toBe('done');
    expect(toCSV(got.runs)).toBe(toCSV([run(parseScenario(small)).columns]));
  });
});

describe('viz/app/worker saved runs', () => {
  it('save() part-way through the second replicate, then start({resume}) in a new worker, streams every replicate as an uninterrupted run, with histograms, model events and summaries', async () => {
    const sc = parseScenario(small);
    const names = columnNames(sc.parties.map((p) => p.name));
    const whole = collector(names);
    const a = connect();
    const done = await a.start({ scenario: small, runs: 3, histogramBins: 4, eventRuns: 3 }, whole.listener);
    a.terminate();
    expect(done.status).toBe('done');

    // paused from the start, stepped 40 + 15 ticks: replicate 0 done, replicate 1 at tick 15
    const b = connect();
    const before = collector(names);
    // what the page keeps of the finished replicates, which it hands to save() (in a pool, other workers ran some)
    const summaries: RunSummary[] = [];
    const histograms0 = new Float64Array(41 * 16);
    let rows1 = 0;
    let reached!: () => void;
    const there = new Promise<void>((resolve) => (reached = resolve));
    const first = b.start({ scenario: small, runs: 3, histogramBins: 4, eventRuns: 3, paused: true }, {
      chunk(c: RunChunk) {
        before.listener.chunk(c);
        if (c.histograms) histograms0.set(c.histograms, c.from * 16);
        if (c.run === 1) rows1 = c.from + c.rows;
        if (rows1 === 16) reached();
      },
      runDone(r: number, s: RunSummary) {
        summaries[r] = s;
      },
    });
    await b.api.step(40 + 15);
    await there;
    const saved = await b.api.save(1, { finished: before.runs.slice(0, 1), summaries, histograms0, events: before.events });
    expect(saved).toMatchObject({ ok: true, run: 1, tick: 15 });
    await b.api.cancel();
    expect((await first).status).toBe('cancelled');
    b.terminate();
    if (!saved.ok) return;

    const c = connect();
    const opened = await c.api.openSaved(saved.bytes.slice());
    expect(opened).toMatchObject({ ok: true, runs: 3, histogramBins: 4, run: 1, tick: 15 });
    const after = collector(names);
    const hist: Float64Array[] = [];
    const out = await c.start({ scenario: small, runs: 3, histogramBins: 4, eventRuns: 3, resume: saved.bytes }, {
      chunk(ch: RunChunk) {
        after.listener.chunk(ch);
        if (ch.histograms) (hist[ch.run] ??= new Float64Array(41 * 16)).set(ch.histograms, ch.from * 16);
      },
      runDone() {},
    });
    expect(out.status).toBe('done');
    expect(toCSV(after.runs)).toBe(toCSV(whole.runs));
    // the model events too: the finished replicate's, and the current one's before and after the save
    expect(whole.events.flat().length).toBeGreaterThan(0);
    expect(after.events).toEqual(whole.events);
    expect(hist[0]).toEqual(run(sc, { run: 0, histogramBins: 4 }).histograms);
    if (out.status === 'done' && done.status === 'done') {
      expect(out.summaries).toEqual(done.summaries);
      // the statistics and bands the page has a worker compute once every replicate is in
      const [resumed, uninterrupted] = await Promise.all([c.api.ensemble(out.summaries, after.runs, ['X']), c.api.ensemble(done.summaries, whole.runs, ['X'])]);
      expect(resumed.stats).toEqual(uninterrupted.stats);
      expect(resumed.bands).toEqual(uninterrupted.bands);
    }
    // a file that is no saved run, and a saved run of another ensemble size, are refused with a message
    expect(await c.api.openSaved(new TextEncoder().encode('{"format":1}'))).toMatchObject({ ok: false, message: expect.stringMatching(/not a saved Détente run/) });
    expect(await c.start({ scenario: small, runs: 2, histogramBins: 4, resume: saved.bytes }, { chunk() {}, runDone() {} })).toMatchObject({ status: 'failed', message: expect.stringMatching(/was of 3 runs/) });
    c.terminate();
  }, 60_000);
});
