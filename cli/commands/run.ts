import { resolve } from 'node:path';
import type { Columns, RunSession, RunSummary, ScenarioData } from '../../sim/index';
import { assertFinite } from '../../sim/assertFinite';
// what the help names, from small modules: --help must answer without loading the model
import { SUMMARY_COLUMNS } from '../../sim/summary';
import { EVENT_LOG_COLUMNS, eventLogFormat, type EventLogFormat } from '../../sim/observe/eventLog';
import { POWER_BASE_TRACKS, powerBaseColumn } from '../../sim/tracks/tracks';
import { InputError, integerFlag, UsageError, type Command, type CommandIO } from '../command';
import { formatStats } from '../formatStats';
import { longRunNotice } from '../longRunNotice';
import { progressBar } from '../progressBar';
import { openResumableSink, openSink, refuseOverwritingInput, type Sink } from '../sink';

// The model (its modules, zod and mathjs) takes the better part of a second to load, so it is
// loaded only once the flags have been checked: --help and usage errors answer without it.
type Sim = typeof import('../../sim/index');

const MAX_RUNS = 1_000_000;
/** "B_track2…B_track5": the power-base tracks' columns, for the help. */
const TRACK_COLUMNS = `${powerBaseColumn(POWER_BASE_TRACKS[0])}…${powerBaseColumn(POWER_BASE_TRACKS[POWER_BASE_TRACKS.length - 1])}`;
/**
 * Rows per piece of output: a run's rows are formatted and written this many at a time, so no
 * string grows with the length of a run (one string per run failed past V8's limit on strings).
 */
const ROWS_PER_WRITE = 4096;

/** Writes a run's CSV rows in pieces of ROWS_PER_WRITE. */
async function writeRows(sim: Sim, cols: Columns, sink: Sink): Promise<void> {
  for (let from = 0; from < cols.rows; from += ROWS_PER_WRITE) {
    await sink.write(sim.csvBody(cols, from, Math.min(cols.rows, from + ROWS_PER_WRITE)));
  }
}

/**
 * Writes a run's columns as the JSON object `{"name":[values…],…}` in pieces: the same bytes as
 * JSON.stringify of plain arrays (the values are the same doubles the CSV writes).
 */
async function writeColumnsJSON(cols: Columns, sink: Sink): Promise<void> {
  for (let k = 0; k < cols.names.length; k++) {
    const n = cols.names[k];
    const col = cols.data[n];
    await sink.write(`${k ? ',' : '{'}${JSON.stringify(n)}:[`);
    for (let from = 0; from < cols.rows; from += ROWS_PER_WRITE) {
      const piece = Array.from(col.subarray(from, Math.min(cols.rows, from + ROWS_PER_WRITE)));
      await sink.write((from ? ',' : '') + piece.map((x) => JSON.stringify(x)).join(','));
    }
    await sink.write(']');
  }
  await sink.write(cols.names.length ? '}' : '{}');
}

/** Where the model events go (`--event-log FILE`): a sink and its format. */
interface EventLogSink {
  sink: Sink;
  format: EventLogFormat;
}

/** Where an interrupted ensemble goes on: its current run (a resumed session, or none when it had not begun) and the finished runs' summaries. */
interface Resume {
  run: number;
  session?: RunSession;
  summaries: RunSummary[];
}

/** Checkpoints every `every` ticks of the ensemble (see cli/checkpoint.ts): `save` records the current run and the output so far. */
interface Checkpoints {
  every: number;
  save(run: number, session: RunSession | undefined, summaries: readonly RunSummary[]): Promise<void>;
}

/** What an output writer needs: the run's settings, where to write, and how an interrupted run goes on. */
interface Output {
  sim: Sim;
  scenario: ScenarioData;
  runs: number;
  summary: boolean;
  sink: Sink;
  io: CommandIO;
  /** Continue an ensemble whose output so far (header included) is already in the sink. */
  resume?: Resume;
  checkpoints?: Checkpoints;
  /** Where each run's model events go, as it finishes (`--event-log`). */
  log?: EventLogSink;
}

/**
 * Runs replicates 0…runs−1 (or on from `resume`) one at a time, handing each finished session to
 * `emit` and dropping it, so memory stays that of one run however many are asked for. With
 * checkpoints, a run advances `every` ticks at a time, saving between (and once before the first).
 * With an event log, each run's model events are written to it as the run finishes.
 */
