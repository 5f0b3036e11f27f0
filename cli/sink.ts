import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { chmod, open, readdir, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { InputError, OutputClosed, OutputError, UsageError } from './command';

/** Where data goes: stdout or a file, written in order with backpressure so big ensembles stream. */
export interface Sink {
  write(chunk: string): Promise<void>;
  /** Finishes the output: flushes stdout; for a file, moves the finished file into place. */
  close(): Promise<void>;
  /** Abandons the output after a failure: a file's temporary copy is removed and any earlier file is left as it was. */
  discard(): Promise<void>;
}

const REASONS: Record<string, string> = {
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  EISDIR: 'it is a directory',
  EIO: 'input/output error',
};

/** The error to throw when writing to `target` failed with `e`: a closed pipe ends quietly, anything else is reported. */
export function outputFailure(target: string, e: unknown): Error {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return new OutputClosed();
  return new OutputError(target, REASONS[code] ?? (e instanceof Error ? e.message : String(e)));
}

/** A system error from writing (as opposed to a bug): it has an errno code and names a write. */
export function isWriteFailure(e: unknown): boolean {
  const err = e as NodeJS.ErrnoException | undefined;
  return typeof err?.code === 'string' && (err.syscall === 'write' || err.code === 'EPIPE');
}

function streamSink(stream: Writable, name: string): Sink {
  let failure: unknown;
  // kept for the life of the process: a late error without a listener would crash it
  stream.on('error', (e) => (failure ??= e));
  const check = () => {
    if (failure !== undefined) throw outputFailure(name, failure);
  };
  return {
    async write(chunk) {
      check();
      let flowing: boolean;
      try {
        // stdout on a file or device writes synchronously and throws (ENOSPC on /dev/full)
        flowing = stream.write(chunk);
      } catch (e) {
        throw outputFailure(name, e);
      }
      if (!flowing) {
        // whichever comes first; the other listener is removed, so listeners do not pile up
        const settled = new AbortController();
        await Promise.race([once(stream, 'drain', { signal: settled.signal }), once(stream, 'error', { signal: settled.signal })]).catch(() => undefined);
        settled.abort();
      }
      check();
    },
    async close() {
      check();
    },
    async discard() {},
  };
}

/**
 * A file written whole or not at all: the data goes to a temporary file beside the target, which
 * replaces the target only once complete (rename is atomic within a folder). A run that fails, or
 * is killed, leaves an existing file as it was. A device or pipe that exists (/dev/null, a FIFO)
 * is written as it is, never replaced.
 */
async function fileSink(file: string): Promise<Sink> {
  const dir = dirname(resolve(file));
  const previous = await stat(file).catch(() => undefined);
  if (previous?.isDirectory()) throw new OutputError(file, 'it is a directory');
  const direct = previous !== undefined && !previous.isFile();
  if (!direct) await removeStaleTemporaries(dir, basename(file));
  const tmp = direct ? file : join(dir, `.${basename(file)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  let fh: FileHandle;
  try {
    fh = await open(tmp, direct ? 'w' : 'wx');
    if (previous && !direct) await chmod(tmp, previous.mode & 0o7777);
  } catch (e) {
    throw outputFailure(file, e);
  }
  let handleOpen = true;
  const closeHandle = async () => {
    if (handleOpen) await fh.close().catch(() => undefined);
    handleOpen = false;
  };
  const discard = async () => {
    await closeHandle();
    if (!direct) await unlink(tmp).catch(() => undefined);
  };
  return {
    async write(chunk) {
      try {
        await fh.write(chunk);
      } catch (e) {
        throw outputFailure(file, e);
      }
    },
    async close() {
      try {
        if (!direct) await fh.sync();
        await fh.close();
        handleOpen = false;
        if (!direct) await rename(tmp, file);
      } catch (e) {
        await discard();
        throw outputFailure(file, e);
      }
    },
    discard,
  };
}

/** Removes temporary files that runs killed before finishing left beside `name` (their process is gone). */
async function removeStaleTemporaries(dir: string, name: string): Promise<void> {
  const entries = await readdir(dir).catch(() => [] as string[]);
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith('.tmp')) continue;
    const m = /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(entry.slice(prefix.length));
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    await unlink(join(dir, entry)).catch(() => undefined);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file sink that a later run can continue: see openResumableSink. */
export interface ResumableSink extends Sink {
  /** Bytes written so far. */
  readonly bytes: number;
  /** The file the output grows in until it is complete. */
  readonly partial: string;
}

/** The file in which the output to `file` grows while a checkpointed run is under way: beside it, hidden. */
export function partialFile(file: string): string {
  return join(dirname(resolve(file)), `.${basename(file)}.partial`);
}

/**
 * A file written whole or not at all, like fileSink, whose unfinished output survives the process
 * (in `partialFile(file)`), so a run killed part-way can continue it: fresh (`resumeAt` undefined)
 * it starts the partial file empty; resumed, it cuts it back to `resumeAt` bytes (what a
 * checkpoint recorded) and writes on from there. A failure leaves the partial file for a resume.
 */
export async function openResumableSink(file: string, resumeAt?: number): Promise<ResumableSink> {
  const target = await stat(file).catch(() => undefined);
  if (target && !target.isFile()) throw new UsageError(`--out ${file} is not a regular file; a checkpointed run writes its output to a file it can continue`);
  const partial = partialFile(file);
  let fh: FileHandle;
  let bytes = 0;
  try {
    if (resumeAt === undefined) {
      fh = await open(partial, 'w');
      if (target) await chmod(partial, target.mode & 0o7777);
    } else {
      const had = await stat(partial).catch(() => undefined);
      if (!had || had.size < resumeAt) {
        throw new InputError([`${file}: the output written so far (${partial}) is ${had ? `${had.size} bytes, shorter than the ${resumeAt} the checkpoint records` : 'missing'}; run again without --resume-from`]);
      }
      fh = await open(partial, 'r+');
      await fh.truncate(resumeAt);
      bytes = resumeAt;
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw outputFailure(file, e);
  }
  let handleOpen = true;
  return {
    get bytes() {
      return bytes;
    },
    partial,
    async write(chunk) {
      const data = Buffer.from(chunk, 'utf8');
      try {
        // at an explicit position: a resumed file is written on from the checkpoint's byte
        for (let done = 0; done < data.length;) done += (await fh.write(data, done, data.length - done, bytes + done)).bytesWritten;
      } catch (e) {
        throw outputFailure(file, e);
      }
      bytes += data.length;
    },
    async close() {
      try {
        await fh.sync();
        await fh.close();
        handleOpen = false;
        await rename(partial, file);
      } catch (e) {
        throw outputFailure(file, e);
      }
    },
    async discard() {
      if (handleOpen) await fh.close().catch(() => undefined);
      handleOpen = false;
    },
  };
}

/** A sink to stdout, or to `file` when given (written whole or not at all, see fileSink). */
export async function openSink(file: string | undefined, stdout: Writable): Promise<Sink> {
  return file === undefined ? streamSink(stdout, 'stdout') : fileSink(file);
}

/** Refuses an output file (given by `flag`, default --out) that is one of the inputs (the same file by any path or link): writing it would destroy the input. */
export async function refuseOverwritingInput(out: string, inputs: ReadonlyArray<{ flag: string; file: string }>, flag = '--out'): Promise<void> {
  const target = await stat(out).catch(() => undefined);
  const outPath = target ? await realpath(out) : join(await realpath(dirname(resolve(out))).catch(() => dirname(resolve(out))), basename(out));
  for (const input of inputs) {
    const source = await stat(input.file).catch(() => undefined);
    if (!source) continue;
    const same = (target && target.dev === source.dev && target.ino === source.ino) || outPath === await realpath(input.file);
    if (same) throw new UsageError(`${flag} ${out} is the ${input.flag} itself; writing there would replace it: choose another file`);
  }
}
