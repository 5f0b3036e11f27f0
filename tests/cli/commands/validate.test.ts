import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fromRoot, mainIn, SCENARIO } from '../helpers/detente';

const fixture = (name: string) => fromRoot(`tests/fixtures/cli/${name}.json`);
/** The paths of the "path: message" lines on stderr. */
const paths = (stderr: string) => stderr.trim().split('\n').map((l) => l.slice(0, l.indexOf(': ')));

describe('detente validate', () => {
  it('detente validate exits 0 on a valid scenario and says so on stderr, leaving stdout empty', async () => {
    expect(await mainIn(['validate', fromRoot(SCENARIO)])).toEqual({ code: 0, stdout: '', stderr: 'valid: Intra-state conflict\n' });
  });

  it('detente validate accepts every scenario in the library', async () => {
    const files = readdirSync(fromRoot('scenarios')).filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json');
    expect(files).toContain('intrastate-conflict.json');
    for (const f of files) {
      const out = await mainIn(['validate', fromRoot(`scenarios/${f}`)]);
      expect(out.stderr, f).toMatch(/^valid: /);
      expect(out.code, f).toBe(0);
    }
  });

  it('detente validate names each field with a wrong type, range or name', async () => {
    const out = await mainIn(['validate', fixture('invalid-fields')]);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(paths(out.stderr).sort()).toEqual(['(scenario)', 'dyad.T', 'parties.0.power', 'parties.1.initialAnger', 'ticksPerYear']);
    expect(out.stderr).toMatch(/^\(scenario\): unknown field "colour"$/m);
  });

  it('detente validate names parties that do not exist and an odd network degree', async () => {
    const out = await mainIn(['validate', fixture('invalid-references')]);
    expect(out.code).toBe(1);
    expect(paths(out.stderr)).toEqual(['actors.0.parties.1', 'events.0.party', 'network.degree']);
    expect(out.stderr).toMatch(/"West" is not a party/);
    expect(out.stderr).toMatch(/"East" is not a party/);
  });

  it('detente validate rejects a kernel formula that is not arithmetic', async () => {
    const out = await mainIn(['validate', fixture('invalid-kernel')]);
    expect(out.code).toBe(1);
    expect(paths(out.stderr)).toEqual(['kernel.formula']);
    expect(out.stderr).toMatch(/import/);
  });

  it('detente validate refuses a population too large for memory, with the memory it would need', async () => {
    const out = await mainIn(['validate', fixture('invalid-size')]);
    expect(out.code).toBe(1);
    expect(paths(out.stderr)).toEqual(['parties']);
    expect(out.stderr).toMatch(/\d+(\.\d)? GiB/);
  });

  it('detente validate names a missing required section', async () => {
    const out = await mainIn(['validate', fixture('missing-parties')]);
    expect(out.code).toBe(1);
    expect(paths(out.stderr)).toEqual(['parties']);
  });

  it('detente validate reports invalid JSON with its line and column', async () => {
    const out = await mainIn(['validate', fixture('malformed')]);
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/malformed\.json:7:3: invalid JSON/);
  });

  it('detente validate --set checks the scenario as overridden', async () => {
    const out = await mainIn(['validate', fromRoot(SCENARIO), '--set', 'parties.1.initialFear=2', '--set', 'network.rewire=-1']);
    expect(out.code).toBe(1);
    expect(paths(out.stderr)).toEqual(['parties.1.initialFear', 'network.rewire']);
  });

  it('detente validate without a file, or with two, exits 2', async () => {
    for (const args of [['validate'], ['validate', 'a.json', 'b.json']]) {
      const out = await mainIn(args);
      expect(out.code).toBe(2);
      expect(out.stderr).toMatch(/detente validate --help/);
    }
  });

  it('detente validate --help prints its usage on stdout and exits 0', async () => {
    const out = await mainIn(['validate', '--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Usage: detente validate <scenario\.json>/);
  });
});
