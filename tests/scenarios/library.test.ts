import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { run, summarizeRun, validateScenario } from '../../sim/index';

const dir = new URL('../../scenarios/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
const read = (f: string) => JSON.parse(readFileSync(new URL(f, dir), 'utf8'));

describe('scenario library', () => {
  it('holds at least the twelve scenarios of the library, the default among them', () => {
    const names = files.map((f) => f.replace(/\.json$/, ''));
    for (const want of ['cold-war-thaw', 'intrastate-conflict', 'intrastate-no-third-parties', 'track-one-only',
      'track-one-plus-two', 'all-five-tracks', 'lull-entry', 'peak-entry', 'premature-exit', 'leaky-facilitator',
      'hate-media', 'peace-media']) {
      expect(names).toContain(want);
    }
  });

  it.each(files)('%s validates, has a description and sources, and names its file in kebab-case', (f) => {
    expect(f).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\.json$/);
    const r = validateScenario(read(f));
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    expect(r.scenario.description.length).toBeGreaterThan(40);
    expect(r.scenario.sources.length).toBeGreaterThan(0);
  });

  it.each(files)('%s runs (at a small population) with finite results in [0, 1]', (f) => {
    const raw = read(f);
    for (const p of raw.parties) p.population = 150;
    const r = validateScenario(raw);
    if (!r.ok) throw new Error('invalid');
    const res = run(r.scenario, { ticks: 120 });
    expect(res.columns.rows).toBe(121);
    for (const name of ['X', 'T', 'C', 'U', 'E']) {
      for (const x of res.columns.data[name]) {
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
      }
    }
    const s = summarizeRun(r.scenario, res.columns);
    expect(Number.isFinite(s.areaX)).toBe(true);
  });
});

describe('scenario library: the shared conflict', () => {
  const small = (f: string) => {
    const raw = read(f);
    for (const p of raw.parties) p.population = 400;
    const r = validateScenario(raw);
    if (!r.ok) throw new Error('invalid');
    return r.scenario;
  };

  it('intrastate-no-third-parties keeps tension inside (0, 1) for the whole run (no saturation at the ceiling)', () => {
    for (const seed of [1, 2, 3]) {
      const T = run({ ...small('intrastate-no-third-parties.json'), seed }).columns.data.T;
      expect(Math.max(...T)).toBeLessThan(0.95);
      // and tension still carries the war: well above its initial 0.5 after the first years
      expect(T[T.length - 1]).toBeGreaterThan(0.5);
    }
  });

  it('intrastate-conflict\'s youth exchange reaches each person at most once, about capacity × years of the population', () => {
    const s = small('intrastate-conflict.json');
    const exchange = s.actors.findIndex((a) => a.track === 4);
    const { state } = run(s, { events: false });
    const reached = state.participant.filter((p) => p > 0).length / state.participant.length;
    expect(state.actors[exchange].participants).toBe(state.participant.filter((p) => p > 0).length);
    const years = (s.ticks - s.actors[exchange].start) / s.ticksPerYear;
    expect(reached).toBeLessThanOrEqual(s.actors[exchange].capacity * years * 1.2);
    expect(reached).toBeGreaterThan(0.05);
  });
});
