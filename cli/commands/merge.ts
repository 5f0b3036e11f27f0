import { UsageError, type Command } from '../command';

/** `detente merge DIR... --out DIR`: joins a sweep's shards (and partial runs) into one sweep's tables. */
export const merge: Command = {
  name: 'merge',
  summary: 'join the shards (or partial runs) of a sweep into one directory',
  positionals: { min: 1, max: 100_000, names: 'the sweep directories to merge: detente merge DIR... --out DIR' },
  options: {
    out: { type: 'string' },
  },
  help: `Usage: detente merge DIR... --out DIR

Joins the runs of sweep directories — the shards of a sweep run with --shard, or sweeps stopped
part-way — into one directory with the tables a whole sweep writes: runs.csv, series.csv,
failures.csv, runs.parquet, series.parquet (every table in (point, replicate) order) and
manifest.json. When every run is there, the tables are byte for byte those of the sweep run whole
on one machine, whatever the number of shards and workers (the manifest differs: it lists the
directories merged).

The directories must hold the same experiment run by the same version of Détente (their
manifests' hashes and versions are compared); a run found in two directories must have the same
row in both. A failure counts only for a run that finished nowhere. A merge that lacks runs can be
completed with detente sweep <experiment.json> --out DIR --resume.

Options:
  --out DIR    the output directory (created if missing; must not hold a sweep, nor be one of
               the directories merged)
  -h, --help   show this help

Example:
  detente merge shard-0 shard-1 shard-2 shard-3 --out sweep

Exit codes: 0 every run of the design done, 1 a directory unreadable, not a sweep, or of another
experiment or version, or an unusable --out, 2 usage error, 4 some runs failed or are missing.
`,
  async run({ values, positionals }, io) {
    if (values.out === undefined || String(values.out) === '') throw new UsageError('--out DIR is required: the directory the merged tables go into');
    const { mergeSweeps } = await import('../sweep/mergeSweeps');
    return mergeSweeps(positionals, String(values.out), io.stderr);
  },
};
