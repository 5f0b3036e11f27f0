import { axisBottom, type Axis, type NumberValue, type ScaleLinear } from 'd3';

/** The time axis at the bottom of a chart: about one tick per 70 px, formatted by `format` when given (e.g. calendar years). */
export function timeAxis(x: ScaleLinear<number, number>, innerWidth: number, format?: (year: number) => string): Axis<NumberValue> {
  const a = axisBottom(x).ticks(Math.max(2, Math.floor(innerWidth / 70)));
  return format ? a.tickFormat((v) => format(Number(v))) : a;
}
