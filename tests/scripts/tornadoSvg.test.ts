import { describe, expect, it } from 'vitest';
import { tornadoSvg } from '../../scripts/tornadoSvg';

describe('tornadoSvg()', () => {
  const bars = [
    { label: 'small', value: 0.1, lo: 0.05, hi: 0.15, marker: 0.2 },
    { label: 'large', value: 0.9, lo: 0.8, hi: 1.0 },
    { label: 'middle <&>', value: 0.5 },
  ];

  it('tornadoSvg(bars) draws one bar per factor, the largest on top, with escaped labels and its title', () => {
    const svg = tornadoSvg(bars, { title: 'Test chart', axisLabel: 'μ*', markerLabel: 'σ' });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title>Test chart</title>');
    expect(svg).toContain('middle &lt;&amp;&gt;');
    const labels = [...svg.matchAll(/text-anchor="end">([^<]+)</g)].map((m) => m[1]);
    expect(labels).toEqual(['large', 'middle &lt;&amp;&gt;', 'small']);
    const widths = [...svg.matchAll(/<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBeGreaterThan(widths[1]);
    expect(widths[1]).toBeGreaterThan(widths[2]);
    // one interval line per bar that has one, one marker tick
    expect(svg.match(/stroke="#222"/g)).toHaveLength(2);
    expect(svg.match(/stroke="#e45756"/g)).toHaveLength(1);
  });

  it('tornadoSvg() of the same bars gives the same bytes (a reproducible figure)', () => {
    expect(tornadoSvg(bars, { title: 't', axisLabel: 'a' })).toBe(tornadoSvg([...bars].reverse(), { title: 't', axisLabel: 'a' }));
  });
});
