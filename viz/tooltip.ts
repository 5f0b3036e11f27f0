import { bisectLeft, pointer, type ScaleLinear, type Selection } from 'd3';

/** One row of a tooltip: a label, a colour swatch and the value at the hovered x. */
export interface TooltipRow {
  label: string;
  color: string;
  value: (i: number) => string;
}

/**
 * Adds a hover rule and a tooltip to a plot: the nearest index of `xs` under the pointer, with each
 * row's value there. The tooltip is a <title>-free SVG group so it also works on touch screens.
 */
export function attachTooltip(
  plot: Selection<SVGGElement, unknown, null, undefined>,
  xs: ArrayLike<number>,
  x: ScaleLinear<number, number>,
  innerHeight: number,
  heading: (i: number) => string,
  rows: TooltipRow[],
): void {
  const innerWidth = x.range()[1];
  const rule = plot.append('line').attr('y1', 0).attr('y2', innerHeight).attr('stroke', '#333').attr('stroke-dasharray', '2,2').attr('display', 'none').attr('pointer-events', 'none');
  const tip = plot.append('g').attr('class', 'tooltip').attr('display', 'none').attr('pointer-events', 'none');
  const box = tip.append('rect').attr('fill', 'white').attr('stroke', '#666').attr('rx', 3).attr('opacity', 0.95);
  const text = tip.append('text').attr('font-size', 11);
  const arr = Array.from(xs);
  plot.append('rect').attr('width', innerWidth).attr('height', innerHeight).attr('fill', 'transparent')
    .on('pointerleave', () => {
      rule.attr('display', 'none');
      tip.attr('display', 'none');
    })
    .on('pointermove', (event: PointerEvent) => {
      if (!arr.length) return;
      const [px] = pointer(event);
      let i = Math.min(arr.length - 1, bisectLeft(arr, x.invert(px)));
      if (i > 0 && Math.abs(arr[i - 1] - x.invert(px)) < Math.abs(arr[i] - x.invert(px))) i--;
      const cx = x(arr[i]);
      rule.attr('x1', cx).attr('x2', cx).attr('display', null);
      text.selectAll('tspan').remove();
      text.append('tspan').attr('x', 8).attr('dy', '1.2em').attr('font-weight', 600).text(heading(i));
      for (const r of rows) {
        const line = text.append('tspan').attr('x', 8).attr('dy', '1.3em');
        line.append('tspan').attr('fill', r.color).text('■ ');
        line.append('tspan').text(`${r.label}: ${r.value(i)}`);
      }
      const bb = (text.node() as SVGTextElement).getBBox?.() ?? { width: 120, height: 16 * (rows.length + 1) };
      box.attr('width', bb.width + 16).attr('height', bb.height + 10);
      const left = cx + bb.width + 28 > innerWidth ? cx - bb.width - 24 : cx + 8;
      tip.attr('transform', `translate(${Math.max(0, left)},4)`).attr('display', null);
    });
}
