// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { escalationChart } from '../../viz/escalationChart';
import { histogramChart } from '../../viz/histogramChart';
import { lineChart } from '../../viz/lineChart';
import { powerBaseChart } from '../../viz/powerBaseChart';
import { smallMultiples } from '../../viz/smallMultiples';
import { trackOneTimeline } from '../../viz/trackOneTimeline';
import { chartSVG } from '../../viz/exportChart';

const container = () => {
  const div = document.createElement('div');
  document.body.append(div);
  return div;
};
const years = Float64Array.from({ length: 13 }, (_, i) => i / 12);
const X = Float64Array.from(years, (t) => 0.1 + 0.6 * t);

/** The y pixel of each vertex of a path made of M/L commands. */
function pathYs(d: string): number[] {
  return [...d.matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)].map((m) => Number(m[2]));
}

describe('escalationChart', () => {
  it('escalationChart(container, data) draws one line vertex per tick on a 0–1 axis with nine Glasl bands', () => {
    const c = container();
    const svg = escalationChart(c, { years, series: [{ name: 'run 0', values: X }] }, { width: 600, height: 300 });
    const line = svg.querySelector('path.line')!;
    const ys = pathYs(line.getAttribute('d')!);
    expect(ys).toHaveLength(13);
    // Rising X draws upwards: pixel y falls.
    expect(ys[12]).toBeLessThan(ys[0]);
    const stages = svg.querySelectorAll('.glasl rect');
    expect(stages).toHaveLength(9);
    expect([...svg.querySelectorAll('.glasl text')].map((t) => t.textContent)).toEqual(expect.arrayContaining(['stage 1', 'stage 9', 'win-win', 'win-lose', 'lose-lose']));
    // The y axis runs 0…1: stage 1's band starts at the X = 0 line, stage 9's ends at X = 1.
    const heights = [...stages].map((r) => Number(r.getAttribute('height')));
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(1e-9);
  });

  it('escalationChart(container, data) draws 50 % and 90 % bands and names them in the legend', () => {
    const c = container();
    const lo = X.map((v) => v - 0.1);
    const hi = X.map((v) => v + 0.1);
    const svg = escalationChart(c, { years, series: [{ name: 'median', values: X, band50: [X, X], band90: [lo, hi] }] });
    expect(svg.querySelectorAll('path.band')).toHaveLength(2);
    expect([...svg.querySelectorAll('.legend text')].map((t) => t.textContent)).toEqual(['median', '50 % band', '90 % band']);
  });

  it('escalationChart(container, data, {stages: false}) leaves Glasl\'s stages out', () => {
    const svg = escalationChart(container(), { years, series: [{ name: 'a', values: X }] }, { stages: false });
    expect(svg.querySelectorAll('.glasl rect')).toHaveLength(0);
  });
});

describe('lineChart', () => {
  it('lineChart(container, data) draws a series per entry, dashed where asked, with axis labels and units', () => {
    const svg = lineChart(container(), { years, series: [{ name: 'a', values: X }, { name: 'b', values: X, dash: true }] }, { yLabel: 'level (0–1)' });
    const lines = svg.querySelectorAll('path.line');
    expect(lines).toHaveLength(2);
    expect(lines[1].getAttribute('stroke-dasharray')).toBe('5,3');
    expect(lines[0].getAttribute('stroke')).not.toBe(lines[1].getAttribute('stroke'));
    const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent);
    expect(texts).toContain('level (0–1)');
    expect(texts).toContain('time (years)');
  });

  it('lineChart(container, data) scales y to the data when no domain is given', () => {
    const big = X.map((v) => v * 100);
    const svg = lineChart(container(), { years, series: [{ name: 'a', values: big }] }, { height: 300 });
    const ticks = [...svg.querySelectorAll('.tick text')].map((t) => Number(t.textContent?.replace(/,/g, '')));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(70);
  });

  it('lineChart(container, data, {yInteger: true}) puts only whole numbers on a count axis, whatever the largest count', () => {
    for (const top of [0, 1, 2, 3, 7, 40]) {
      const counts = Float64Array.from(years, (_, i) => (i === 5 ? top : 0));
      const svg = lineChart(container(), { years, series: [{ name: 'incidents', values: counts }] }, { height: 300, yInteger: true });
      const yTicks = [...svg.querySelectorAll('g:not([transform]) > .tick text')].map((t) => t.textContent ?? '');
      expect(yTicks.length, `top ${top}`).toBeGreaterThan(1);
      for (const t of yTicks) expect(t, `top ${top}`).toMatch(/^\d+$/);
    }
  });

  it('lineChart(container, data, {xFormat}) formats the time axis (calendar years) and the label', () => {
    const dated = Float64Array.from(years, (y) => 1960 + 3 * y);
    const svg = lineChart(container(), { years: dated, series: [{ name: 'a', values: X }] }, { width: 600, xFormat: (y) => `Y${y}`, xLabel: 'year' });
    const xTicks = [...svg.querySelectorAll('.tick text')].map((t) => t.textContent ?? '').filter((t) => t.startsWith('Y'));
    expect(xTicks).toContain('Y1961');
    expect(svg.textContent).toContain('year');
  });
});

