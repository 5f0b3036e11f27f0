import type { ExperimentInput } from '../../../sim/experiments/experiment';
import { runOrder } from '../../../sim/experiments/runOrder';
import { recordResult, type FailureRecord, type RunRecord, type SweepFile } from '../../../sim/experiments/sweepOutput';
import type { SweepTask } from '../../../sim/experiments/sweepTask';
import { VERSION } from '../../../sim/version';
import { sweepWorkersWithin } from '../memoryBudget';
import { scenarioLibrary } from '../scenarioLibrary';
import { slug } from '../slug';
import { startSweep, type SweepJob } from '../sweepJob';
import type { AnalysisReply, ExplorePlan, OutputReply, PlanReply } from '../worker/protocol';
import type { WorkerPool } from '../workerPool';
import { addRunLine, analysisTable, dataFromTable, emptyData } from './exploreData';
import type { ExploreSettings } from './exploreSettings';
import type { Exploration, ExploreAnalysis, ExploreState } from './exploreState';

/** The Explore view's work on the pool: explorations run, paused, cancelled, written, opened and analysed. */
export interface ExploreRunner {
  /**
   * Plans an experiment (its scenario inline) as `detente sweep` does and runs it on the pool,
   * on screen as its runs come in; resolves when it has ended. `settings` are the view's settings
   * that made it, if they did.
   */
  run(input: ExperimentInput, settings?: ExploreSettings): Promise<void>;
  pause(): void;
  resume(): void;
  cancel(): void;
  /** The files `detente sweep` writes for the exploration on screen (run by the page). */
  files(): Promise<SweepFile[]>;
  /**
   * Opens files: an experiment (which is then run; a scenario named by path is taken from the
   * page's library by its file name) or a finished sweep's manifest.json with its runs.csv or
   * runs.parquet (shown without running).
   */
  open(files: readonly File[]): Promise<void>;
  /** Analyses the exploration on screen with `method` on `metric` (in a worker); PRIM takes a threshold. */
  analyze(method: ExploreAnalysis['method'], metric: string, o?: { threshold?: number; below?: boolean }): Promise<void>;
}

/** Bootstrap resamples of the analyses' intervals (as `detente analyze`'s default). */
const RESAMPLES = 1000;

const issuesText = (issues: readonly { path: string; message: string }[]) => issues.slice(0, 5).map((i) => `${i.path || '(experiment)'}: ${i.message}`).join('; ');

/** The experiment's file name: its name as a slug. */
export const experimentFileName = (name: string) => `${slug(name) || 'experiment'}.json`;

