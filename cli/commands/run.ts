import type { RunSession, RunSummary, ScenarioData } from '../../sim/index';
import { assertFinite } from '../../sim/assertFinite';
// what the help names, from small modules: --help must answer without loading the model
import { SUMMARY_COLUMNS } from '../../sim/summary';
import { EVENT_LOG_COLUMNS, eventLogFormat, type EventLogFormat } from '../../sim/observe/eventLog';
import { POWER_BASE_TRACKS, powerBaseColumn } from '../../sim/tracks/tracks';
import { integerFlag, UsageError, type Command, type CommandIO } from '../command';
import { formatStats } from '../formatStats';
import { progressBar } from '../progressBar';
import { openSink, type Sink } from '../sink';

// The model (its modules, zod and mathjs) takes the better part of a second to load, so it is
// loaded only once the flags have been checked: --help and usage errors answer without it.
type Sim = typeof import('../../sim/index');

const MAX_RUNS = 1_000_000;
/** "B_track2…B_track5": the power-base tracks' columns, for the help. */
const TRACK_COLUMNS = `${powerBaseColumn(POWER_BASE_TRACKS[0])}…${powerBaseColumn(POWER_BASE_TRACKS[POWER_BASE_TRACKS.length - 1])}`;
/** Rows formatted per write of CSV output. */
const CSV_ROWS_PER_WRITE = 4096;

/**
 * Runs replicates 0…runs−1 one at a time, handing each finished session to `emit` and dropping it,
 * so memory stays that of one run however many are asked for.
 */
/** Where the model events go (`--event-log FILE`): a sink and its format. */
interface EventLogSink {
  sink: Sink;
  format: EventLogFormat;
}

/**
 * Runs replicates 0…runs−1 one at a time, handing each finished session to `emit` and dropping it,
 * so memory stays that of one run however many are asked for. With an event log, each run's model
 * events are written to it as the run finishes.
 */
async function eachRun(sim: Sim, scenario: ScenarioData, runs: number, io: CommandIO, emit: (r: number, res: RunSession, summary: RunSummary) => Promise<void>, log?: EventLogSink): Promise<RunSummary[]> {
  const bar = progressBar(io.stderr, 'detente run');
  const summaries: RunSummary[] = [];
  let first = true;
  try {
    bar.update(0, runs);
    if (log) await log.sink.write(sim.eventLogStart(log.format));
    for (const session of sim.replicates(scenario, { runs, events: !!log })) {
      session.advance();
      const r = session.run;
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

async function writeCSV(sim: Sim, scenario: ScenarioData, runs: number, summary: boolean, sink: Sink, io: CommandIO, log?: EventLogSink): Promise<RunSummary[]> {
  if (summary) {
    await sink.write(sim.csvHeader(SUMMARY_COLUMNS));
    // each row as sim's summariesCSV writes it (the web app exports with it too), less its header
    return eachRun(sim, scenario, runs, io, (_r, _res, s) => {
      const csv = sim.summariesCSV([{ ...s }], SUMMARY_COLUMNS);
      return sink.write(csv.slice(csv.indexOf('\n') + 1));
    }, log);
  }
  await sink.write(sim.csvHeader(sim.columnNames(scenario.parties.map((p) => p.name))));
  return eachRun(sim, scenario, runs, io, async (_r, res) => {
    // in slices of rows, so the text held at once stays small however long the run
    for (let from = 0; from < res.columns.rows; from += CSV_ROWS_PER_WRITE) {
      await sink.write(sim.csvBody(res.columns, from, Math.min(res.columns.rows, from + CSV_ROWS_PER_WRITE)));
    }
  }, log);
}

async function writeJSON(sim: Sim, scenario: ScenarioData, runs: number, summary: boolean, sink: Sink, io: CommandIO, log?: EventLogSink): Promise<RunSummary[]> {
  // the provenance opens the result, written before any run so that it can stream
  await sink.write(sim.resultsJSONHead(scenario, sim.replicateSeeds(scenario, runs)));
  const summaries = await eachRun(sim, scenario, runs, io, (r, res, s) =>
    sink.write(sim.runJSON({ run: r, seed: res.seed, columns: summary ? undefined : res.columns, summary: s }, r === 0)), log);
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
  --out FILE          write to FILE instead of stdout
  --summary           one row per run instead of one per tick (${SUMMARY_COLUMNS.join(', ')};
                      timeToDeescalation is empty if the run never de-escalated), and on stderr
                      the ensemble's medians, 90 % intervals and share de-escalated
  --event-log FILE    also write every run's model events (lull and approach, consent given or
                      refused, leak, broken promise, premature exit, talks, settlement, power
                      shift, shock, collapse…) to FILE: CSV or JSON by its extension (.csv,
                      .json), columns ${EVENT_LOG_COLUMNS.join(', ')} — the web app's event log
                      export of the same scenario, seed and runs, byte for byte
  -h, --help          show this help

Output goes to stdout (data only); messages, and a progress bar when stderr is a terminal, go to
stderr. Runs are written as they finish, so large ensembles stream.

Examples:
  detente run scenarios/intrastate-conflict.json --seed 1 > run.csv
  detente run scenarios/intrastate-conflict.json --runs 100 --summary > summaries.csv
  detente run scenarios/intrastate-conflict.json --set params.synergy=0 --format json --out run.json

Exit codes: 0 ok, 1 bad input (unreadable file, invalid JSON or scenario, bad --set), 2 usage error.
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
    const [sim, { loadScenario }] = await Promise.all([import('../../sim/index'), import('../loadScenario')]);
    const scenario = await loadScenario(positionals[0], { set: values.set as string[] | undefined, seed, ticks });
    // opened only now, so a bad scenario never truncates an existing output file
    const out = values.out as string | undefined;
    const sink = await openSink(out, io.stdout);
    const log = logFile !== undefined && logFormat ? { sink: await openSink(logFile, io.stdout), format: logFormat } : undefined;
    const summaries = await (format === 'csv' ? writeCSV : writeJSON)(sim, scenario, runs, summary, sink, io, log);
    await sink.close();
    await log?.sink.close();
    if (summary) io.stderr.write(formatStats(sim.ensembleStats(summaries)));
    if (logFile !== undefined) io.stderr.write(`wrote ${logFile}: the model events of ${runs} run${runs === 1 ? '' : 's'} (${logFormat})\n`);
    if (out !== undefined) io.stderr.write(`wrote ${out}: ${runs} run${runs === 1 ? '' : 's'} of ${scenario.ticks} ticks (${format}${summary ? ', summaries' : ''})\n`);
    return 0;
  },
};
