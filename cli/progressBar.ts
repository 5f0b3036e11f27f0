/** A progress bar on stderr, drawn only when stderr is a terminal so logs and pipes stay clean. */
export interface ProgressBar {
  update(done: number, total: number): void;
  /** Erases the bar. */
  done(): void;
}

const WIDTH = 30;

/** Seconds as "12.3 s", "4 min 05 s" or "2 h 07 min". */
function duration(secs: number): string {
  if (secs < 60) return `${secs.toFixed(1)} s`;
  const m = Math.floor(secs / 60);
  if (m < 60) return `${m} min ${String(Math.floor(secs % 60)).padStart(2, '0')} s`;
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}

/**
 * Creates a bar on `stream`; on anything but a TTY every call does nothing. It shows the time
 * so far and, once some work is done, the estimated time left at the average pace since the first
 * update (the first update marks the start: call it with 0 done when the work begins).
 */
export function progressBar(stream: NodeJS.WriteStream, label: string): ProgressBar {
  if (!stream.isTTY) return { update() {}, done() {} };
  const start = Date.now();
  let first: { t: number; done: number } | undefined;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      first ??= { t: now, done };
      const filled = total > 0 ? Math.round((WIDTH * done) / total) : WIDTH;
      const rate = (done - first.done) / ((now - first.t) / 1000);
      const eta = done < total && rate > 0 && Number.isFinite(rate) ? `, ETA ${duration((total - done) / rate)}` : '';
      stream.write(`\r${label} [${'#'.repeat(filled)}${' '.repeat(WIDTH - filled)}] ${done}/${total} ${duration((now - start) / 1000)}${eta}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) stream.write('\r\x1b[K');
      drawn = false;
    },
  };
}