/** The Explore view's runner on `pool`, reporting into `state`. */
export function exploreRunner({ state, pool }: { state: ExploreState; pool: WorkerPool }): ExploreRunner {
  let job: SweepJob | undefined;
  let running: Exploration | undefined;

  async function sweep(plan: ExplorePlan, settings: ExploreSettings | undefined): Promise<void> {
    const { head } = plan;
    const e = head.experiment;
    if (plan.invalid.length) {
      const list = plan.invalid.slice(0, 3).map((p) => `point ${p.point}: ${issuesText(p.issues)}`).join('; ');
      return state.setStatus(`${plan.invalid.length} of ${head.design.points.length} points of the design give an invalid scenario, so nothing was run: ${list}`, true);
    }
    const runs = head.design.points.length * e.replicates;
    const workers = sweepWorkersWithin({ runBytes: plan.runBytes, runs, seriesValues: plan.seriesValues, workers: pool.size });
    if (!workers) {
      return state.setStatus(`This exploration (${runs.toLocaleString('en')} runs) would need more memory than the page allows: download the experiment and run it with the command line, npx detente sweep ${experimentFileName(e.name)} --out results`, true);
    }
    const x: Exploration = { source: 'page', data: emptyData(head), records: { runs: new Map<number, RunRecord>(), failures: new Map<number, FailureRecord>() }, status: 'running', settings };
    running = x;
    state.show(x);
    state.setStatus(`Running ${runs.toLocaleString('en')} runs (${head.design.points.length} points × ${e.replicates}) on ${workers} worker${workers > 1 ? 's' : ''}…`);
    function* tasks(): Generator<SweepTask> {
      let id = 0;
      for (const ref of runOrder(head.design.points.length, e.replicates)) {
        const p = head.design.points[ref.point];
        yield { id: id++, index: ref.point, point: p.point, values: p.values, replicate: ref.replicate };
      }
    }
    const t0 = performance.now();
    const mine = (job = startSweep(pool, {
      init: { base: e.scenario, experiment: e },
      tasks: tasks(),
      count: runs,
      maxWorkers: workers,
      onResult(r) {
        recordResult(x.records!, r, e.replicates);
        if (r.ok) addRunLine(x.data, r.run);
        state.progressed(x);
      },
    }));
    const end = await mine.done;
    if (job === mine) job = undefined;
    if (running === x) running = undefined;
    const done = x.data.runs.size;
    const failed = x.records!.failures.size;
    const complete = end.status === 'done';
    state.setExplorationStatus(x, end.status === 'failed' ? 'failed' : complete ? 'done' : 'cancelled');
    const counts = `${done.toLocaleString('en')} of ${runs.toLocaleString('en')} runs done${failed ? `, ${failed} failed` : ''}`;
    if (end.status === 'failed') state.setStatus(`The exploration stopped: ${end.message} (${counts}).`, true);
    else state.setStatus(complete ? `Done: ${counts} in ${((performance.now() - t0) / 1000).toFixed(1)} s.` : `Cancelled: ${counts}.`, failed > 0);
  }

  async function run(input: ExperimentInput, settings?: ExploreSettings): Promise<void> {
    job?.cancel();
    state.setStatus('Checking the experiment…');
    const reply = await pool.call<PlanReply>((api) => api.plan(JSON.parse(JSON.stringify(input))) as Promise<PlanReply>);
    if (!reply.ok) return state.setStatus(`The experiment cannot run: ${issuesText(reply.issues)}`, true);
    await sweep(reply.plan, settings);
  }

  async function openOutput(manifest: File, table: File): Promise<void> {
    state.setStatus(`Reading ${table.name}…`);
    const reply = await pool.call<OutputReply>(async (api) => api.readOutput({ name: manifest.name, text: await manifest.text() }, { name: table.name, bytes: new Uint8Array(await table.arrayBuffer()) }));
    if (!reply.ok) return state.setStatus(reply.message, true);
    const data = dataFromTable(reply.manifest, reply.table);
    job?.cancel();
    state.show({ source: 'file', data, status: 'opened' });
    const other = reply.manifest.detente !== VERSION ? ` It was made by Détente ${reply.manifest.detente}; this page is ${VERSION}.` : '';
    state.setStatus(`Opened “${reply.manifest.experiment.name || manifest.name}”: ${data.runs.size.toLocaleString('en')} of ${data.total.toLocaleString('en')} runs, ${reply.manifest.state}.${other}`);
  }

  return {
    run,
    pause() {
      if (!job || !running) return;
      job.pause();
      state.setExplorationStatus(running, 'paused');
    },
    resume() {
      if (!job || !running) return;
      job.resume();
      state.setExplorationStatus(running, 'running');
    },
    cancel: () => job?.cancel(),
    async files() {
      const x = state.shown;
      if (!x?.records) return [];
      const complete = x.status === 'done';
      return pool.call((api) => api.sweepFiles(x.data.head, x.records!, complete ? 'complete' : 'stopped'));
    },
    async open(files) {
      const tables = files.filter((f) => /\.(csv|parquet)$/i.test(f.name));
      const jsons = files.filter((f) => /\.json$/i.test(f.name));
      const parsed: Array<{ file: File; json: Record<string, unknown> }> = [];
      for (const file of jsons) {
        try {
          parsed.push({ file, json: JSON.parse(await file.text()) });
        } catch (e) {
          return state.setStatus(`${file.name} is not valid JSON: ${(e as Error).message}`, true);
        }
      }
      const manifest = parsed.find((p) => typeof p.json?.detente === 'string' && Array.isArray((p.json.design as { points?: unknown })?.points));
      if (manifest) {
        const table = tables.find((t) => /^runs\./i.test(t.name)) ?? tables[0];
        if (!table) return state.setStatus(`Open ${manifest.file.name} together with the sweep's runs.csv or runs.parquet (choose both files).`, true);
        return openOutput(manifest.file, table);
      }
      const experiment = parsed.find((p) => Array.isArray(p.json?.factors) && typeof p.json?.design === 'object');
      if (!experiment) return state.setStatus('Open an experiment file, or a sweep\'s manifest.json with its runs.csv or runs.parquet.', true);
      const input = experiment.json as unknown as ExperimentInput;
      if (typeof input.scenario === 'string') {
        const id = input.scenario.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
        const entry = scenarioLibrary.find((s) => s.id === id);
        if (!entry) return state.setStatus(`${experiment.file.name} names its scenario by file (${input.scenario}), and the page has no scenario of that name: write the scenario into the experiment, or open one of the library's.`, true);
        return run({ ...input, scenario: entry.json as Record<string, unknown> });
      }
      return run(input);
    },
    async analyze(method, metric, o = {}) {
      const x = state.shown;
      if (!x) return;
      const e = x.data.head.experiment;
      const reply = await pool.call<AnalysisReply>((api) => api.analyze(e, analysisTable(x.data, metric), { method, metric, bootstrap: { resamples: RESAMPLES, seed: e.seed }, ...o }) as Promise<AnalysisReply>);
      state.setAnalysis(x, reply.ok ? { method, metric, result: reply.result } : { method, metric, message: reply.message });
    },
  };
}
