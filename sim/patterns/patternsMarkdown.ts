import type { PatternResult } from './pattern';

const num = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/** A Markdown table of the stylised facts (fact, source, measure, value, verdict), then each one's notes. */
export function patternsMarkdown(results: readonly PatternResult[]): string {
  const value = (r: PatternResult) => (r.value.n > 1 ? `${num(r.value.mean)} [${num(r.value.lo)}, ${num(r.value.hi)}]` : num(r.value.mean));
  return [
    '| Fact | Source | Measured | Value [95 % interval] | Criterion | Verdict |',
    '|---|---|---|---|---|---|',
    ...results.map((r) => `| ${r.id} ${r.title}: ${r.fact} | ${r.source} | ${r.measure} | ${value(r)} | ${r.criterion} | **${r.holds ? 'holds' : 'does not hold'}** |`),
    '',
    ...results.flatMap((r) => r.notes.map((n) => `- ${r.id}: ${n}`)),
  ].join('\n');
}
