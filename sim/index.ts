/** Détente's model: the public API shared by the CLI, the worker and the tests. */
export { Scenario, Params, Party, Actor, Network, Kernel, type ScenarioData, type ScenarioInput, type ActorData, type PartyData, type ParamsData } from './scenario/schema';
export { validateScenario, parseScenario, ScenarioError, estimateMemory, type ValidationIssue, type ValidationResult } from './scenario/validate';
export { applyOverrides, parseOverride, OverrideError, type Override } from './scenario/overrides';
export { fieldDoc, type FieldDoc } from './scenario/doc';
export { compileKernel, KernelError } from './kernel';
export { run, createSimulation, summarizeRun, type RunOptions, type RunResult, type Simulation } from './run';
export { step } from './step';
export { observe, columnNames, createColumns, distributions, type Columns } from './observe';
export { summarize, SUMMARY_COLUMNS, type RunSummary } from './summary';
export { replicateSeed } from './rng';
export { glaslStage, glaslPhase } from './rules/escalation';
export * from './state';
export { toCSV, csvHeader, csvBody, summariesCSV } from './csv';
export { runEnsemble, ensembleStats, bands, interval, type EnsembleStats, type Bands, type Interval } from './ensemble';
