import { describe, expect, it } from 'vitest';
import { MAX_EVENTS, openRun, run, toCSV, type Columns, type ModelEvent } from '../../sim/index';
import { busyScenario as busy } from '../fixtures/sim/busyScenario';
import { makeScenario } from '../fixtures/sim/makeScenario';

function asArrays(c: Columns): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const n of c.names) out[n] = Array.from(c.data[n].subarray(0, c.rows));
  return out;
}

function concat(a: Columns, b: Columns): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const n of a.names) out[n] = [...a.data[n].subarray(0, a.rows), ...b.data[n].subarray(0, b.rows)];
  return out;
}

describe('openRun(): the one run loop', () => {
  it('advance() in pieces of any size equals advance() at once, row for row', () => {
    const s = busy({ ticks: 120 });
    const whole = openRun(s);
    whole.advance();
    const pieces = openRun(s);
    for (const n of [1, 7, 30, 0, 50]) expect(pieces.advance(n)).toBe(n);
    expect(pieces.advance(2.5)).toBe(2);
    expect(pieces.advance(1)).toBe(1);
    expect(pieces.done).toBe(false);
    expect(pieces.advance(1000)).toBe(29);
    expect(pieces.done).toBe(true);
    expect(pieces.advance()).toBe(0);
    expect(() => pieces.advance(-1)).toThrow(RangeError);
    expect(() => pieces.advance(NaN)).toThrow(/maxTicks must be ≥ 0/);
    expect(toCSV([pieces.columns])).toBe(toCSV([whole.columns]));
    expect(pieces.events).toEqual(whole.events);
  });

  it('openRun({from: save()}) resumes: 100 and 260 ticks equal the 360-tick run in every column and event (agent mode, actors, events, drift)', () => {
    const s = busy();
    const whole = openRun(s);
    whole.advance();
    expect(whole.columns.rows).toBe(361);
    // the scenario must reach the mechanisms a save has to carry, or the comparison proves little
    expect(whole.state.settlements).toBeGreaterThan(0);
    expect(whole.state.actors[3].participants).toBeGreaterThan(0);
    expect(whole.state.actors[1].leaks).toBeGreaterThan(0);
    const first = openRun(s, { ticks: 100 });
    first.advance();
    const second = openRun(s, { from: first.save(), ticks: 260 });
    second.advance();
    expect(first.columns.rows).toBe(101);
    expect(second.columns.rows).toBe(260);
    expect(concat(first.columns, second.columns)).toEqual(asArrays(whole.columns));
    expect(Array.from(second.state.anger)).toEqual(Array.from(whole.state.anger));
    expect(second.state.signings).toEqual(whole.state.signings);
    expect([...first.events, ...second.events]).toEqual(whole.events);
  });

  it('rows(from) copies the rows observed since `from`, unchanged by later steps', () => {
    const s = makeScenario({ ticks: 20 });
    const session = openRun(s, { histogramBins: 5 });
    session.advance(8);
    const chunk = session.rows(3);
    expect(chunk.from).toBe(3);
    expect(chunk.rows).toBe(6);
    expect(Array.from(chunk.columns.tick)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(chunk.histograms!.length).toBe(6 * 4 * 5);
    const X = Array.from(chunk.columns.X);
    session.advance();
    expect(Array.from(chunk.columns.X)).toEqual(X);
    expect(X).toEqual(Array.from(session.columns.data.X.subarray(3, 9)));
    expect(Array.from(chunk.histograms!)).toEqual(Array.from(session.histograms!.subarray(3 * 20, 9 * 20)));
  });

  it('collecting model events changes no result', () => {
    const s = busy({ ticks: 200 });
    const watched = openRun(s);
    const quiet = openRun(s, { events: false });
    watched.advance();
    quiet.advance();
    expect(watched.events.length).toBeGreaterThan(10);
    expect(quiet.events).toEqual([]);
    expect(toCSV([quiet.columns])).toBe(toCSV([watched.columns]));
    expect(quiet.save()).toEqual(watched.save());
  });

  it('summary() is the summary of the run done, and run() is the session advanced at once', () => {
    const s = busy({ ticks: 48 });
    const session = openRun(s, { run: 2 });
    session.advance();
    const r = run(s, { run: 2 });
    expect(toCSV([r.columns])).toBe(toCSV([session.columns]));
    expect(r.events).toEqual(session.events);
    expect(session.summary().run).toBe(2);
    expect(session.summary().finalX).toBe(session.columns.data.X[48]);
  });

  it('openRun() refuses ticks that are not a whole number ≥ 0, and results beyond its memory limit, naming ticks', () => {
    const s = makeScenario();
    expect(() => openRun(s, { ticks: -1 })).toThrow(/ticks must be a whole number/);
    expect(() => openRun(s, { ticks: 1.5 })).toThrow(RangeError);
    expect(() => openRun(s, { ticks: 1000, memoryLimit: 1000 })).toThrow(/^ticks: this run would need about .* GiB of memory \(80 agents, [0-9,]+ ties, 1,001 observed ticks\)/);
  });

  it('openRun() keeps at most MAX_EVENTS events and counts the rest', () => {
    const leaky = Array.from({ length: 10 }, (_, j) => ({ name: `a${j}`, track: 2, prepTicks: 0, consent: false, commitment: 300, confidentiality: 1000, promiseReliability: 1000 }));
    const s = makeScenario({ mode: 'meanfield', ticks: 300, actors: leaky });
    const session = openRun(s);
    session.advance();
    expect(session.events.length).toBe(MAX_EVENTS);
    expect(session.eventsDropped).toBeGreaterThan(0);
    const counted = session.events.filter((e: ModelEvent) => e.type === 'leak' || e.type === 'brokenPromise').length;
    expect(counted).toBeGreaterThan(MAX_EVENTS - 100);
  });
});
