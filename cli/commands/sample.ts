import type { Command } from '../command';

/** Design points formatted and written at a time. */
const POINTS_PER_WRITE = 4096;

/** `detente sample <experiment.json>`: writes an experiment's design as CSV, without running anything. */
export const sample: Command = {
  name: 'sample',
  summary: 'write an experiment\'s design (its points) as CSV, without running anything',
  positionals: { min: 1, max: 1, names: 'an experiment file: detente sample <experiment.json>' },
  options: {
    out: { type: 'string' },
  },
  help: `Usage: detente sample <experiment.json> [--out FILE]

Builds the experiment's design (grid, lhs, sobol or morris: see README, "Experiments") and writes
it as CSV: a header line, then one row per design point with the columns point (0, 1, …) and one
per factor, by name. Numbers are written in full. Nothing is run, so the design can be evaluated
by another program; write its results with the point column and analyse them with
detente analyze. Only the experiment's factors, design and seed are needed (no scenario).

The design is the same on every machine for the same file: lhs and morris designs draw from the
experiment's seed; grid and sobol designs draw nothing.

Options:
  --out FILE   write to FILE instead of stdout
  -h, --help   show this help

Examples:
  detente sample scenarios/experiments/sobol-key-assumptions.json > design.csv
  detente sample my-experiment.json --out design.csv

Exit codes: 0 ok, 1 bad input (unreadable file, invalid JSON or experiment) or unwritable output,
2 usage error.
`,
  async run({ values, positionals }, io) {
    const [{ loadExperiment }, { buildDesign }, { designCSV }, { openSink, refuseOverwritingInput }] = await Promise.all([
      import('../loadExperiment'), import('../../sim/experiments/design'), import('../../sim/experiments/designCSV'), import('../sink'),
    ]);
    const { experiment } = await loadExperiment(positionals[0]);
    const design = buildDesign(experiment);
    const out = values.out as string | undefined;
    if (out !== undefined) await refuseOverwritingInput(out, [{ flag: 'experiment file', file: positionals[0] }]);
    const sink = await openSink(out, io.stdout);
    try {
      // in pieces of POINTS_PER_WRITE points: a large design's CSV does not fit in one string
      for (let from = 0; from === 0 || from < design.points.length; from += POINTS_PER_WRITE) {
        await sink.write(designCSV(design, from, from + POINTS_PER_WRITE));
      }
      await sink.close();
    } catch (e) {
      await sink.discard();
      throw e;
    }
    io.stderr.write(`${out !== undefined ? `wrote ${out}: ` : ''}${design.type} design, ${design.points.length} points × ${design.factors.length} factor${design.factors.length === 1 ? '' : 's'}\n`);
    return 0;
  },
};
