import type { ClaimResult } from './claim';

/** The reported verdict: whether the claim holds at the library's defaults, only in a region, or not at all. */
export type Verdict = 'holds' | 'holds in a region' | 'does not hold' | 'holds, control did not remove it';

/** A claim's verdict at the defaults, or the region a sweep found, or that it does not hold. */
export function verdict(r: ClaimResult): Verdict {
  if (r.holds) return r.control.removed ? 'holds' : 'holds, control did not remove it';
  return r.region && r.region.holdsFrom !== null ? 'holds in a region' : 'does not hold';
}

/**
 * Whether the experiment behaved as the model's mechanisms guarantee: the control removed what it
 * switches off. A headline that does not hold at the defaults is a result, not a failure.
 */
export const mechanismsChecked = (r: ClaimResult) => r.control.removed;

const num = (x: number) => (Math.abs(x) >= 100 || (Math.abs(x) < 1e-3 && x !== 0) ? x.toExponential(2) : x.toFixed(3));
const ci = (e: ClaimResult['effect']) => (e.n > 1 ? `${num(e.mean)} [${num(e.lo)}, ${num(e.hi)}]` : num(e.mean));

/** The region a sweep found, in words: "from σ = 2 (grid: …)". */
export function regionText(r: ClaimResult): string {
  if (!r.region) return '';
  const grid = r.region.grid.map((g) => `${g.value}: ${ci(g.effect)}`).join('; ');
  const from = r.region.holdsFrom === null ? 'nowhere on the grid tried' : `where ${boundText(r)}`;
  return `holds ${from} (effect at each ${r.region.parameter} tried: ${grid})`;
}

/** "σ (synergy) ≥ 2" or "capacity ≤ 0.05": the bound of a region. */
function boundText(r: ClaimResult): string {
  return `${r.region!.parameter} ${r.region!.direction === 'up' ? '≥' : '≤'} ${r.region!.holdsFrom}`;
}

function verdictCell(r: ClaimResult): string {
  const v = verdict(r);
  return v === 'holds in a region' ? `**${v}**: ${boundText(r)}` : `**${v}**`;
}

/** A Markdown table of the claims, then each claim's criterion, control (what it removes and keeps), channels and notes. */
export function claimsMarkdown(results: readonly ClaimResult[]): string {
  const rows = results.map((r) =>
    `| ${r.id} ${r.title} | ${r.effectLabel}: ${ci(r.effect)} | ${r.control.description}: ${ci(r.control.effect)} | ${r.control.removes} | ${verdictCell(r)} |`);
  const details = results.map((r) => [
    `### ${r.id} ${r.title}`,
    '',
    `- Compared: ${r.compared}.`,
    `- Criterion: ${r.criterion}.`,
    `- Effect at the library's defaults (95 % interval): ${ci(r.effect)} — ${r.effectLabel}. Verdict: **${verdict(r)}**.`,
    ...(r.region ? [`- Region (sweep): ${regionText(r)}.`] : []),
    `- Control: ${r.control.description} → ${ci(r.control.effect)}; ${r.control.outcome ?? (r.control.removed ? 'the effect is gone' : 'the effect remains')}${r.control.removed ? '' : ' — not as the mechanism predicts'}.`,
    `  - removes: ${r.control.removes}`,
    `  - keeps: ${r.control.keeps}`,
    ...r.channels.map((c) => `- Channel off — ${c.description} (removes ${c.removes}): ${ci(c.effect)}`),
    ...r.notes.map((n) => `- ${n}`),
  ].join('\n'));
  return [
    '| Claim | Effect at defaults [95 % interval] | Control | What the control removes | Verdict |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    ...details.flatMap((d) => [d, '']),
  ].join('\n');
}

/** A plain-text table for the terminal: claim, effect with interval, control, verdict (with its region). */
export function claimsText(results: readonly ClaimResult[]): string {
  const lines = results.map((r) => [`${r.id} ${r.title}`, ci(r.effect), ci(r.control.effect),
    verdict(r) === 'holds in a region' ? `holds in a region: ${boundText(r)}` : verdict(r)]);
  const head = ['claim', 'effect [95 % interval]', 'control', 'verdict'];
  const widths = head.map((h, k) => Math.max(h.length, ...lines.map((l) => l[k].length)));
  const fmt = (l: string[]) => l.map((c, k) => c.padEnd(widths[k])).join('  ').trimEnd();
  return [fmt(head), ...lines.map(fmt)].join('\n') + '\n';
}
