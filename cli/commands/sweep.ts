import { availableParallelism } from 'node:os';
import { integerFlag, UsageError, type Command } from '../command';

const MAX_WORKERS = 1024;

/** `detente sweep <experiment.json> --out DIR`: runs an experiment's design, replicates and all. */
export const sweep: Command = {
  name: 'sweep',
  summary: 'run an experiment\'s design (points × replicates) into a directory of tables',
  positionals: { min: 1, max: 1, names: 'an experiment file: detente sweep <experiment.json> --out DIR' },
  options: {
    out: { type: 'string' },
    workers: { type: 'string' },
    shard: { type: 'string' },
    shards: { type: 'string' },
    resume: { type: 'boolean' },
    'skip-invalid': { type: 'boolean' },
  },
  help: `Usage: detente sweep <experiment.json> --out DIR [--workers K] [--shard I/N | --shard auto [--shards N]]
                     [--resume] [--skip-invalid]

Runs every point of the experiment's design, each \`replicates\` times, on K worker threads, and
writes into DIR:
  runs.csv       one row per point and replicate: point, replicate, seed, each factor by name,
                 each metric by name (an undefined metric, e.g. timeToDeescalation of a run that
                 never de-escalated, is an empty cell; deescalated is 1 or 0)
  series.csv     with "series" in the experiment: point, replicate, seed, tick, column, value
  failures.csv   runs that failed: point, replicate, seed, message
  runs.parquet, series.parquet   the same tables as Parquet, written when the sweep completes
  manifest.json  Détente's version, the experiment's and base scenario's SHA-256, the experiment
                 itself (its scenario inline), the design table, the seeds, the shard, and each
                 run's status

Each point's scenario is the base scenario with the experiment's seed and ticks and the point's
factor values set at their paths, as detente run --seed --ticks --set would (values for
whole-number fields are rounded to the nearest whole number). Replicate r runs with the seed run r
of "detente run --runs R" uses: the same at every point, so points are compared on common random
numbers. Every point's scenario is validated before anything runs.

Runs are taken replicate by replicate, the points of each replicate in a fixed golden-ratio order
that spreads over the whole design, so a sweep stopped part-way covers it evenly. Each run's rows
are appended to runs.csv (and series.csv) as soon as it finishes: a crash or Ctrl-C loses only the
runs in flight. When every run is done the tables are rewritten in (point, replicate) order.

Options:
  --out DIR          the output directory (created if missing). One that already holds a sweep
                     is refused, unless --resume.
  --workers K        worker threads (default: the machine's available parallelism, ${availableParallelism()} here);
                     fewer if K runs would not fit in free memory (it says so)
  --shard I/N        run only every N-th run of the order, starting at run I (0 ≤ I < N): one
                     of N shards, to run on N machines and join with detente merge
  --shard auto       take I and N from a Slurm job array (SLURM_ARRAY_TASK_ID −
                     SLURM_ARRAY_TASK_MIN, SLURM_ARRAY_TASK_COUNT), a Kubernetes Indexed Job
                     (JOB_COMPLETION_INDEX), an AWS Batch array job (AWS_BATCH_JOB_ARRAY_INDEX) or
                     GNU parallel (PARALLEL_SEQ − 1), the first found in that order; it says which
  --shards N         the number of shards, for --shard auto where the engine gives only an index
  --resume           complete the sweep in DIR: runs already done are kept, failed ones retried.
                     Refused if the experiment (its content, the base scenario's included),
                     Détente's version or the shard differ from DIR's manifest. With nothing in
                     DIR it simply starts, so job scripts can always pass it.
  --skip-invalid     run the valid points and record the invalid ones' runs as failures, instead
                     of refusing the sweep
  -h, --help         show this help

Examples:
  detente sweep scenarios/experiments/track-mix-timing.json --out sweeps/track-mix
  detente sweep exp.json --out shard-3 --shard 3/8 --workers 4
  sbatch --array=0-7 --wrap 'npx detente sweep exp.json --out shard-$SLURM_ARRAY_TASK_ID --shard auto'

Exit codes: 0 every run done, 1 invalid experiment, design or output directory, 2 usage error,
4 some runs failed (see failures.csv), 70 internal error, 130 interrupted (Ctrl-C: what finished is
kept; --resume completes it).
`,
  async run({ values, positionals }, io) {
    if (values.out === undefined || String(values.out) === '') throw new UsageError('--out DIR is required: the directory the sweep writes its tables into');
    const workers = integerFlag(values, 'workers', 1, MAX_WORKERS) ?? availableParallelism();
    const shards = integerFlag(values, 'shards', 1, 1_000_000);
    const { chooseShard } = await import('../sweep/shard');
    const shard = chooseShard(values.shard as string | undefined, shards, process.env);
    // loaded only now: see run.ts on the model's loading time
    const { runSweep } = await import('../sweep/runSweep');
    const controller = new AbortController();
    const interrupt = () => controller.abort();
    process.once('SIGINT', interrupt);
    try {
      const outcome = await runSweep({
        experimentFile: positionals[0], out: String(values.out), workers, shard,
        resume: Boolean(values.resume), skipInvalid: Boolean(values['skip-invalid']),
        stderr: io.stderr, signal: controller.signal,
      });
      return outcome.code;
    } finally {
      process.removeListener('SIGINT', interrupt);
    }
  },
};
