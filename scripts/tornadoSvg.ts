import { format, scaleBand, scaleLinear } from 'd3';

/** One bar of a tornado chart: a factor, its value and, optionally, an interval and a second marker. */
export interface TornadoBar {
  label: string;
  value: number;
  lo?: number;
  hi?: number;
  /** A second measure drawn as a tick on the bar (Morris's σ, or Sobol's S1 beside ST). */
  marker?: number;
}

/** Options of `tornadoSvg`. */
export interface TornadoOptions {
  title: string;
  /** What the bars measure, under the axis. */
  axisLabel: string;
  markerLabel?: string;
  width?: number;
}

/** Coordinates to a tenth of a pixel: smaller files, the same picture. */
const r = (v: number) => Math.round(v * 10) / 10;
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A horizontal bar chart of factors sorted by influence, largest on top (a tornado chart), as a
 * standalone SVG document: bars with their 95 % intervals, and an optional tick per bar.
 * Scales and tick labels come from d3; the markup is written directly (no DOM in a script).
 */
export function tornadoSvg(bars: readonly TornadoBar[], o: TornadoOptions): string {
  const width = o.width ?? 640;
  const margin = { top: 40, right: 24, bottom: 52, left: 190 };
  const rowHeight = 18;
  const height = margin.top + margin.bottom + rowHeight * bars.length;
  const sorted = [...bars].sort((a, b) => b.value - a.value);
  const max = Math.max(1e-12, ...sorted.map((b) => Math.max(b.value, b.hi ?? 0, b.marker ?? 0)));
  const x = scaleLinear().domain([0, max]).nice().range([margin.left, width - margin.right]);
  const y = scaleBand<string>().domain(sorted.map((b) => b.label)).range([margin.top, height - margin.bottom]).padding(0.2);
  const fmt = format('.2~g');
  const ticks = x.ticks(5);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<title>${esc(o.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${margin.left}" y="22" font-size="13" font-weight="bold">${esc(o.title)}</text>`,
    ...ticks.map((t) => `<line x1="${r(x(t))}" x2="${r(x(t))}" y1="${margin.top}" y2="${height - margin.bottom}" stroke="#ddd"/><text x="${r(x(t))}" y="${height - margin.bottom + 14}" text-anchor="middle">${fmt(t)}</text>`),
    `<text x="${(margin.left + width - margin.right) / 2}" y="${height - 18}" text-anchor="middle">${esc(o.axisLabel)}${o.markerLabel ? ` — tick: ${esc(o.markerLabel)}` : ''}</text>`,
  ];
  for (const b of sorted) {
    const top = r(y(b.label)!);
    const h = r(y.bandwidth());
    parts.push(`<text x="${margin.left - 6}" y="${r(top + h / 2 + 4)}" text-anchor="end">${esc(b.label)}</text>`);
    parts.push(`<rect x="${r(x(0))}" y="${top}" width="${r(Math.max(0, x(Math.max(0, b.value)) - x(0)))}" height="${h}" fill="#4c78a8"/>`);
    if (b.lo !== undefined && b.hi !== undefined) {
      const mid = r(top + h / 2);
      parts.push(`<line x1="${r(x(Math.max(0, b.lo)))}" x2="${r(x(Math.max(0, b.hi)))}" y1="${mid}" y2="${mid}" stroke="#222"/>`);
    }
    if (b.marker !== undefined && Number.isFinite(b.marker)) {
      const at = r(x(Math.max(0, b.marker)));
      parts.push(`<line x1="${at}" x2="${at}" y1="${top}" y2="${r(top + h)}" stroke="#e45756" stroke-width="2"/>`);
    }
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
