import { describe, expect, it } from 'vitest';
import { openRun, readSavedRun, resumeSavedRun, saveRun, SavedRunError, toCSV, VERSION } from '../../sim/index';
import { pack, unpack } from '../../sim/pack';
import { busyScenario as busy } from '../fixtures/sim/busyScenario';
import { makeScenario } from '../fixtures/sim/makeScenario';

describe('saveRun() and resumeSavedRun()', () => {
  it('a run saved at any tick and resumed from its bytes equals the run done at once: columns, histograms and summary (agent and mean-field)', () => {
    for (const s of [busy({ ticks: 90 }), makeScenario({ mode: 'meanfield', ticks: 50 })]) {
      const whole = openRun(s, { run: 2, histogramBins: 5 });
      whole.advance();
      for (const at of [0, 1, 37, s.ticks - 1, s.ticks]) {
        const part = openRun(s, { run: 2, histogramBins: 5 });
        part.advance(at);
        const bytes = saveRun(part, { scenario: s, run: 2 });
        const rest = resumeSavedRun(readSavedRun(bytes), s, { histogramBins: 5 })!;
        expect(rest.run).toBe(2);
        rest.advance();
        expect(rest.columns.rows).toBe(s.ticks + 1);
        expect(toCSV([rest.columns])).toBe(toCSV([whole.columns]));
        expect(rest.histograms).toEqual(whole.histograms);
        expect(rest.summary()).toEqual(whole.summary());
      }
    }
  });

  it('saveRun(undefined) saves a run not yet begun: resumeSavedRun() gives undefined, and the scenario when included', () => {
    const s = makeScenario();
    const saved = readSavedRun(saveRun(undefined, { scenario: s, run: 4, includeScenario: true, shell: { outputBytes: 123 } }));
    expect(saved).toMatchObject({ run: 4, detente: VERSION, scenario: s, shell: { outputBytes: 123 } });
    expect(resumeSavedRun(saved, s)).toBeUndefined();
  });

  it('readSavedRun() refuses bytes that are not a saved run, another layout and another version, saying which', () => {
    const s = makeScenario();
    const good = unpack(saveRun(undefined, { scenario: s, run: 0 })) as Record<string, unknown>;
    expect(() => readSavedRun(new TextEncoder().encode('run,seed,tick\n0,1,0\n'))).toThrow(/^not a saved Détente run/);
    expect(() => readSavedRun(pack({ ...good, kind: 'other' }))).toThrow(SavedRunError);
    expect(() => readSavedRun(pack({ ...good, format: 99 }))).toThrow(/layout 99/);
    expect(() => readSavedRun(pack({ ...good, detente: '0.0.1' }))).toThrow(new RegExp(`^saved by Détente 0\\.0\\.1; this is Détente ${VERSION.replace(/\./g, '\\.')}\\. A run continues only in the version that saved it`));
  });

  it('resumeSavedRun() refuses a run of another scenario, and a damaged state, before stepping it', () => {
    const s = busy({ ticks: 40 });
    const part = openRun(s);
    part.advance(10);
    const bytes = saveRun(part, { scenario: s, run: 0 });
    expect(() => resumeSavedRun(readSavedRun(bytes), { ...s, seed: s.seed + 1 })).toThrow(/^saved from another scenario \(SHA-256 [0-9a-f]{12}…; this one is [0-9a-f]{12}…/);
    const damage = (f: (x: { state: Record<string, unknown> } & Record<string, unknown>) => void) => {
      const x = unpack(bytes) as { state: Record<string, unknown> } & Record<string, unknown>;
      f(x);
      return () => resumeSavedRun(readSavedRun(pack(x)), s);
    };
    expect(damage((x) => ((x.state.anger as Float32Array)[3] = NaN))).toThrow(/^a damaged saved run: state\.anger holds a non-finite number/);
    expect(damage((x) => (x.state.fear = new Float32Array(3)))).toThrow(/state\.fear is not of the scenario's size/);
    expect(damage((x) => ((x.state.col as Int32Array)[0] = 1e6))).toThrow(/names agents that do not exist/);
    expect(damage((x) => delete x.state.dyad)).toThrow(/state has other fields|state\.dyad is missing/);
    expect(damage((x) => (x.state.tick = 11))).toThrow(/rows do not reach its tick/);
    expect(damage(() => undefined)).not.toThrow();
  });
});
