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
