import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { InputError } from './command';

/** Where data goes: stdout or a file, written in order with backpressure so big ensembles stream. */
export interface Sink {
  write(chunk: string): Promise<void>;
  /** Flushes and, for a file, closes it. */
  close(): Promise<void>;
}

function streamSink(stream: Writable, name: string, owned: boolean): Sink {
  let failure: Error | undefined;
  stream.on('error', (e) => (failure = e));
  const check = () => {
    if (failure) throw new InputError([`${name}: cannot write: ${failure.message}`]);
  };
  return {
    async write(chunk) {
      check();
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), once(stream, 'error').catch(() => undefined)]);
      check();
    },
    async close() {
      check();
      if (owned) {
        stream.end();
        await once(stream, 'finish').catch(() => undefined);
        check();
      }
    },
  };
}

/** A sink to stdout, or to `file` when given (created or truncated; an unwritable path is an InputError). */
export async function openSink(file: string | undefined, stdout: Writable): Promise<Sink> {
  if (file === undefined) return streamSink(stdout, 'stdout', false);
  const stream = createWriteStream(file);
  try {
    await once(stream, 'open');
  } catch (e) {
    throw new InputError([`${file}: cannot write: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such directory' : (e as Error).message}`]);
  }
  return streamSink(stream, file, true);
}
