import * as Comlink from 'comlink';
import type { AnalyzeOptions, DataTable, ExperimentData, Manifest, ManifestHead, PointExperiment, SweepRecords } from '../../../sim/experiments/index';
import { yieldToMessages, type Control } from './control';
import type { AnalysisReply, OutputReply, PlanReply, SweepListener, SweepOutcome } from './protocol';

type Engine = typeof import('../../../sim/index');
type Experiments = typeof import('../../../sim/experiments/index');

/** Ticks a sweep's run advances between looks at the clock. */
const SLICE_TICKS = 16;
/** Milliseconds of work before the worker lets messages in (cancel, ping). */
const SLICE_MS = 25;

/**
 * The worker's experiment calls: planning an exploration as `detente sweep` plans it, making its
 * runs, writing its files, reading a finished sweep's files and analysing them. The experiment
 * modules are loaded on first use, so the first run's curve does not wait for them.
 */
export function experimentCalls(engine: Promise<Engine>, control: Control) {
  let loaded: Promise<Experiments> | undefined;
  const experiments = () => (loaded ??= import('../../../sim/experiments/index'));

  return {
    async plan(input: unknown): Promise<PlanReply> {
      const [X, sim] = await Promise.all([experiments(), engine]);
      const v = X.validateExperiment(input, { forSweep: true });
      if (!v.ok) return v;
      const e = v.experiment;
      const cells = X.textCellIssues(e);
      if (cells.length) return { ok: false, issues: cells };
      if (typeof e.scenario !== 'object' || e.scenario === null) {
        return { ok: false, issues: [{ path: 'scenario', message: `names a file ("${String(e.scenario)}"); the page runs an experiment whose scenario is written in it` }] };
      }
      const s = sim.validateScenario(e.scenario);
      if (!s.ok) return { ok: false, issues: s.issues.map((i) => ({ path: i.path ? `scenario.${i.path}` : 'scenario', message: i.message })) };
      const plan = X.planSweep(X.sweepSource(e, e.scenario, s.scenario));
      const rows = (e.ticks ?? s.scenario.ticks) + 1;
      const seriesValues = e.series ? e.series.columns.length * X.seriesRows(rows, e.series.every).length : 0;
      return { ok: true, plan: { head: X.manifestHead(plan), valid: plan.valid, invalid: plan.invalid, runBytes: plan.runBytes, seriesValues } };
    },

    async sweep(init: { base: unknown; experiment: PointExperiment }, listener: SweepListener): Promise<SweepOutcome> {
      const my = ++control.generation;
      control.rouse();
      control.paused = false;
      const cancelled = () => my !== control.generation;
      const X = await experiments();
      const run = X.sweepTaskSteps(init.base, init.experiment, SLICE_TICKS);
      try {
        for (let task = await listener.next(); task && !cancelled(); task = await listener.next()) {
          const steps = run(task);
          let until = performance.now() + SLICE_MS;
          let r = steps.next();
          while (!r.done) {
            if (performance.now() >= until) {
              await yieldToMessages();
              if (cancelled()) return { status: 'cancelled' };
              until = performance.now() + SLICE_MS;
            }
            r = steps.next();
          }
          await listener.result(r.value);
        }
      } catch (e) {
        return { status: 'failed', message: e instanceof Error ? e.message : String(e) };
      }
      return { status: cancelled() ? 'cancelled' : 'done' };
    },

    async sweepFiles(head: ManifestHead, records: SweepRecords, state: Manifest['state']) {
      const files = (await experiments()).sweepOutput(head, records, { state });
      return Comlink.transfer(files, files.flatMap((f) => (typeof f.data === 'string' ? [] : [f.data.buffer as ArrayBuffer])));
    },

    async readOutput(manifest: { name: string; text: string }, runs: { name: string; bytes: Uint8Array }): Promise<OutputReply> {
      const X = await experiments();
      let m: Manifest;
      try {
        m = JSON.parse(manifest.text) as Manifest;
      } catch (e) {
        return { ok: false, message: `${manifest.name} is not valid JSON: ${(e as Error).message}` };
      }
      if (m?.format !== 1 || typeof m.detente !== 'string' || typeof m.experimentHash !== 'string' || !m.experiment || !Array.isArray(m.design?.points) || !Array.isArray(m.seeds)) {
        return { ok: false, message: `${manifest.name} is not a Détente sweep manifest (format 1)` };
      }
      const v = X.validateExperiment(m.experiment, { forSweep: true });
      if (!v.ok) return { ok: false, message: `${manifest.name}: its experiment is invalid: ${X.formatIssues(v.issues).slice(0, 3).join('; ')}` };
      try {
        return { ok: true, manifest: { ...m, experiment: v.experiment }, table: await X.dataTable(runs.name, runs.bytes) };
      } catch (e) {
        return { ok: false, message: (e as Error).message };
      }
    },

    async analyze(experiment: ExperimentData, table: DataTable, options: AnalyzeOptions): Promise<AnalysisReply> {
      const X = await experiments();
      try {
        return { ok: true, result: X.analyze(X.buildDesign(experiment), table, options) };
      } catch (e) {
        if (e instanceof X.AnalysisError) return { ok: false, message: e.message };
        throw e;
      }
    },
  };
}
