/*
 * What one step of the model is in calendar time, from the scenario's ticksPerYear, so the page
 * never says "tick" without saying how long it is.
 */

const NAMED: Record<number, string> = { 1: 'year', 2: 'half-year', 4: 'quarter', 12: 'month', 52: 'week', 365: 'day' };

/** The length of one step in words: "month" at 12 a year, "week" at 52, else "1/24 of a year". */
export function stepUnit(ticksPerYear: number): string {
  return NAMED[ticksPerYear] ?? `1/${ticksPerYear} of a year`;
}

/** "one step = one month" (or "one step = 1/24 of a year"). */
export function stepPhrase(ticksPerYear: number): string {
  const u = stepUnit(ticksPerYear);
  return `one step = ${u.startsWith('1/') ? u : `one ${u}`}`;
}

/** A number of steps in words with its length: "24 steps (2 years)". */
export function stepsInWords(steps: number, ticksPerYear: number): string {
  const years = steps / ticksPerYear;
  const y = Number.isInteger(years) ? String(years) : years.toFixed(1);
  return `${steps} step${steps === 1 ? '' : 's'} (${y} year${years === 1 ? '' : 's'})`;
}
