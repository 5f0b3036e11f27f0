import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyOverrides, eventLog, openRun, parseOverride, parseScenario, replicateSeed, run, summariesCSV, summarizeRun, SUMMARY_COLUMNS, toCSV } from '../../../sim/index';
import { fromRoot, mainIn, parseCSV, ROOT, SCENARIO, SMALL } from '../helpers/detente';

const TICKS = 6;
const FILE = fromRoot(SCENARIO);
const small = (...more: string[]) => ['run', FILE, '--ticks', String(TICKS), ...SMALL, ...more];
const tmp = mkdtempSync(join(tmpdir(), 'detente-run-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const column = (csv: string, name: string) => {
  const { header, rows } = parseCSV(csv);
  const k = header.indexOf(name);
  if (k < 0) throw new Error(`no column ${name}`);
  return rows.map((r) => r[k]);
};

describe('detente run', () => {
  it('detente run writes exactly what toCSV and summariesCSV write for the same runs, as the web app\'s export does', async () => {
    const [out, sum] = [await mainIn(small('--seed', '21', '--runs', '2')), await mainIn(small('--seed', '21', '--runs', '2', '--summary'))];
    const sets = SMALL.filter((_, k) => k % 2 === 1).map(parseOverride);
    const scenario = parseScenario({ ...(applyOverrides(JSON.parse(readFileSync(FILE, 'utf8')), sets) as object), seed: 21, ticks: TICKS });
    const columns = [run(scenario, { run: 0 }).columns, run(scenario, { run: 1 }).columns];
    expect(out.stdout).toBe(toCSV(columns));
    expect(sum.stdout).toBe(summariesCSV(columns.map((c) => ({ ...summarizeRun(scenario, c) })), SUMMARY_COLUMNS));
  });

  it('detente run --seed N runs with base seed N: run 0 uses N, the others seeds derived from it', async () => {
    const out = await mainIn(small('--seed', '77', '--runs', '2'));
    expect(out.code).toBe(0);
    expect([...new Set(column(out.stdout, 'seed'))]).toEqual(['77', String(replicateSeed(77, 1))]);
    // without --seed the scenario's own seed is the base
    const file = JSON.parse(readFileSync(FILE, 'utf8'));
    const own = await mainIn(small());
    expect(column(own.stdout, 'seed')[0]).toBe(String(file.seed ?? 1));
  });

  it('detente run gives different rows for different seeds, and run 0 of an ensemble equals the single run', async () => {
    const [a, b, one] = [await mainIn(small('--seed', '4', '--runs', '2')), await mainIn(small('--seed', '5', '--runs', '2')), await mainIn(small('--seed', '4'))];
    expect(column(b.stdout, 'X')).not.toEqual(column(a.stdout, 'X'));
    expect(one.stdout).toBe(a.stdout.split('\n').slice(0, TICKS + 2).join('\n') + '\n');
  });

  it('detente run --set changes the scenario before the run', async () => {
    const out = await mainIn(small('--set', 'parties.0.name=Alpha', '--set', 'parties.0.power=3', '--set', 'dyad.T=0.7'));
    expect(out.code).toBe(0);
    const { header } = parseCSV(out.stdout);
    expect(header).toContain('H_Alpha');
    expect(header).not.toContain('H_Government');
    expect(column(out.stdout, 'power_Alpha')[0]).toBe('3');
    expect(column(out.stdout, 'T')[0]).toBe('0.7');
  });

  it('detente run --set accepts a kernel formula as plain text and validates it', async () => {
    const ok = await mainIn(small('--set', 'kernel.formula=1/(1+d)^2'));
    expect(ok.code).toBe(0);
    expect(parseCSV(ok.stdout).rows).toHaveLength(TICKS + 1);
    const bad = await mainIn(small('--set', 'kernel.formula=evaluate("1")'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^kernel\.formula: .*evaluate/m);
  });

  it('detente run --set with an invalid value or a bad path exits 1 naming it, with nothing on stdout', async () => {
    const value = await mainIn(small('--set', 'parties.1.power=-2'));
    expect(value.code).toBe(1);
    expect(value.stdout).toBe('');
    expect(value.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^parties\.1\.power: /)]);
    const index = await mainIn(small('--set', 'actors.9.capacity=1'));
    expect(index.code).toBe(1);
    expect(index.stderr).toMatch(/^--set actors\.9: no element 9/);
    const through = await mainIn(small('--set', 'seed.value=1'));
    expect(through.code).toBe(1);
    expect(through.stderr).toMatch(/^--set seed\.value: seed is a number/);
    const unknown = await mainIn(small('--set', 'params.sinergy=1'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^params: unknown field "sinergy"/);
  });

  it('detente run --format json carries version, scenario hash and seeds, and the same numbers as the CSV', async () => {
    const [json, csv] = [await mainIn(small('--seed', '4', '--runs', '2', '--format', 'json')), await mainIn(small('--seed', '4', '--runs', '2'))];
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(doc.detente).toBe(pkg.version);
    expect(doc.scenario).toBe('Intra-state conflict');
    expect(doc.scenarioHash).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.seeds).toEqual([4, replicateSeed(4, 1)]);
    expect(doc.runs.map((r: { run: number; seed: number }) => [r.run, r.seed])).toEqual([[0, 4], [1, replicateSeed(4, 1)]]);
    for (const name of ['X', 'T', 'H_Rebels', 'B_track2']) {
      expect(doc.runs.flatMap((r: { columns: Record<string, number[]> }) => r.columns[name]), name).toEqual(column(csv.stdout, name).map(Number));
    }
    expect(Object.keys(doc.runs[0].summary)).toEqual([...SUMMARY_COLUMNS]);
  });

  it('detente run --format json gives equal scenarios one hash and a changed scenario another', async () => {
    const hash = async (...more: string[]) => JSON.parse((await mainIn(small('--format', 'json', ...more))).stdout).scenarioHash;
    const base = await hash();
    // synergy's default is 0.5: spelling a default out leaves the validated scenario unchanged
    expect(await hash('--set', 'params.synergy=0.5')).toBe(base);
    expect(await hash('--set', 'params.synergy=0.25')).not.toBe(base);
    // the seed is part of the scenario that ran
    expect(await hash('--seed', '12345')).not.toBe(base);
  });

  it('detente run --summary writes one row per run agreeing with the per-tick rows, and ensemble statistics on stderr', async () => {
    const [sum, full] = [await mainIn(small('--seed', '4', '--runs', '3', '--summary')), await mainIn(small('--seed', '4', '--runs', '3'))];
    expect(sum.code).toBe(0);
    const { header, rows } = parseCSV(sum.stdout);
    expect(header).toEqual([...SUMMARY_COLUMNS]);
    expect(rows).toHaveLength(3);
    const X = column(full.stdout, 'X').map(Number);
    for (const [r, row] of rows.entries()) {
      const own = X.slice(r * (TICKS + 1), (r + 1) * (TICKS + 1));
      const get = (n: string) => row[header.indexOf(n)];
      expect(get('run')).toBe(String(r));
      expect(get('seed')).toBe(String(replicateSeed(4, r)));
      expect(Number(get('peakX'))).toBe(Math.max(...own));
      expect(Number(get('finalX'))).toBe(own[TICKS]);
      // de-escalation must last the default 24 ticks, impossible within 6: the cell is empty
      expect(get('timeToDeescalation')).toBe('');
      expect(get('deescalated')).toBe('false');
    }
    const peaks = rows.map((r) => Number(r[header.indexOf('peakX')])).sort((a, b) => a - b);
    expect(sum.stderr).toMatch(/ensemble of 3 runs: 0 de-escalated \(0 %\)/);
    expect(sum.stderr).toMatch(/median\s+90 % interval/);
    // the median of three is the middle one, shown to four significant digits
    expect(sum.stderr).toMatch(new RegExp(`^peakX\\s+${Number(peaks[1].toPrecision(4))}\\s`, 'm'));
    expect(sum.stderr).toMatch(/^timeToDeescalation\s+none/m);
  });

  it('detente run --summary counts a run that de-escalates, with its time', async () => {
    // calm parties and a short sustain: X falls below the threshold at once
    const calm = ['--set', 'params.deescalated=0.99', '--set', 'params.sustain=2'];
    const out = await mainIn(small('--summary', '--runs', '2', ...calm));
    expect(out.code).toBe(0);
    const { header, rows } = parseCSV(out.stdout);
    for (const row of rows) {
      expect(row[header.indexOf('timeToDeescalation')]).toBe('0');
      expect(row[header.indexOf('deescalated')]).toBe('true');
    }
    expect(out.stderr).toMatch(/2 de-escalated \(100 %\)/);
  });

  it('detente run --summary --format json holds a summary per run and the ensemble statistics', async () => {
    const out = await mainIn(small('--summary', '--runs', '2', '--format', 'json'));
    const doc = JSON.parse(out.stdout);
    expect(doc.runs).toHaveLength(2);
    expect(doc.runs[0].columns).toBeUndefined();
    expect(doc.runs[1].summary.run).toBe(1);
    expect(doc.stats.runs).toBe(2);
    expect(doc.stats.peakX.median).toBeGreaterThan(0);
  });

  it('detente run --out does not touch an existing file when the scenario is invalid', async () => {
    const file = join(tmp, 'keep.csv');
    writeFileSync(file, 'previous');
    const out = await mainIn(small('--set', 'ticksPerYear=0', '--out', file));
    expect(out.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe('previous');
  });

  it('detente run --out into a missing directory, or onto a directory, exits 1 with "detente run: cannot write <target>: <reason>"', async () => {
    const file = join(tmp, 'no', 'such', 'run.csv');
    const out = await mainIn(small('--out', file));
    expect(out.code).toBe(1);
    expect(out.stderr).toBe(`detente run: cannot write ${file}: no such directory\n`);
    const dir = await mainIn(small('--out', tmp));
    expect(dir.code).toBe(1);
    expect(dir.stderr).toBe(`detente run: cannot write ${tmp}: it is a directory\n`);
  });

  it('detente run --out refuses the scenario file itself, by any path or link, and leaves it as it was', async () => {
    const scenario = join(tmp, 'mine.json');
    const text = readFileSync(FILE, 'utf8');
    writeFileSync(scenario, text);
    symlinkSync(scenario, join(tmp, 'link.json'));
    linkSync(scenario, join(tmp, 'hard.json'));
    for (const [input, out] of [[scenario, scenario], [scenario, join(tmp, '..', basename(tmp), 'mine.json')], [join(tmp, 'link.json'), scenario], [scenario, join(tmp, 'link.json')], [join(tmp, 'hard.json'), scenario]]) {
      const o = await mainIn(['run', input, '--ticks', '2', ...SMALL, '--out', out]);
      expect(o.code, `${input} → ${out}`).toBe(2);
      expect(o.stderr).toMatch(/--out .* is the scenario file itself/);
      expect(readFileSync(scenario, 'utf8')).toBe(text);
    }
  });

  it('detente run --out replaces an existing file only once every run is written, and leaves no temporary file', async () => {
    const file = join(tmp, 'replace.csv');
    writeFileSync(file, 'previous');
    const out = await mainIn(small('--runs', '2', '--out', file));
    expect(out.code).toBe(0);
    expect(parseCSV(readFileSync(file, 'utf8')).rows).toHaveLength(2 * (TICKS + 1));
    expect(readdirSync(tmp).filter((f) => f.startsWith('.replace.csv'))).toEqual([]);
  });

  it('detente run --set params.trustRate=30 is refused at the field instead of dying with NaN (an internal error)', async () => {
    const out = await mainIn(['run', FILE, ...SMALL, '--set', 'params.trustRate=30']);
    expect(out.code).toBe(1);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/^params\.trustRate: trustRate × dt must be at most 1.*the largest allowed value is 12/m);
  });

  it('detente run and validate accept a kernel formula with a ^ inside a ^ (an internal error before)', async () => {
    for (const formula of ['(1+(d/L)^2)^(-1)', '2^d^2', '(d^2)^2']) {
      const out = await mainIn(small('--set', `kernel.formula=${formula}`));
      expect(out.code, formula).toBe(0);
      expect(out.stderr).toBe('');
      expect((await mainIn(['validate', FILE, '--set', `kernel.formula=${formula}`])).code).toBe(0);
    }
  });

  it('detente run streams a long run in pieces of bounded size, as CSV and as JSON, never as one string per run', async () => {
    const ticks = 20_000;
    for (const format of ['csv', 'json']) {
      const pieces: number[] = [];
      const out = await mainIn(['run', FILE, '--set', 'mode=meanfield', '--ticks', String(ticks), '--format', format], (chunk) => pieces.push(chunk.length));
      expect(out.code).toBe(0);
      const rows = format === 'csv' ? parseCSV(out.stdout).rows.length : JSON.parse(out.stdout).runs[0].columns.tick.length;
      expect(rows).toBe(ticks + 1);
      // 4096 rows of 26 numbers of at most 24 characters
      expect(Math.max(...pieces), format).toBeLessThan(4096 * 26 * 25);
      expect(pieces.length).toBeGreaterThan(4);
    }
  });

  it('detente run on a missing file or invalid JSON exits 1 naming the file and, for JSON, line and column', async () => {
    const missing = await mainIn(['run', fromRoot('scenarios/no-such-scenario.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/no-such-scenario\.json: cannot read: no such file/);
    const malformed = await mainIn(['run', fromRoot('tests/fixtures/cli/malformed.json')]);
    expect(malformed.code).toBe(1);
    // the trailing comma on line 6 leaves "]" on line 7, column 3, where a value was due
    expect(malformed.stderr).toMatch(/malformed\.json:7:3: invalid JSON: expected a value, found "\]"/);
  });

  it('detente run refuses a run too large for memory, saying how much it would need', async () => {
    const out = await mainIn(small('--ticks', '100000000'));
    expect(out.code).toBe(1);
    expect(out.stderr).toMatch(/^ticks: .*GiB/m);
  });

  it('detente run with bad flags exits 2 pointing to --help', async () => {
    const cases = [
      ['run'],
      ['run', FILE, 'extra.json'],
      ['run', FILE, '--runs', 'ten'],
      ['run', FILE, '--runs', '0'],
      ['run', FILE, '--seed', '4294967296'],
      ['run', FILE, '--seed', '1.5'],
      ['run', FILE, '--ticks', '0'],
      ['run', FILE, '--format', 'xml'],
      ['run', FILE, '--colour'],
      ['run', FILE, '--summary=yes'],
    ];
    for (const c of cases) {
      const o = await mainIn(c);
      expect(o.code, c.join(' ')).toBe(2);
      expect(o.stdout, c.join(' ')).toBe('');
      expect(o.stderr, c.join(' ')).toMatch(/detente run --help/);
    }
    expect((await mainIn(cases[2])).stderr).toMatch(/--runs must be a whole number/);
    expect((await mainIn(cases[7])).stderr).toMatch(/--format must be csv or json/);
  });

  it('detente run --help prints its usage on stdout and exits 0', async () => {
    const out = await mainIn(['run', '--help']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Usage: detente run <scenario\.json>/);
    for (const flag of ['--seed', '--runs', '--ticks', '--set', '--format', '--out', '--summary']) expect(out.stdout).toContain(flag);
  });
});

describe('detente run --event-log', () => {
  const LEAKY = fromRoot('scenarios/leaky-facilitator.json');
  const args = (file: string, ...more: string[]) => ['run', LEAKY, '--ticks', '120', ...SMALL, '--runs', '3', '--event-log', file, ...more];
  const expected = (format: 'csv' | 'json') => {
    const sets = SMALL.filter((_, k) => k % 2 === 1).map(parseOverride);
    const scenario = parseScenario({ ...(applyOverrides(JSON.parse(readFileSync(LEAKY, 'utf8')), sets) as object), ticks: 120 });
    return eventLog(format, [0, 1, 2].map((r) => {
      const session = openRun(scenario, { run: r });
      session.advance();
      return { run: r, seed: session.seed, events: session.events };
    }));
  };

  it('detente run --event-log FILE.csv writes every run\'s model events, columns run, seed, tick, type, actor, party, why; the data output is unchanged', async () => {
    const file = join(tmp, 'events.csv');
    const res = await mainIn(args(file));
    expect(res.code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(expected('csv'));
    const { header, rows } = parseCSV(text);
    expect(header).toEqual(['run', 'seed', 'tick', 'type', 'actor', 'party', 'why']);
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(['0', '1', '2']));
    expect(rows.some((r) => r[3] === 'leak')).toBe(true);
    expect(res.stdout).toBe((await mainIn(['run', LEAKY, '--ticks', '120', ...SMALL, '--runs', '3'])).stdout);
  });

  it('detente run --event-log FILE.json writes the same events as a JSON array', async () => {
    const file = join(tmp, 'events.json');
    expect((await mainIn(args(file, '--summary'))).code).toBe(0);
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(expected('json'));
    const rows = JSON.parse(text) as Record<string, unknown>[];
    expect(Object.keys(rows[0])).toEqual(['run', 'seed', 'tick', 'type', 'actor', 'party', 'why']);
  });

  it('detente run --event-log with another extension is a usage error (exit 2)', async () => {
    const res = await mainIn(args(join(tmp, 'events.txt')));
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/--event-log takes a file ending in \.csv or \.json/);
  });
});
