import '@vitest/web-worker';
import { describe, expect, it } from 'vitest';
import { parseScenario, run, summarizeRun, toCSV, createColumns, columnNames, type Columns, type ModelEvent } from '../../../../sim/index';
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
