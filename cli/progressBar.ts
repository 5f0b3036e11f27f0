/** A progress bar on stderr, drawn only when stderr is a terminal so logs and pipes stay clean. */
export interface ProgressBar {
  update(done: number, total: number): void;
  /** Erases the bar. */
  done(): void;
}

const WIDTH = 30;

/** Creates a bar on `stream`; on anything but a TTY every call does nothing. */
export function progressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  const start = Date.now();
  let drawn = false;
  return {
    update(done, total) {
      const filled = total > 0 ? Math.round((WIDTH * done) / total) : WIDTH;
      const secs = ((Date.now() - start) / 1000).toFixed(1);
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total} ${secs} s`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
