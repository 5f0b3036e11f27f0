import { select, type Selection } from 'd3';

/** Sizes of a chart: outer width and height in px and margins. */
export interface FrameOptions {
  width?: number;
  height?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
  /** Title drawn at the top left and used as the SVG's accessible name. */
  title?: string;
}

/** An SVG with a title and a plot area translated by the margins. */
export interface Frame {
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  plot: Selection<SVGGElement, unknown, null, undefined>;
  width: number;
  height: number;
  innerWidth: number;
  innerHeight: number;
}

/**
 * Clears `container` and draws an empty chart frame. The SVG scales with its container through its
 * viewBox; its width defaults to the container's so text stays at its nominal size. Styles are
 * presentation attributes, not CSS, so an exported SVG looks the same outside the page.
 */
export function chartFrame(container: HTMLElement, o: FrameOptions = {}): Frame {
  const width = Math.max(280, o.width ?? (container.clientWidth || 640));
  const height = o.height ?? 260;
  const margin = o.margin ?? { top: 28, right: 16, bottom: 40, left: 52 };
  container.replaceChildren();
  const svg = select(container).append('svg')
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('height', height)
    .attr('role', 'img')
    .attr('font-family', 'system-ui, sans-serif')
    .attr('font-size', 12)
    .style('max-width', '100%')
    .style('height', 'auto');
  if (o.title) {
    svg.attr('aria-label', o.title);
    svg.append('text').attr('class', 'title').attr('x', 4).attr('y', 16).attr('font-weight', 600).attr('font-size', 13).text(o.title);
  }
  const plot = svg.append('g').attr('transform', `translate(${margin.left},${margin.top})`);
  return { svg, plot, width, height, innerWidth: width - margin.left - margin.right, innerHeight: height - margin.top - margin.bottom };
}
