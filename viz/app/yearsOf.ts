import { stepPhrase } from './timeUnit';

/** What the page needs of a scenario to draw its time axis. */
export interface TimeScenario {
  ticksPerYear: number;
  ticks: number;
  /** Calendar year at tick 0, when the scenario has a calendar. */
  startYear?: number;
}

/**
 * The time axis of a run in years: row i is tick i, at `ticksPerYear` ticks a year, counted from
 * the scenario's startYear when it has one (so the axis shows dates), else from 0.
 */
export function yearsOf(scenario: Pick<TimeScenario, 'ticksPerYear' | 'startYear'>, rows: number): Float64Array {
  const y = new Float64Array(rows);
  const y0 = scenario.startYear ?? 0;
  for (let i = 0; i < rows; i++) y[i] = y0 + i / scenario.ticksPerYear;
  return y;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A calendar date in words: 1965 → "1965", 1962.25 → "Apr 1962" (the month the step falls in). */
export function calendarDate(year: number): string {
  const whole = Math.floor(year + 1e-9);
  const month = Math.floor((year - whole) * 12 + 1e-9);
  return month <= 0 ? String(whole) : `${MONTHS[Math.min(11, month)]} ${whole}`;
}

/** The time axis's domain, label and tick format for a scenario's charts. */
export interface TimeAxisOptions {
  xDomain: [number, number];
  xLabel: string;
  xFormat?: (year: number) => string;
}

/** The time axis of `scenario`'s charts: dates when it has a calendar, else years from the start; the label says what one step is. */
export function timeAxisOf(scenario: TimeScenario): TimeAxisOptions {
  const y0 = scenario.startYear ?? 0;
  const xDomain: [number, number] = [y0, y0 + scenario.ticks / scenario.ticksPerYear];
  const step = stepPhrase(scenario.ticksPerYear);
  return scenario.startYear === undefined
    ? { xDomain, xLabel: `years from the start (${step})` }
    : { xDomain, xLabel: `year (${step})`, xFormat: calendarDate };
}
