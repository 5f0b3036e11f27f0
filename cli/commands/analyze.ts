import { integerFlag, InputError, UsageError, type Command } from '../command';

const METHODS = ['morris', 'sobol', 'prim'];
const DEFAULT_RESAMPLES = 1000;

function numberFlag(values: Record<string, unknown>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const x = Number(String(raw).trim());
  if (String(raw).trim() === '' || !Number.isFinite(x)) throw new UsageError(`--${name} must be a number; got "${raw}"`);
  return x;
}

/** `detente analyze <experiment.json> --data FILE --method … --metric NAME`: Morris, Sobol' or PRIM on a design's results. */
export const analyze: Command = {
  name: 'analyze',
  summary: 'sensitivity analysis (Morris, Sobol\') or scenario discovery (PRIM) of a design\'s results',
  positionals: { min: 1, max: 1, names: 'an experiment file: detente analyze <experiment.json> --data FILE --method morris|sobol|prim --metric NAME' },
  options: {
    data: { type: 'string' },
    method: { type: 'string' },
    metric: { type: 'string' },
    json: { type: 'boolean' },
    threshold: { type: 'string' },
    below: { type: 'boolean' },
    'second-order': { type: 'boolean' },
    'min-density': { type: 'string' },
    resamples: { type: 'string' },
  },
  help: `Usage: detente analyze <experiment.json> --data FILE --method morris|sobol|prim --metric NAME
                       [--json] [--threshold X] [--below] [--min-density D] [--second-order]
                       [--resamples N]

Reads results of the experiment's design — a sweep's runs.csv or runs.parquet, or a CSV (or
Parquet) file another program wrote for detente sample's points — with a "point" column and a
column for the metric. Rows of the same point are replicates: they are averaged over those where
the metric is defined (empty cells are undefined; true/false count as 1/0), and the count is
reported. Factor columns, where the data has them, must hold the design's values. Then:

  morris   per factor mu, mu* (with a bootstrap 95 % interval) and sigma of the elementary effects
           (needs a morris design)
  sobol    per factor first-order S1 and total-order ST Sobol' indices with bootstrap 95 %
           intervals (needs a sobol design); --second-order adds S2 (needs "secondOrder": true)
  prim     scenario discovery: a point is a case of interest when its mean metric is ≥ --threshold
           (default 0.5; --below: ≤); prints the peeling trajectory and the boxes found, with
           coverage, density and the limits of the factors each restricts

Bootstrap resampling is seeded with the experiment's seed, so the output is the same every time.

Options:
  --data FILE        the results (CSV with a header line, or Parquet)
  --method M         morris, sobol or prim
  --metric NAME      the column to analyse
  --json             one JSON object on stdout instead of the report
  --threshold X      prim: the metric's value that makes a case of interest (default 0.5)
  --below            prim: cases of interest are at or below the threshold
  --min-density D    prim: least density of a box worth reporting (default 0.8)
  --second-order     sobol: second-order indices too
  --resamples N      bootstrap resamples (default ${DEFAULT_RESAMPLES})
  -h, --help         show this help

Examples:
  detente sample experiment.json --out design.csv     # evaluate design.csv elsewhere, then:
  detente analyze experiment.json --data results.csv --method sobol --metric y
  detente analyze scenarios/experiments/when-deescalation-holds.json --data out/runs.csv \\
    --method prim --metric deescalated --threshold 0.5

Exit codes: 0 ok, 1 bad input (unreadable or invalid experiment or data, an unknown metric, no
"point" column, points or factor values that do not match the design, too little data), 2 usage
error.
`,
  async run({ values, positionals }, io) {
    const data = values.data as string | undefined;
    const method = values.method as string | undefined;
    const metric = values.metric as string | undefined;
    if (data === undefined) throw new UsageError('--data FILE is required (the results to analyse)');
    if (method === undefined) throw new UsageError(`--method is required (${METHODS.join(', ')})`);
    if (!METHODS.includes(method)) throw new UsageError(`--method must be ${METHODS.join(', ')}; got "${method}"`);
    if (metric === undefined || metric === '') throw new UsageError('--metric NAME is required (the column to analyse)');
    const threshold = numberFlag(values, 'threshold');
    const minDensity = numberFlag(values, 'min-density');
    if (minDensity !== undefined && !(minDensity > 0 && minDensity <= 1)) throw new UsageError(`--min-density must be in (0, 1]; got ${minDensity}`);
    if (method !== 'prim') {
      for (const f of ['threshold', 'below', 'min-density']) if (values[f] !== undefined) throw new UsageError(`--${f} applies to --method prim only`);
    }
    if (values['second-order'] && method !== 'sobol') throw new UsageError('--second-order applies to --method sobol only');
    const resamples = integerFlag(values, 'resamples', 10, 100_000) ?? DEFAULT_RESAMPLES;

    const [{ loadExperiment }, { readTable }, { buildDesign }, { analyze: run, AnalysisError }, { formatAnalysis }] = await Promise.all([
      import('../loadExperiment'), import('../readTable'), import('../../sim/experiments/design'), import('../../sim/experiments/analyze'), import('../formatAnalysis'),
    ]);
    const { experiment } = await loadExperiment(positionals[0]);
    const table = await readTable(data);
    const design = buildDesign(experiment);
    let result;
    try {
      result = run(design, table, {
        method: method as 'morris' | 'sobol' | 'prim', metric, threshold, below: Boolean(values.below), minDensity,
        secondOrder: Boolean(values['second-order']), bootstrap: { resamples, seed: experiment.seed },
      });
    } catch (e) {
      if (e instanceof AnalysisError) throw new InputError(`${data}: ${e.message}`.split('\n'));
      throw e;
    }
    io.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatAnalysis(result));
    return 0;
  },
};
