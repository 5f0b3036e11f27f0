import type { Shard } from '../../sim/experiments/runOrder';
import { UsageError } from '../command';

/** A shard and where its index and count came from (`--shard I/N`, or the engine `--shard auto` found). */
export interface ShardChoice extends Shard {
  source: string;
}

const WHOLE = /^(0|[1-9][0-9]*)$/;
const MAX_SHARDS = 1_000_000;

function whole(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const t = raw.trim();
  return WHOLE.test(t) && Number(t) <= Number.MAX_SAFE_INTEGER ? Number(t) : NaN;
}

/**
 * The engines `--shard auto` recognises, in the order it looks for them: each names the variable
 * holding the task's index, and how to read index and count from the environment (count from
 * `--shards N` where the engine does not say it).
 */
const ENGINES: ReadonlyArray<{ name: string; marker: string; read(env: NodeJS.ProcessEnv): { index: number; count: number | undefined; how: string } }> = [
  {
    name: 'Slurm job array',
    marker: 'SLURM_ARRAY_TASK_ID',
    read(env) {
      const id = whole(env.SLURM_ARRAY_TASK_ID);
      const min = whole(env.SLURM_ARRAY_TASK_MIN) ?? 0;
      // --array=0-6:2 runs tasks 0, 2, 4, 6: shard (id − min) / step of 4
      const step = whole(env.SLURM_ARRAY_TASK_STEP) ?? 1;
      const count = whole(env.SLURM_ARRAY_TASK_COUNT);
      if (id === undefined || Number.isNaN(id) || Number.isNaN(min) || !(step >= 1) || (id - min) % step !== 0) {
        throw new UsageError(`--shard auto: Slurm's SLURM_ARRAY_TASK_ID (${env.SLURM_ARRAY_TASK_ID}), SLURM_ARRAY_TASK_MIN (${env.SLURM_ARRAY_TASK_MIN}) and SLURM_ARRAY_TASK_STEP (${env.SLURM_ARRAY_TASK_STEP}) do not give a task number`);
      }
      return { index: (id - min) / step, count, how: `SLURM_ARRAY_TASK_ID ${id} − SLURM_ARRAY_TASK_MIN ${min}${step > 1 ? `, step ${step}` : ''}; SLURM_ARRAY_TASK_COUNT ${env.SLURM_ARRAY_TASK_COUNT}` };
    },
  },
  {
    name: 'Kubernetes Indexed Job',
    marker: 'JOB_COMPLETION_INDEX',
    read: (env) => ({ index: whole(env.JOB_COMPLETION_INDEX) as number, count: undefined, how: `JOB_COMPLETION_INDEX ${env.JOB_COMPLETION_INDEX}` }),
  },
  {
    name: 'AWS Batch array job',
    marker: 'AWS_BATCH_JOB_ARRAY_INDEX',
    read: (env) => ({ index: whole(env.AWS_BATCH_JOB_ARRAY_INDEX) as number, count: undefined, how: `AWS_BATCH_JOB_ARRAY_INDEX ${env.AWS_BATCH_JOB_ARRAY_INDEX}` }),
  },
  {
    name: 'GNU parallel',
    marker: 'PARALLEL_SEQ',
    read: (env) => ({ index: (whole(env.PARALLEL_SEQ) as number) - 1, count: undefined, how: `PARALLEL_SEQ ${env.PARALLEL_SEQ} − 1` }),
  },
];

/** The variables `--shard auto` reads, in the order it looks for them. */
export const AUTO_SHARD_VARIABLES = ENGINES.map((e) => e.marker);

/**
 * The shard a sweep runs: `--shard I/N` (0-based I), `--shard auto` (from the environment of a
 * Slurm job array, a Kubernetes Indexed Job, an AWS Batch array job or GNU parallel, first found
 * in that order; `--shards N` gives the count where the engine does not), or the whole sweep.
 * Malformed or inconsistent values are UsageErrors naming the flag or variable.
 */
export function chooseShard(flag: string | undefined, shards: number | undefined, env: NodeJS.ProcessEnv): ShardChoice {
  if (flag === undefined) {
    if (shards !== undefined) throw new UsageError('--shards goes with --shard auto');
    return { index: 0, count: 1, source: 'whole sweep' };
  }
  if (flag.trim() !== 'auto') {
    if (shards !== undefined) throw new UsageError('--shards goes with --shard auto; --shard I/N gives the count itself');
    const m = /^\s*([0-9]+)\s*\/\s*([0-9]+)\s*$/.exec(flag);
    const index = m ? Number(m[1]) : NaN;
    const count = m ? Number(m[2]) : NaN;
    if (!m || !(count >= 1 && count <= MAX_SHARDS) || !(index < count)) {
      throw new UsageError(`--shard must be I/N with 0 ≤ I < N ≤ ${MAX_SHARDS.toLocaleString('en')} (e.g. 0/4), or auto; got "${flag}"`);
    }
    return { index, count, source: `--shard ${index}/${count}` };
  }
  const engine = ENGINES.find((e) => env[e.marker] !== undefined && env[e.marker] !== '');
  if (!engine) {
    throw new UsageError(`--shard auto found no job array: none of ${AUTO_SHARD_VARIABLES.join(', ')} is set (use --shard I/N to give the shard yourself)`);
  }
  const got = engine.read(env);
  let count = got.count;
  if (count !== undefined && shards !== undefined && shards !== count) {
    throw new UsageError(`--shards ${shards} contradicts the ${engine.name}'s count of ${count} tasks`);
  }
  count ??= shards;
  if (count === undefined) throw new UsageError(`--shard auto under a ${engine.name} needs --shards N, the number of tasks (${engine.marker} gives only the index)`);
  if (Number.isNaN(count) || !(count >= 1 && count <= MAX_SHARDS)) throw new UsageError(`--shard auto: the ${engine.name}'s task count is not a whole number from 1 to ${MAX_SHARDS.toLocaleString('en')} (${got.how})`);
  if (!Number.isInteger(got.index) || got.index < 0 || got.index >= count) {
    throw new UsageError(`--shard auto: the ${engine.name}'s task index ${Number.isNaN(got.index) ? `"${env[engine.marker]}"` : got.index} is not from 0 to ${count - 1} (${got.how})`);
  }
  return { index: got.index, count, source: `${engine.name} (${got.how}${got.count === undefined ? `; --shards ${count}` : ''})` };
}
