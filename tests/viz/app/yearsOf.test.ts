import { describe, expect, it } from 'vitest';
import { stepPhrase, stepsInWords, stepUnit } from '../../../viz/app/timeUnit';
import { calendarDate, timeAxisOf, yearsOf } from '../../../viz/app/yearsOf';

describe('time in words', () => {
  it('stepPhrase(ticksPerYear) says what one step is, from the scenario, not a fixed month', () => {
    expect(stepPhrase(12)).toBe('one step = one month');
    expect(stepPhrase(52)).toBe('one step = one week');
    expect(stepPhrase(24)).toBe('one step = 1/24 of a year');
    expect(stepUnit(1)).toBe('year');
    expect(stepsInWords(24, 12)).toBe('24 steps (2 years)');
  });

  it('yearsOf(scenario, rows) counts from startYear when the scenario has a calendar, else from 0', () => {
    expect(Array.from(yearsOf({ ticksPerYear: 4 }, 3))).toEqual([0, 0.25, 0.5]);
    expect(Array.from(yearsOf({ ticksPerYear: 4, startYear: 1960 }, 3))).toEqual([1960, 1960.25, 1960.5]);
  });

  it('calendarDate(year) is the year at a whole year and the month within it otherwise', () => {
    expect(calendarDate(1965)).toBe('1965');
    expect(calendarDate(1962 + 3 / 12)).toBe('Apr 1962');
    expect(calendarDate(1962 + 11 / 12)).toBe('Dec 1962');
  });

  it('timeAxisOf(scenario) gives dates and "year" with a calendar, years from the start without; both say what a step is', () => {
    const cold = timeAxisOf({ ticksPerYear: 12, ticks: 360, startYear: 1960 });
    expect(cold.xDomain).toEqual([1960, 1990]);
    expect(cold.xLabel).toBe('year (one step = one month)');
    expect(cold.xFormat?.(1975)).toBe('1975');
    const plain = timeAxisOf({ ticksPerYear: 52, ticks: 104 });
    expect(plain.xDomain).toEqual([0, 2]);
    expect(plain.xLabel).toBe('years from the start (one step = one week)');
    expect(plain.xFormat).toBeUndefined();
  });
});
