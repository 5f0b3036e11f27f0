/**
 * lullWindow's cost: a step at 365 ticks a year with the longest window the schema allows against
 * one with the default's, timed over the second year of a run (the first fills the windows). It
 * cost about 100 times as much when every step summed its windows afresh.
 */
import { openRun, parseScenario, type RunSession } from '../sim/index';
import { measure, type Measurement } from './measure';
import { scenarioOf } from './model';

/** A year at 365 ticks: the steps of the second such year are timed. */
const LULL_TICKS = 365;
/** Agents in the timed runs. */
export const LULL_AGENTS = 2000;
/** The windows compared: a short one and the longest. */
export const LULL_WINDOWS = [3, 10_000] as const;

/** Steps per second (median of `reps` samples) at each of LULL_WINDOWS, in that order. */
export function measureLullWindow(reps: number): [Measurement, Measurement] {
  let run: RunSession;
  const [short, long] = LULL_WINDOWS.map((lullWindow) => {
    const s = structuredClone(scenarioOf(LULL_AGENTS));
    s.ticksPerYear = LULL_TICKS;
    s.params = { ...s.params, lullWindow };
    const sc = parseScenario(s);
    process.stderr.write(`bench: lullWindow ${lullWindow} at ${LULL_TICKS} ticks a year…\n`);
    return measure(() => run.advance(), LULL_TICKS, {
      reps,
      warmup: 1,
      prepare: () => {
        run = openRun(sc, { seed: 1, events: false, ticks: 2 * LULL_TICKS });
        run.advance(LULL_TICKS);
      },
    });
  });
  return [short, long];
}
