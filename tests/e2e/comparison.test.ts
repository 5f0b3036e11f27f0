import { join } from 'node:path';
import { csvParse } from 'd3-dsv';
import { describe, expect, inject, it } from 'vitest';
import base from '../../scenarios/intrastate-conflict.json';
import { compareRuns, describeRuns, type OutcomeKey } from '../../sim/compare/index';
import { createColumns, parseScenario, summarizeRun, type Columns, type RunSummary } from '../../sim/index';
import { encodeShare } from '../../viz/app/share';
import { openPage, waitState } from './helpers/browser';
import { downloadText, filesAndBrowser, SHOTS } from './helpers/page';

const baseURL = inject('baseURL');
const browser = filesAndBrowser('comparison');

// Small enough to run 3 × 10 replicates quickly, large enough for runs to differ.
const small = { ...base, ticks: 120, parties: base.parties.map((p) => ({ ...p, population: 150 })) };
const working = { ...small, parties: small.parties.map((p, k) => (k === 1 ? { ...p, reactivity: 0.45 } : p)) };
const trackOne = { ...small, actors: small.actors.filter((a) => a.track === 1) };
const scenarios: Record<string, unknown> = { 'Last run': working, 'all tracks': small, 'Track One only': trackOne };

/** The replicates of each configuration, rebuilt from the tidy CSV, summarised as the model summarises a run. */
function summariesFromTidy(csv: string): Map<string, RunSummary[]> {
  const runs = new Map<string, Map<number, { seed: number; rows: Map<number, Record<string, number>> }>>();
  for (const r of csvParse(csv)) {
    const byRun = runs.get(r.variant!) ?? runs.set(r.variant!, new Map()).get(r.variant!)!;
    const rep = byRun.get(Number(r.replicate)) ?? byRun.set(Number(r.replicate), { seed: Number(r.seed), rows: new Map() }).get(Number(r.replicate))!;
    const row = rep.rows.get(Number(r.tick)) ?? rep.rows.set(Number(r.tick), {}).get(Number(r.tick))!;
    row[r.column!] = Number(r.value);
  }
  const out = new Map<string, RunSummary[]>();
  for (const [name, byRun] of runs) {
    const scenario = parseScenario(scenarios[name]);
    out.set(name, [...byRun].map(([replicate, { seed, rows }]) => {
      const ticks = [...rows.keys()].sort((a, b) => a - b);
      const names = ['run', 'seed', 'tick', ...Object.keys(rows.get(0)!)];
      const cols: Columns = createColumns(names, ticks.length);
      ticks.forEach((t, i) => {
        cols.data.run[i] = replicate;
        cols.data.seed[i] = seed;
        cols.data.tick[i] = t;
        for (const [k, v] of Object.entries(rows.get(t)!)) cols.data[k][i] = v;
      });
      cols.rows = ticks.length;
      return summarizeRun(scenario, cols);
    }));
  }
  return out;
}

describe('the comparison', () => {
  it('gives paired differences with 95 % intervals that the same computation on the exported tidy CSV reproduces exactly', async () => {
    const link = baseURL + (await encodeShare({ v: 2, scenario: working, runs: 10, variants: [{ name: 'all tracks', scenario: small }, { name: 'Track One only', scenario: trackOne }] })).hash;
    const { page, errors } = await openPage(browser.context, link);
    await waitState(page, 'done');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=summary-table] tbody tr').length === 3, undefined, { timeout: 120_000 });
    await page.locator('#summary-section').screenshot({ path: `${SHOTS}/summary.png` });
    // The results come before the charts, at the top of the page.
    const top = await page.$eval('#summary-section', (e) => e.getBoundingClientRect().top);
    expect(top).toBeLessThan(200);
    expect(await page.$eval('[data-testid=baseline]', (e) => (e as HTMLSelectElement).selectedOptions[0].textContent)).toBe('all tracks');

    const tidy = await downloadText(page, '[data-testid=export-comparison]', join(browser.dir, 'tidy.csv'));
    const summary = csvParse(await downloadText(page, '[data-testid=export-summary]', join(browser.dir, 'summary.csv')));
    const fromCSV = summariesFromTidy(tidy);
    expect([...fromCSV.keys()]).toEqual(['Last run', 'all tracks', 'Track One only']);
    const ensemble = (name: string) => ({ summaries: fromCSV.get(name)!, ticksPerYear: base.ticksPerYear ?? 12 });
    for (const name of ['Last run', 'Track One only']) {
      const d = compareRuns(ensemble(name), ensemble('all tracks'));
      expect(d.pairs).toBe(10);
      for (const [key, e] of Object.entries(d.outcomes) as [OutcomeKey, (typeof d.outcomes)[OutcomeKey]][]) {
        const row = summary.find((r) => r.variant === name && r.outcome === key)!;
        expect(Number(row.difference)).toBe(e.mean);
        if (e.n >= 10) expect([Number(row.difference_lo), Number(row.difference_hi)]).toEqual([e.lo, e.hi]);
        else expect([row.difference_lo, row.difference_hi]).toEqual(['', '']);
      }
      // and the page shows the same numbers, rounded
      const peak = d.outcomes.peakX;
      const shown = await page.$eval(`[data-testid=difference-table] tr[data-row="${name === 'Last run' ? 'run' : 'variant-1'}"] td:nth-of-type(2)`, (td) => td.textContent);
      const f = (x: number) => (x < 0 && Math.abs(x).toFixed(2) !== '0.00' ? '−' : x > 0 && x.toFixed(2) !== '0.00' ? '+' : '') + Math.abs(x).toFixed(2);
      expect(shown).toContain(`${f(peak.mean)} (${f(peak.lo)} to ${f(peak.hi)})`);
      expect(shown).toContain('n = 10 pairs');
    }
    // each configuration's own estimates match too (the share that de-escalated with Wilson's interval)
    const own = describeRuns(ensemble('Track One only'));
    const share = summary.find((r) => r.variant === 'Track One only' && r.outcome === 'deescalated')!;
    expect([Number(share.estimate), Number(share.lo), Number(share.hi)]).toEqual([own.deescalated.mean, own.deescalated.lo, own.deescalated.hi]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
