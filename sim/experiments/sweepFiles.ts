/** The files of a sweep's output: what `detente sweep` writes into its directory and the web app offers for download. */
export const SWEEP_FILES = {
  manifest: 'manifest.json',
  runs: 'runs.csv',
  series: 'series.csv',
  failures: 'failures.csv',
  runsParquet: 'runs.parquet',
  seriesParquet: 'series.parquet',
} as const;
