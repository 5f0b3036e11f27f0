import type { ClaimResult } from './claim';

/** Whether a claim passes: it holds, and switching its mechanism off removes it. */
export function verdict(r: ClaimResult): 'holds' | 'fails' | 'holds, control did not remove it' {
  if (!r.holds) return 'fails';
  return r.control.removed ? 'holds' : 'holds, control did not remove it';
}

export const passes = (r: ClaimResult) => r.holds && r.control.removed;

const num = (x: number) => (Math.abs(x) >= 100 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : x.toFixed(3));
const ci = (e: ClaimResult['effect']) => (e.n > 1 ? `${num(e.mean)} [${num(e.lo)}, ${num(e.hi)}]` : num(e.mean));

/** A Markdown table of the claims, then each claim's criterion, control and notes. */
export function claimsMarkdown(results: readonly ClaimResult[]): string {
  const rows = results.map((r) =>
    `| ${r.id} ${r.title} | ${r.compared} | ${r.effectLabel}: ${ci(r.effect)} | ${r.control.description}: ${ci(r.control.effect)} | **${verdict(r)}** |`);
  const details = results.map((r) => [
    `### ${r.id} ${r.title}`,
    '',
    `- Criterion: ${r.criterion}.`,
    `- Effect (95 % interval): ${ci(r.effect)} — ${r.effectLabel}.`,
    `- Control: ${r.control.description} → ${ci(r.control.effect)}; ${r.control.outcome ?? (r.control.removed ? 'the effect is gone' : 'the effect remains')}${r.control.removed ? '' : ' — not as the mechanism predicts'}.`,
    ...r.notes.map((n) => `- ${n}`),
  ].join('\n'));
  return [
    '| Claim | Compared | Effect [95 % interval] | Control | Verdict |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...details.flatMap((d) => [d, '']),
  ].join('\n');
}

/** A plain-text table for the terminal: claim, effect with interval, control, verdict. */
export function claimsText(results: readonly ClaimResult[]): string {
  const lines = results.map((r) => [`${r.id} ${r.title}`, ci(r.effect), ci(r.control.effect), verdict(r)]);
  const head = ['claim', 'effect [95 % interval]', 'control', 'verdict'];
  const widths = head.map((h, k) => Math.max(h.length, ...lines.map((l) => l[k].length)));
  const fmt = (l: string[]) => l.map((c, k) => c.padEnd(widths[k])).join('  ').trimEnd();
  return [fmt(head), ...lines.map(fmt)].join('\n') + '\n';
}
