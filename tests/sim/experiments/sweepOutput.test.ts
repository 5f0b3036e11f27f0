import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveExperiment } from '../../../cli/sweep/resolveExperiment';
import { planSweep } from '../../../sim/experiments/planSweep';
import { runOrder } from '../../../sim/experiments/runOrder';
import { manifestHead } from '../../../sim/experiments/sweepManifest';
import { recordResult, sweepOutput, type FailureRecord, type RunRecord } from '../../../sim/experiments/sweepOutput';
import { finish } from '../../../sim/experiments/sweepRun';
import { sweepTaskRunner, sweepTaskSteps, type SweepTask } from '../../../sim/experiments/sweepTask';
import { mainIn } from '../../cli/helpers/detente';
import { tempDir, TINY } from '../../cli/helpers/sweep';

const tmp = tempDir('sweep-output');
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The tiny experiment's runs made in this process, in run order, one task at a time (each run advanced `steps` ticks at a time). */
async function inMemory(steps: number) {
  const source = await resolveExperiment(TINY);
  const plan = planSweep(source);
  const e = source.experiment;
  const sliced = sweepTaskSteps(source.base, e, steps);
  const make = steps === Infinity ? sweepTaskRunner(source.base, e) : (task: SweepTask) => finish(sliced(task));
  const records = { runs: new Map<number, RunRecord>(), failures: new Map<number, FailureRecord>() };
  let id = 0;
  for (const ref of runOrder(plan.design.points.length, e.replicates)) {
    const p = plan.design.points[ref.point];
    recordResult(records, make({ id: id++, index: ref.point, point: p.point, values: p.values, replicate: ref.replicate }), e.replicates);
  }
  return { head: manifestHead(plan), records };
}

describe('sweepOutput', () => {
  it('sweepOutput(head, records) gives, byte for byte, every file detente sweep writes for the same experiment (tables, Parquet and manifest)', async () => {
    const out = join(tmp, 'cli');
    expect((await mainIn(['sweep', TINY, '--out', out, '--workers', '1'])).code).toBe(0);
    const { head, records } = await inMemory(Infinity);
    const files = sweepOutput(head, records, { state: 'complete' });
    expect(files.map((f) => f.name).sort()).toEqual(['failures.csv', 'manifest.json', 'runs.csv', 'runs.parquet', 'series.csv', 'series.parquet']);
    for (const f of files) {
      const cli = readFileSync(join(out, f.name));
      expect(Buffer.from(typeof f.data === 'string' ? new TextEncoder().encode(f.data) : f.data).equals(cli), f.name).toBe(true);
    }
  }, 120_000);

  it('sweepTaskSteps(…) cut into slices of 7 ticks gives the lines of whole runs', async () => {
    const whole = await inMemory(Infinity);
    const sliced = await inMemory(7);
    expect([...sliced.records.runs.entries()]).toEqual([...whole.records.runs.entries()]);
  }, 120_000);

  it('sweepOutput(head, records) of a stopped sweep keeps its runs in order, marks the rest pending, and writes no Parquet', async () => {
    const { head, records } = await inMemory(Infinity);
    const some = new Map([...records.runs].filter(([k]) => k % 5 === 0).reverse());
    const files = sweepOutput(head, { runs: some, failures: new Map() }, { state: 'stopped' });
    expect(files.map((f) => f.name)).toEqual(['runs.csv', 'series.csv', 'failures.csv', 'manifest.json']);
    const lines = (files[0].data as string).split('\n').slice(1, -1);
    expect(lines).toEqual([...some.keys()].sort((a, b) => a - b).map((k) => some.get(k)!.line.slice(0, -1)));
    const m = JSON.parse(files[3].data as string);
    expect(m.state).toBe('stopped');
    expect(m.counts).toEqual({ runs: 36, done: some.size, failed: 0, pending: 36 - some.size });
  }, 120_000);
});
