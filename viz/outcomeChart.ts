import { area, axisBottom, axisLeft, format, line, scaleLinear, scalePoint } from 'd3';
import { chartFrame, type FrameOptions } from './chartFrame';
import { seriesColor } from './palette';

/** An estimate at one level of the factor: a mean or share with its 95 % interval (when there are enough runs) and the runs behind it. */
export interface LevelEstimate {
  mean: number;
  lo: number;
  hi: number;
  n: number;
  /** Whether [lo, hi] is an interval (enough runs); a ribbon is drawn only there. */
  interval: boolean;
}

/** An outcome over one factor: the factor's levels (numbers, or choices) and the estimate at each (undefined where no run is in yet). */
export interface OutcomeData {
  levels: ReadonlyArray<number | string>;
  estimates: ReadonlyArray<LevelEstimate | undefined>;
}

/** Options of `outcomeChart`; the y domain defaults to the data's (with the intervals), from 0. */
export interface OutcomeChartOptions extends FrameOptions {
  xLabel?: string;
  yLabel?: string;
  yDomain?: [number, number];
  color?: string;
  valueFormat?: (v: number) => string;
}

/**
 * An outcome against a factor: the mean at each level as a line with points, and its 95 %
 * confidence interval as a ribbon wherever the runs are enough for one. Numeric levels sit on a
 * linear axis, choices on a point axis. Each point carries its value, interval and n as a
 * <title>, which browsers show on hover and screen readers read.
 */
export function outcomeChart(container: HTMLElement, data: OutcomeData, o: OutcomeChartOptions = {}): SVGSVGElement {
  const f = chartFrame(container, { height: 220, margin: { top: 28, right: 16, bottom: 42, left: 52 }, ...o });
  const numeric = data.levels.every((v) => typeof v === 'number');
  const at = data.levels.map((_, i) => i).filter((i) => data.estimates[i]);
  const est = (i: number) => data.estimates[i]!;
  const xNum = scaleLinear().domain(numeric && data.levels.length ? [Math.min(...(data.levels as number[])), Math.max(...(data.levels as number[]))] : [0, 1]).range([0, f.innerWidth]);
  const xCat = scalePoint<string>().domain(data.levels.map(String)).range([0, f.innerWidth]).padding(0.5);
  const x = (i: number) => (numeric ? xNum(data.levels[i] as number) : (xCat(String(data.levels[i])) ?? 0));
  const top = Math.max(1e-9, ...at.map((i) => (est(i).interval ? est(i).hi : est(i).mean)));
  const y = scaleLinear().domain(o.yDomain ?? [0, top]).nice().range([f.innerHeight, 0]);
  const color = o.color ?? seriesColor(0);
  const fmt = o.valueFormat ?? format('.3~f');
  f.plot.append('g').attr('transform', `translate(0,${f.innerHeight})`).call(numeric ? axisBottom(xNum).ticks(Math.max(2, Math.floor(f.innerWidth / 70))) : axisBottom(xCat));
  f.plot.append('g').call(axisLeft(y).ticks(Math.max(2, Math.floor(f.innerHeight / 40))));
  f.plot.append('text').attr('x', f.innerWidth).attr('y', f.innerHeight + 36).attr('text-anchor', 'end').attr('font-size', 11).text(o.xLabel ?? '');
  f.plot.append('text').attr('transform', 'rotate(-90)').attr('x', 0).attr('y', -40).attr('text-anchor', 'end').attr('font-size', 11).text(o.yLabel ?? '');
  const ribbon = at.filter((i) => est(i).interval);
  // a ribbon over each run of consecutive levels that have an interval
  const pieces: number[][] = [];
  for (const i of ribbon) {
    const last = pieces[pieces.length - 1];
    if (last && last[last.length - 1] === i - 1) last.push(i);
    else pieces.push([i]);
  }
  for (const p of pieces) {
    f.plot.append('path').attr('class', 'ribbon').attr('fill', color).attr('opacity', 0.2)
      .attr('d', area<number>().x(x).y0((i) => y(est(i).lo)).y1((i) => y(est(i).hi))(p.length > 1 ? p : [p[0], p[0]]));
  }
  f.plot.append('path').attr('class', 'line').attr('fill', 'none').attr('stroke', color).attr('stroke-width', 2)
    .attr('d', line<number>().x(x).y((i) => y(est(i).mean))(at));
  const points = f.plot.append('g').attr('class', 'points');
  for (const i of at) {
    const e = est(i);
    const c = points.append('circle').attr('cx', x(i)).attr('cy', y(e.mean)).attr('r', 3.5).attr('fill', color)
      .attr('data-level', String(data.levels[i])).attr('data-mean', e.mean).attr('data-n', e.n);
    c.append('title').text(`${o.xLabel ?? 'level'} ${data.levels[i]}: ${fmt(e.mean)}${e.interval ? ` (95 % CI ${fmt(e.lo)}–${fmt(e.hi)})` : ' (too few runs for an interval)'}, n = ${e.n}`);
  }
  return f.svg.node() as SVGSVGElement;
}
