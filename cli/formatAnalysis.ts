import type { AnalysisResult, ReplicateCounts } from '../sim/experiments/analyze';
import type { Limit } from '../sim/experiments/prim';

/** A number to four significant figures, without trailing zeros; null as "–". */
function num(x: number | null): string {
  if (x === null) return '–';
  if (x === 0) return '0';
  return Math.abs(x) >= 1e5 || Math.abs(x) < 1e-4 ? x.toExponential(2) : String(Number(x.toPrecision(4)));
}

const ci = (c: [number, number]) => `[${num(c[0])}, ${num(c[1])}]`;

/** Columns padded to their widest cell, the first left-aligned, the rest right-aligned. */
function table(head: string[], rows: string[][]): string {
  const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
  const line = (r: string[]) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

function replicateLine(r: ReplicateCounts): string {
  const per = r.min === r.max ? `${r.max}` : `${r.min}–${r.max}`;
  return `${r.points} point${r.points === 1 ? '' : 's'} with a value (${r.rows} rows read; replicates with a value per point: ${per}${r.missing ? `; ${r.missing} point${r.missing === 1 ? '' : 's'} without any, left out` : ''})`;
}

function limitText(l: Limit): string {
  return typeof l[0] === 'number' ? `${num(l[0] as number)} … ${num(l[1] as number)}` : `{${(l as string[]).join(', ')}}`;
}

/** The human-readable report of an analysis, with a short note on what its figures mean. */
export function formatAnalysis(r: AnalysisResult): string {
  switch (r.method) {
    case 'morris': {
      const rows = [...r.indices].sort((a, b) => b.muStar - a.muStar).map((i) => [i.factor, num(i.muStar), ci(i.muStar_ci), num(i.mu), num(i.sigma), String(i.effects)]);
      return `Morris screening of ${r.metric}: ${replicateLine(r.replicates)}\n\n`
        + table(['factor', 'mu*', '95 % CI of mu*', 'mu', 'sigma', 'effects'], rows)
        + `\nmu* (the mean absolute elementary effect) ranks the factors' influence; mu is the signed mean
(effects of opposite sign cancel in it); a sigma large beside mu* means the effect depends on where
the other factors are (non-linearity or interactions). An effect is the change in ${r.metric} per
whole range of the factor. Intervals: percentile bootstrap, ${r.bootstrap.resamples} resamples, seed ${r.bootstrap.seed}.\n`;
    }
    case 'sobol': {
      const rows = r.indices.map((i) => [i.factor, num(i.S1), ci(i.S1_ci), num(i.ST), ci(i.ST_ci)]);
      let out = `Sobol' indices of ${r.metric}: ${replicateLine(r.replicates)}; ${r.blocks.used} of ${r.blocks.samples} base samples complete\n\n`
        + table(['factor', 'S1', '95 % CI', 'ST', '95 % CI'], rows);
      if (r.indices.some((i) => i.S2)) {
        const pairs: string[][] = [];
        r.indices.forEach((i, j) => r.indices.slice(j + 1).forEach((o) => pairs.push([`${i.factor} × ${o.factor}`, num(i.S2![o.factor]), ci(i.S2_ci![o.factor])])));
        out += '\n' + table(['pair', 'S2', '95 % CI'], pairs);
      }
      const s2 = r.indices.some((i) => i.S2) ? '\nS2 is the share due to a pair\'s interaction alone.' : '';
      return out + `\nS1 is the share of ${r.metric}'s variance due to the factor alone; ST adds every interaction it
takes part in, so ST − S1 measures its interactions, and a factor with ST near 0 can be fixed
anywhere in its range.${s2} Estimators: Saltelli et al. (2010) for S1, Jansen for ST. Intervals:
percentile bootstrap over base samples, ${r.bootstrap.resamples} resamples, seed ${r.bootstrap.seed}.\n`;
    }
    case 'prim': {
      const cases = `${r.metric} ${r.below ? '≤' : '≥'} ${r.threshold}`;
      let out = `PRIM scenario discovery: cases of interest are points whose mean ${cases}; ${replicateLine(r.replicates)}\n`;
      const boxes = [...new Set(r.trajectory.map((s) => s.box))];
      for (const b of boxes) {
        const steps = r.trajectory.filter((s) => s.box === b);
        out += `\nPeeling and pasting trajectory, box ${b + 1}:\n` + table(['step', 'phase', 'coverage', 'density', 'mass', 'restricted'],
          steps.map((s, i) => [String(i), s.phase, num(s.coverage), num(s.density), num(s.mass), String(s.restricted)]));
      }
      if (!r.boxes.length) out += '\nNo box reaches the density asked for: no region of the factors holds the cases of interest clearly enough.\n';
      r.boxes.forEach((b, i) => {
        out += `\nBox ${i + 1}: coverage ${num(b.coverage)}, density ${num(b.density)}, mass ${num(b.mass)}\n`;
        const lims = Object.entries(b.limits);
        out += lims.length ? table(['factor', 'limits'], lims.map(([f, l]) => [f, limitText(l)])) : '(restricts no factor)\n';
      });
      return out + `\nCoverage is the share of all cases of interest inside a box; density the share of the box's
points that are cases of interest; mass the share of all points inside it. Only the factors a box
restricts are listed: the others may take any value. Each box after the first is sought among the
points outside the earlier ones.\n`;
    }
  }
}
