/** The time axis of a run in years: row i is tick i, at `ticksPerYear` ticks a year. */
export function yearsOf(scenario: { ticksPerYear: number }, rows: number): Float64Array {
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) y[i] = i / scenario.ticksPerYear;
  return y;
}
