import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../cli/command';
import { chooseShard } from '../../../cli/sweep/shard';

describe('chooseShard', () => {
  it('chooseShard() without --shard is the whole sweep', () => {
    expect(chooseShard(undefined, undefined, {})).toMatchObject({ index: 0, count: 1 });
  });

  it('chooseShard("I/N") takes the shard as given, 0-based', () => {
    expect(chooseShard('3/8', undefined, {})).toMatchObject({ index: 3, count: 8 });
    expect(chooseShard(' 0 / 1 ', undefined, {})).toMatchObject({ index: 0, count: 1 });
    for (const bad of ['8/8', '1/0', '-1/4', 'a/4', '2', '1/2/3', '']) expect(() => chooseShard(bad, undefined, {}), bad).toThrow(UsageError);
    expect(() => chooseShard('1/4', 4, {})).toThrow(/--shards goes with --shard auto/);
  });

  it('chooseShard("auto") reads a Slurm job array: task id − min, the array\'s count, and its step', () => {
    const env = { SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_MIN: '5', SLURM_ARRAY_TASK_COUNT: '4' };
    expect(chooseShard('auto', undefined, env)).toMatchObject({ index: 2, count: 4, source: expect.stringMatching(/^Slurm job array/) });
    expect(chooseShard('auto', 4, env)).toMatchObject({ index: 2, count: 4 });
    expect(() => chooseShard('auto', 5, env)).toThrow(/--shards 5 contradicts the Slurm job array's count of 4/);
    expect(chooseShard('auto', undefined, { SLURM_ARRAY_TASK_ID: '6', SLURM_ARRAY_TASK_MIN: '0', SLURM_ARRAY_TASK_STEP: '2', SLURM_ARRAY_TASK_COUNT: '4' })).toMatchObject({ index: 3, count: 4 });
  });

  it('chooseShard("auto") reads Kubernetes, AWS Batch and GNU parallel indices, with the count from --shards', () => {
    expect(chooseShard('auto', 6, { JOB_COMPLETION_INDEX: '5' })).toMatchObject({ index: 5, count: 6, source: expect.stringMatching(/^Kubernetes Indexed Job/) });
    expect(chooseShard('auto', 6, { AWS_BATCH_JOB_ARRAY_INDEX: '0' })).toMatchObject({ index: 0, count: 6, source: expect.stringMatching(/^AWS Batch/) });
    expect(chooseShard('auto', 4, { PARALLEL_SEQ: '4' })).toMatchObject({ index: 3, count: 4, source: expect.stringMatching(/^GNU parallel/) });
    expect(() => chooseShard('auto', undefined, { JOB_COMPLETION_INDEX: '1' })).toThrow(/needs --shards N/);
    expect(() => chooseShard('auto', 4, { PARALLEL_SEQ: '5' })).toThrow(/task index 4 is not from 0 to 3/);
    expect(() => chooseShard('auto', 4, { AWS_BATCH_JOB_ARRAY_INDEX: 'x' })).toThrow(/task index "x"/);
  });

  it('chooseShard("auto") takes the first engine found, in the documented order', () => {
    const all = { PARALLEL_SEQ: '1', AWS_BATCH_JOB_ARRAY_INDEX: '1', JOB_COMPLETION_INDEX: '2', SLURM_ARRAY_TASK_ID: '3', SLURM_ARRAY_TASK_COUNT: '4' };
    expect(chooseShard('auto', undefined, all)).toMatchObject({ index: 3, source: expect.stringMatching(/^Slurm/) });
    const { SLURM_ARRAY_TASK_ID: _s, SLURM_ARRAY_TASK_COUNT: _c, ...noSlurm } = all;
    expect(chooseShard('auto', 4, noSlurm)).toMatchObject({ index: 2, source: expect.stringMatching(/^Kubernetes/) });
    const { JOB_COMPLETION_INDEX: _k, ...noK8s } = noSlurm;
    expect(chooseShard('auto', 4, noK8s)).toMatchObject({ index: 1, source: expect.stringMatching(/^AWS/) });
    expect(() => chooseShard('auto', 4, {})).toThrow(/found no job array: none of SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX, PARALLEL_SEQ is set/);
  });
});
