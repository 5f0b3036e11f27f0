import { closeSync, existsSync, ftruncateSync, openSync, readSync, statSync, writeSync } from 'node:fs';
import { InputError } from '../command';

/*
 * The CSV files of a sweep as files of whole lines. A sweep appends each run's lines with one
 * synchronous write, which is in the kernel's hands when the call returns: a crash or a kill of
 * the process loses nothing already written, and can at worst leave a last line without its
 * newline, which readers ignore and a resumed sweep cuts off.
 */

const CHUNK = 1 << 22;

/** Where a line sits in its file, and its text without the newline. */
export interface Line {
  text: string;
  offset: number;
  /** Bytes, newline included. */
  length: number;
}

/**
 * Calls `each` for every complete line after the header (a last line without its newline is
 * torn and skipped), reading the file in chunks so its size does not matter. Returns the header
 * and the byte offset just after the last complete line.
 */
export function scanLines(file: string, each: (line: Line) => void): { header: string | undefined; end: number } {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let carry = Buffer.alloc(0);
    let carryOffset = 0;
    let pos = 0;
    let header: string | undefined;
    let end = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, pos);
      if (n === 0) break;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      const base = carry.length ? carryOffset : pos;
      pos += n;
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        const text = data.toString('utf8', start, nl);
        if (header === undefined) header = text;
        else each({ text, offset: base + start, length: nl + 1 - start });
        start = nl + 1;
        end = base + start;
      }
      carry = Buffer.from(data.subarray(start));
      carryOffset = base + start;
    }
    return { header, end };
  } finally {
    closeSync(fd);
  }
}

/** Reads `length` bytes of a file from `offset` (a slice located by scanLines). */
export function readSlice(fd: number, offset: number, length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  let got = 0;
  while (got < length) {
    const n = readSync(fd, out, got, length - got, offset + got);
    if (n === 0) throw new Error(`file ended at byte ${offset + got}, before the ${length} bytes expected from ${offset}`);
    got += n;
  }
  return out;
}

/** A file lines are appended to, one synchronous write each. */
export interface AppendFile {
  append(text: string): void;
  close(): void;
}

/**
 * Opens `file` for appending whole lines. A new or empty file gets `header` first; an existing
 * one must start with that header (else an InputError: it is some other table), and a torn last
 * line (no newline: the process died mid-write) is cut off first.
 */
export function openAppend(file: string, header: string): AppendFile {
  const exists = existsSync(file) && statSync(file).size > 0;
  if (exists) {
    const { header: found, end } = scanLines(file, () => {});
    if (found === undefined || `${found}\n` !== header) {
      throw new InputError([`${file}: its header is not this sweep's (expected ${JSON.stringify(header.trimEnd())}${found === undefined ? '' : `, found ${JSON.stringify(found)}`})`]);
    }
    const fd = openSync(file, 'r+');
    try {
      if (statSync(file).size !== end) ftruncateSync(fd, end);
    } finally {
      closeSync(fd);
    }
  }
  const fd = openSync(file, 'a');
  if (!exists) writeSync(fd, header);
  return {
    append(text) {
      if (text) writeSync(fd, text);
    },
    close() {
      closeSync(fd);
    },
  };
}

/** A buffered writer of a whole new file, for rewriting tables: far fewer system calls than one per line. */
export interface BufferedFile {
  write(data: string | Buffer): void;
  close(): void;
}

export function openBuffered(file: string): BufferedFile {
  const fd = openSync(file, 'w');
  let parts: Buffer[] = [];
  let size = 0;
  const flush = () => {
    if (!size) return;
    writeSync(fd, parts.length === 1 ? parts[0] : Buffer.concat(parts, size));
    parts = [];
    size = 0;
  };
  return {
    write(data) {
      const b = typeof data === 'string' ? Buffer.from(data) : data;
      parts.push(b);
      size += b.length;
      if (size >= CHUNK) flush();
    },
    close() {
      flush();
      closeSync(fd);
    },
  };
}