async function eachRun(o: Output, emit: (r: number, res: RunSession, summary: RunSummary) => Promise<void>): Promise<RunSummary[]> {
  const { sim, scenario, runs, io, resume, checkpoints, log } = o;
  const bar = progressBar(io.stderr, 'detente run');
  const summaries: RunSummary[] = resume ? [...resume.summaries] : [];
  let pending = resume?.session;
  let since = 0;
  let first = true;
  try {
    bar.update(resume?.run ?? 0, runs);
    if (checkpoints && !resume) await checkpoints.save(0, undefined, summaries);
    if (log) await log.sink.write(sim.eventLogStart(log.format));
    for (let r = resume?.run ?? 0; r < runs; r++) {
      const session = pending ?? sim.openRun(scenario, { run: r, events: !!log });
      pending = undefined;
      if (!checkpoints) session.advance();
      while (checkpoints && !session.done) {
        since += session.advance(checkpoints.every - since);
        if (since >= checkpoints.every) {
          await checkpoints.save(r, session, summaries);
          since = 0;
        }
      }
      assertFinite(session.columns, r);
      const summary = session.summary();
      summaries.push(summary);
      await emit(r, session, summary);
      if (log) {
        await log.sink.write(sim.eventLogRows(log.format, { run: r, seed: session.seed, events: session.events }, { first }));
        if (session.events.length) first = false;
        if (session.eventsDropped) io.stderr.write(`run ${r}: ${session.eventsDropped} model events past the first ${sim.MAX_EVENTS} were not logged\n`);
      }
      bar.update(r + 1, runs);
    }
    if (log) await log.sink.write(sim.eventLogEnd(log.format));
  } finally {
    bar.done();
  }
  return summaries;
}

async function writeCSV(o: Output): Promise<RunSummary[]> {
  const { sim, scenario, sink } = o;
  if (o.summary) {
    if (!o.resume) await sink.write(sim.csvHeader(SUMMARY_COLUMNS));
    // each row as sim's summariesCSV writes it (the web app exports with it too), less its header
    return eachRun(o, (_r, _res, s) => {
      const csv = sim.summariesCSV([{ ...s }], SUMMARY_COLUMNS);
      return sink.write(csv.slice(csv.indexOf('\n') + 1));
    });
  }
  if (!o.resume) await sink.write(sim.csvHeader(sim.columnNames(scenario.parties.map((p) => p.name))));
  return eachRun(o, (_r, res) => writeRows(sim, res.columns, sink));
}

async function writeJSON(o: Output): Promise<RunSummary[]> {
  const { sim, scenario, runs, summary, sink } = o;
  // the provenance opens the result, written before any run so that it can stream
  if (!o.resume) await sink.write(sim.resultsJSONHead(scenario, sim.replicateSeeds(scenario, runs)));
  const summaries = await eachRun(o, async (r, res, s) => {
    if (summary) return sink.write(sim.runJSON({ run: r, seed: res.seed, summary: s }, r === 0));
    // columns in pieces: one string per run would outgrow V8's limit on long runs
    await sink.write(`${r ? ',' : ''}{"run":${r},"seed":${res.seed},"columns":`);
    await writeColumnsJSON(res.columns, sink);
    await sink.write(`,"summary":${JSON.stringify(s)}}`);
  });
  await sink.write(sim.resultsJSONTail(summary ? sim.ensembleStats(summaries) : undefined));
  return summaries;
}

