/** Experiments: the experiment format, designs, and their analyses (pure: no Node APIs, so the web app can use them too). */
export { Experiment, Factor, Design as DesignSchema, Metric, validateExperiment, formatIssues, metricName, designSize, METRIC_NAMES, COLUMN_STATS, RESERVED_COLUMNS, MAX_POINTS, MAX_FACTORS, SOBOL_MAX_FACTORS, type ExperimentData, type ExperimentInput, type FactorData, type DesignData, type MetricData } from './experiment';
export { buildDesign, type Design, type DesignPoint, type MorrisLayout } from './design';
export { factorValue, gridValues } from './factorValue';
export { sobolPoints } from './sobolSequence';
export { saltelliRow, type SaltelliLayout } from './saltelli';
export type { MorrisTrajectory } from './morrisTrajectories';
export { pointOverrides, isIntegerField } from './pointOverrides';
export { analyze, METHODS, type AnalyzeOptions, type AnalysisResult, type DataTable, type Method, type ReplicateCounts } from './analyze';
export { AnalysisError } from './analysisError';
export type { MorrisIndex } from './morrisAnalysis';
export type { SobolIndex } from './sobolAnalysis';
export type { PrimBox, TrajectoryStep, Limit } from './prim';
export { designCSV } from './designCSV';