describe('trackOneTimeline', () => {
  it('trackOneTimeline(container, data) draws talks and settlement spans and a marker per signing and collapse', () => {
    const trackOne = Float64Array.from([0, 1, 1, 2, 2, 2, 0, 1, 2, 2, 0, 0, 0]);
    const settlements = Float64Array.from([0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2]);
    const collapses = Float64Array.from([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2]);
    const svg = trackOneTimeline(container(), { years, trackOne, settlements, collapses });
    expect(svg.querySelectorAll('rect.talks')).toHaveLength(2);
    expect(svg.querySelectorAll('rect.settled')).toHaveLength(2);
    expect(svg.querySelectorAll('path.signing')).toHaveLength(2);
    expect(svg.querySelectorAll('path.collapse')).toHaveLength(2);
  });
});

describe('powerBaseChart', () => {
  it('powerBaseChart(container, data) stacks one layer per track, the top layer reaching the sum', () => {
    const layers = [1, 2, 3, 4].map((k) => ({ name: `Track ${k + 1}`, values: Float64Array.from(years, () => k * 0.1) }));
    const svg = powerBaseChart(container(), { years, layers });
    expect(svg.querySelectorAll('path.layer')).toHaveLength(4);
    expect([...svg.querySelectorAll('.legend text')].map((t) => t.textContent)).toEqual(['Track 2', 'Track 3', 'Track 4', 'Track 5']);
  });
});

describe('histogramChart', () => {
  it('histogramChart(container, data) draws bins × parties bars in each of the anger and fear panels, heights by share', () => {
    const anger = Float64Array.from([0.5, 0.25, 0.25, 0]);
    const fear = Float64Array.from([1, 0, 0, 0]);
    const svg = histogramChart(container(), { tick: 5, parties: [{ name: 'A', anger, fear }, { name: 'B', anger: fear, fear: anger }] });
    const anger0 = [...svg.querySelectorAll('.panel-anger rect.bar')];
    expect(anger0).toHaveLength(8);
    const h = anger0.map((r) => Number(r.getAttribute('height')));
    // Party A's first bin (0.5) is twice as tall as its second (0.25); its last is empty.
    expect(h[0]).toBeCloseTo(2 * h[1], 6);
    expect(h[3]).toBe(0);
    expect(svg.querySelector('.title')?.textContent).toContain('tick 5');
  });
});

describe('smallMultiples', () => {
  it('smallMultiples(container, years, series) draws one titled escalation chart per series', () => {
    const c = container();
    const svgs = smallMultiples(c, years, [{ name: 'Track One only', values: X }, { name: 'all five', values: X }]);
    expect(svgs).toHaveLength(2);
    expect(svgs.map((s) => s.querySelector('.title')?.textContent)).toEqual(['Track One only', 'all five']);
  });
});

describe('chartSVG', () => {
  it('chartSVG(svg) gives standalone SVG markup without the tooltip', () => {
    const svg = escalationChart(container(), { years, series: [{ name: 'a', values: X }] });
    const text = chartSVG(svg);
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).not.toContain('class="tooltip"');
  });
});
