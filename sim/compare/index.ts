/** Ensembles described and compared outcome by outcome, with 95 % confidence intervals. */
export { compareRuns, type RunComparison } from './compareRuns';
export { describeRuns } from './describeRuns';
export { MIN_RUNS_FOR_INTERVAL, OUTCOMES, outcomeValue, type EnsembleRuns, type Outcome, type OutcomeKey } from './outcomes';