/** `detente run <scenario.json>`: runs a scenario, or an ensemble of replicates, headless. */
export const run: Command = {
  name: 'run',
  summary: 'run a scenario (or an ensemble of replicates) and write CSV or JSON',
  positionals: { min: 1, max: 1, names: 'a scenario file: detente run <scenario.json>' },
  options: {
    seed: { type: 'string' },
    runs: { type: 'string' },
    ticks: { type: 'string' },
    set: { type: 'string', multiple: true },
    format: { type: 'string' },
    out: { type: 'string' },
    summary: { type: 'boolean' },
    'event-log': { type: 'string' },
    checkpoint: { type: 'string' },
    every: { type: 'string' },
    'resume-from': { type: 'string' },
  },
  help: `Usage: detente run <scenario.json> [options]

Runs the scenario and writes one row per run and tick to stdout: CSV with a header line, the
columns run, seed, tick, X, T, C, U, E, incidents, trackOne, settlements, collapses, B, then
H_<party> and F_<party> for each party, ${TRACK_COLUMNS}, and a few more (V, R, stage,
power_<party>). Tick 0 is the initial state; row t is the state after t steps. Numbers are
written in full (shortest round-trip form), never rounded.

Options:
  --seed N            base seed, replacing the scenario's (0…4294967295). Run 0 uses it as is;
                      run r uses a seed derived from it, written in every row.
  --runs R            replicate runs, one after another (default 1)
  --ticks T           steps per run, replacing the scenario's ticks
  --set path=value    change one field before validation (repeatable). Paths are dot-separated
                      with 0-based indices; the value is read as JSON when it parses as JSON,
                      otherwise as text:
                        --set parties.1.power=2   --set 'kernel.formula=1/(1+d)^2'
                        --set 'actors.0.entry="lull"'   --set params.synergy=0
  --format csv|json   output format (default csv). JSON holds Détente's version, the
                      scenario's SHA-256 (canonical JSON, defaults filled in), the seeds, and
                      per run its columns and summary.
  --out FILE          write to FILE instead of stdout. The file is replaced only when every run
                      has been written: a run that fails or is stopped leaves it as it was.
                      FILE may not be the scenario file.
  --summary           one row per run instead of one per tick (${SUMMARY_COLUMNS.join(', ')};
                      timeToDeescalation is empty if the run never de-escalated), and on stderr
                      the ensemble's medians, 90 % intervals and share de-escalated
  --event-log FILE    also write every run's model events (lull and approach, consent given or
                      refused, leak, broken promise, premature exit, talks, settlement, power
                      shift, shock, collapse…) to FILE: CSV or JSON by its extension (.csv,
                      .json), columns ${EVENT_LOG_COLUMNS.join(', ')} — the web app's event log
                      export of the same scenario, seed and runs, byte for byte
  --checkpoint CKPT   with --out: save the run's progress to CKPT every --every ticks, so that a
                      run or ensemble that is killed can continue with --resume-from. CKPT holds
                      the current run's state and rows so far, the bytes of FILE written so far
                      (kept in .FILE.partial beside it until the end), Détente's version and the
                      scenario's SHA-256; it is removed once FILE is complete.
  --every TICKS       ticks (counted across the ensemble) between checkpoints (default: a year,
                      the scenario's ticksPerYear)
  --resume-from CKPT  continue the run saved in CKPT, with the same scenario and options as when
                      it was saved (and the same version of Détente): the output is the same,
                      byte for byte, as a run never interrupted. Goes on checkpointing to CKPT
                      (or to --checkpoint).
  -h, --help          show this help

Output goes to stdout (data only); messages, and a progress bar when stderr is a terminal, go to
stderr. Runs are written as they finish, so large ensembles stream. Runs estimated to take more
than a minute on one core are announced on stderr with the estimate before they start.

Examples:
  detente run scenarios/intrastate-conflict.json --seed 1 > run.csv
  detente run scenarios/intrastate-conflict.json --runs 100 --summary > summaries.csv
  detente run scenarios/intrastate-conflict.json --set params.synergy=0 --format json --out run.json
  detente run scenarios/intrastate-conflict.json --runs 1000 --out runs.csv --checkpoint runs.ckpt
  detente run scenarios/intrastate-conflict.json --runs 1000 --out runs.csv --resume-from runs.ckpt

Exit codes: 0 ok (also when a reader of stdout such as head stops reading), 1 bad input
(unreadable file, invalid JSON or scenario, bad --set) or output that cannot be written (a full
disk, a missing folder), 2 usage error, 70 internal error (a bug: please report it).
`,
  async run({ values, positionals }, io) {
    const runs = integerFlag(values, 'runs', 1, MAX_RUNS) ?? 1;
    const seed = integerFlag(values, 'seed', 0, 2 ** 32 - 1);
    // the scenario's validation refuses tick counts whose output would not fit in memory
    const ticks = integerFlag(values, 'ticks', 1, Number.MAX_SAFE_INTEGER);
    const format = (values.format as string | undefined) ?? 'csv';
    if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json; got "${format}"`);
    const summary = Boolean(values.summary);
    const logFile = values['event-log'] as string | undefined;
    const logFormat = logFile === undefined ? undefined : eventLogFormat(logFile);
    if (logFile !== undefined && !logFormat) throw new UsageError(`--event-log takes a file ending in .csv or .json (the format follows the extension); got "${logFile}"`);
    const out = values.out as string | undefined;
    const resumeFrom = values['resume-from'] as string | undefined;
    const checkpointFile = (values.checkpoint as string | undefined) ?? resumeFrom;
    const every = integerFlag(values, 'every', 1, Number.MAX_SAFE_INTEGER);
    if (checkpointFile !== undefined && out === undefined) throw new UsageError(`--${resumeFrom !== undefined ? 'resume-from' : 'checkpoint'} needs --out FILE: a checkpoint records how much of that file has been written`);
    if (every !== undefined && checkpointFile === undefined) throw new UsageError('--every needs --checkpoint CKPT');
    const [sim, { loadScenario }] = await Promise.all([import('../../sim/index'), import('../loadScenario')]);
    const scenario = await loadScenario(positionals[0], { set: values.set as string[] | undefined, seed, ticks });
    if (out !== undefined) await refuseOverwritingInput(out, [{ flag: 'scenario file', file: positionals[0] }]);
    if (checkpointFile !== undefined) {
      // the checkpoint may not exist yet, so its path is compared too
      if (resolve(checkpointFile) === resolve(out!)) throw new UsageError(`--checkpoint ${checkpointFile} is the --out file; choose another file for each`);
      await refuseOverwritingInput(checkpointFile, [{ flag: 'scenario file', file: positionals[0] }, { flag: '--out file', file: out! }], '--checkpoint');
    }
    const output: Omit<Output, 'sink'> = { sim, scenario, runs, summary, io };
    let sink: Sink;
    if (checkpointFile === undefined) {
      // a file is written beside its target and moved into place at the end: see openSink
      sink = await openSink(out, io.stdout);
    } else {
      if (logFile !== undefined) throw new UsageError('--event-log cannot be combined with --checkpoint or --resume-from yet: a checkpoint does not record the event log');
      const ckpt = await import('../checkpoint');
      let resumeAt: number | undefined;
      if (resumeFrom !== undefined) {
        const { saved, shell } = await ckpt.readCheckpoint(resumeFrom, { runs, format, summary });
        let session: RunSession | undefined;
        try {
          session = sim.resumeSavedRun(saved, scenario, { events: false });
        } catch (e) {
          if (e instanceof sim.SavedRunError) throw new InputError([`--resume-from ${resumeFrom}: ${e.message}`]);
          throw e;
        }
        output.resume = { run: saved.run, session, summaries: shell.summaries };
        resumeAt = shell.output;
      }
      const resumable = await openResumableSink(out!, resumeAt);
      sink = resumable;
      output.checkpoints = {
        every: every ?? scenario.ticksPerYear,
        save: (r, session, done) => ckpt.writeCheckpoint(checkpointFile, sim.saveRun(session, {
          scenario, run: r, shell: { runs, format, summary, output: resumable.bytes, summaries: summary ? done : [] },
        })),
      };
    }
    if (logFile !== undefined) await refuseOverwritingInput(logFile, [{ flag: 'scenario file', file: positionals[0] }], '--event-log');
    if (logFile !== undefined && logFormat) output.log = { sink: await openSink(logFile, io.stdout), format: logFormat };
    // what is left to run: a resumed ensemble starts at its checkpoint's run
    const work = sim.estimateWork(scenario, { runs: runs - (output.resume?.run ?? 0) });
    const notice = longRunNotice({
      label: 'detente run', seconds: sim.estimateSeconds(work), agentUpdates: work.agentUpdates, on: 'on one core',
      resume: checkpointFile === undefined ? 'Ctrl-C stops it, --checkpoint lets it resume' : `Ctrl-C stops it, --resume-from ${checkpointFile} goes on from the last checkpoint`,
    });
    if (notice) io.stderr.write(notice);
    let summaries: RunSummary[];
    try {
      summaries = await (format === 'csv' ? writeCSV : writeJSON)({ ...output, sink });
      await sink.close();
      await output.log?.sink.close();
    } catch (e) {
      await sink.discard();
      await output.log?.sink.discard();
      throw e;
    }
    if (checkpointFile !== undefined) await (await import('../checkpoint')).removeCheckpoint(checkpointFile);
    if (summary) io.stderr.write(formatStats(sim.ensembleStats(summaries)));
    if (logFile !== undefined) io.stderr.write(`wrote ${logFile}: the model events of ${runs} run${runs === 1 ? '' : 's'} (${logFormat})\n`);
    if (out !== undefined) io.stderr.write(`wrote ${out}: ${runs} run${runs === 1 ? '' : 's'} of ${scenario.ticks} ticks (${format}${summary ? ', summaries' : ''})\n`);
    return 0;
  },
};
