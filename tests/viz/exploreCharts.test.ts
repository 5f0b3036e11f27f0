// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { heatmapChart } from '../../viz/heatmapChart';
import { morrisChart } from '../../viz/morrisChart';
import { outcomeChart } from '../../viz/outcomeChart';
import { sobolChart } from '../../viz/sobolChart';
import { tornadoChart } from '../../viz/tornadoChart';
import { chartSVG } from '../../viz/exportChart';

const container = () => {
  const div = document.createElement('div');
  document.body.append(div);
  return div;
};

describe('outcomeChart', () => {
  it('outcomeChart(container, data) draws a point per level with an estimate, a ribbon where there are intervals, and the value, interval and n as each point\'s title', () => {
    const est = (mean: number, interval: boolean) => ({ mean, lo: mean - 0.1, hi: mean + 0.1, n: interval ? 10 : 3, interval });
    const svg = outcomeChart(container(), { levels: [0, 0.5, 1, 1.5], estimates: [est(0.2, true), est(0.3, true), undefined, est(0.5, false)] }, { xLabel: 'synergy', width: 500 });
    const points = [...svg.querySelectorAll('circle')];
    expect(points.map((c) => c.getAttribute('data-level'))).toEqual(['0', '0.5', '1.5']);
    // higher means draw higher
    expect(Number(points[2].getAttribute('cy'))).toBeLessThan(Number(points[0].getAttribute('cy')));
    expect(svg.querySelectorAll('path.ribbon')).toHaveLength(1);
    expect(points[0].querySelector('title')!.textContent).toBe('synergy 0: 0.2 (95 % CI 0.1–0.3), n = 10');
    expect(points[2].querySelector('title')!.textContent).toBe('synergy 1.5: 0.5 (too few runs for an interval), n = 3');
    expect(chartSVG(svg)).toMatch(/^<\?xml/);
  });

  it('outcomeChart(container, data) puts choices on a point axis, in the order given', () => {
    const svg = outcomeChart(container(), { levels: ['lull', 'peak'], estimates: [{ mean: 1, lo: 1, hi: 1, n: 1, interval: false }, { mean: 2, lo: 2, hi: 2, n: 1, interval: false }] });
    const xs = [...svg.querySelectorAll('circle')].map((c) => Number(c.getAttribute('cx')));
    expect(xs[1]).toBeGreaterThan(xs[0]);
    expect([...svg.querySelectorAll('.tick text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['lull', 'peak']));
  });
});

describe('heatmapChart', () => {
  it('heatmapChart(container, data) draws one cell per pair of levels with a value, its value and n in data attributes and title', () => {
    const cells = [[{ value: 0.1, n: 4 }, { value: 0.9, n: 4 }], [undefined, { value: 0.5, n: 3 }]];
    const svg = heatmapChart(container(), { xLevels: [0, 1], yLevels: ['a', 'b'], cells }, { xLabel: 'x', yLabel: 'y', valueLabel: 'share', width: 400 });
    const rects = [...svg.querySelectorAll('rect[data-n]')];
    expect(rects.map((r) => [r.getAttribute('data-x'), r.getAttribute('data-y'), r.getAttribute('data-n')])).toEqual([['0', 'a', '4'], ['0', 'b', '4'], ['1', 'b', '3']]);
    expect(rects[1].querySelector('title')!.textContent).toBe('x 0, y b: share 0.9, n = 4');
    // the highest value and the lowest get different colours
    expect(rects[0].getAttribute('fill')).not.toBe(rects[1].getAttribute('fill'));
    expect(svg.querySelectorAll('.colorbar rect').length).toBeGreaterThan(10);
  });
});

describe('sensitivity charts', () => {
  const indices = [
    { factor: 'a', muStar: 0.1, sigma: 0.05, ci: [0.05, 0.15] as [number, number] },
    { factor: 'b', muStar: 0.4, sigma: 0.3, ci: [0.3, 0.5] as [number, number] },
    { factor: 'c', muStar: 0.2, sigma: null, ci: null },
  ];

  it('morrisChart(container, points) places each factor by μ* and σ, labelled', () => {
    const svg = morrisChart(container(), indices, { width: 400 });
    const g = [...svg.querySelectorAll('g.factor')];
    expect(g.map((x) => x.getAttribute('data-factor'))).toEqual(['a', 'b', 'c']);
    const cx = g.map((x) => Number(x.querySelector('circle')!.getAttribute('cx')));
    expect(cx[1]).toBeGreaterThan(cx[2]);
    expect(cx[2]).toBeGreaterThan(cx[0]);
    expect(g[2].querySelector('title')!.textContent).toBe('c: μ* 0.2, σ —');
  });

  it('tornadoChart(container, bars) ranks the factors, largest first, with whiskers where there are intervals', () => {
    const svg = tornadoChart(container(), indices.map((i) => ({ factor: i.factor, value: i.muStar, ci: i.ci })));
    expect([...svg.querySelectorAll('g.bar')].map((b) => b.getAttribute('data-factor'))).toEqual(['b', 'c', 'a']);
    expect(svg.querySelectorAll('line.whisker')).toHaveLength(2);
  });

  it('sobolChart(container, bars) draws first and total order per factor, ranked by total order', () => {
    const svg = sobolChart(container(), [
      { factor: 'a', S1: 0.1, S1_ci: [0, 0.2], ST: 0.2, ST_ci: [0.1, 0.3] },
      { factor: 'b', S1: 0.5, S1_ci: [0.4, 0.6], ST: 0.7, ST_ci: [0.6, 0.8] },
    ]);
    expect([...svg.querySelectorAll('g.factor')].map((b) => b.getAttribute('data-factor'))).toEqual(['b', 'a']);
    expect([...svg.querySelectorAll('rect.S1')].map((r) => Number(r.getAttribute('data-value')))).toEqual([0.5, 0.1]);
    expect(svg.querySelectorAll('rect.ST')).toHaveLength(2);
  });
});
