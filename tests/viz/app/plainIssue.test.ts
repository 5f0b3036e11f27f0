import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../../sim/scenario/validate';
import { fieldName, plainIssue, plainMessage } from '../../../viz/app/plainIssue';
import base from '../../../scenarios/intrastate-conflict.json';

describe('plainIssue', () => {
  it('plainMessage(message) rewrites the schema library\'s messages in plain words', () => {
    expect(plainMessage('Too small: expected number to be >=0')).toBe('must be 0 or more');
    expect(plainMessage('Too small: expected number to be >0')).toBe('must be more than 0');
    expect(plainMessage('Too big: expected number to be <=1')).toBe('must be 1 or less');
    expect(plainMessage('Invalid input: expected int, received number')).toBe('must be a whole number');
    expect(plainMessage('Invalid input: expected number, received NaN')).toBe('must be a number: it is empty or not a number');
    expect(plainMessage('Invalid input: expected number, received undefined')).toBe('is missing');
    expect(plainMessage('Invalid option: expected one of "agent"|"meanfield"')).toBe('must be one of "agent", "meanfield"');
    expect(plainMessage('Too small: expected string to have >=1 characters')).toBe('must not be empty');
  });

  it('fieldName(path, scenario) names a field as the page shows it: by party name, by track, in plain words with the symbol', () => {
    const s = { parties: [{ name: 'Government' }, { name: 'Rebels' }], actors: [{ track: 1 }, { track: 2 }] };
    expect(fieldName('parties.0.power', s)).toBe('Government: military and political power (π)');
    expect(fieldName('actors.1.capacity', s)).toBe('Track Two: reach per year');
    expect(fieldName('dyad.T', s)).toBe('tension at the start (T)');
    expect(fieldName('ticks', s)).toBe('length of the run');
    expect(fieldName('params.hurtDecay', s)).toBe('hurt decay');
    expect(fieldName('', s)).toBe('the scenario');
    // a hostile or broken scenario's names never become "[object Object]"
    expect(fieldName('parties.1.power', { parties: [{ name: 'A' }, { name: {} as unknown as string }] })).toBe('party 2: military and political power (π)');
  });

  it('every issue of a broken scenario reads without the schema library\'s jargon', () => {
    const b = structuredClone(base) as Record<string, any>;
    Object.assign(b, { ticks: -5, seed: Number.NaN, mode: 'zz' });
    b.parties[0].power = 0;
    b.parties[1].population = 2.5;
    b.dyad.T = 2;
    b.actors[0].entry = 'x';
    const r = validateScenario(b);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const texts = r.issues.map((i) => plainIssue(i, b));
    expect(texts.length).toBeGreaterThanOrEqual(7);
    for (const t of texts) expect(t).not.toMatch(/Too small|Too big|expected|received|>=|<=|parties\.\d|actors\.\d/);
    expect(texts).toContain('Rebels: number of people simulated (N): must be a whole number');
  });

  it('plainMessage names the fields that the model\'s own messages mention by path', () => {
    expect(plainMessage('must differ from parties.0.name ("Government")', { parties: [{ name: 'Government' }, { name: 'Government' }] })).toBe('must differ from "the name of party 1" ("Government")');
  });
});
