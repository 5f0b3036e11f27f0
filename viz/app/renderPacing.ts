/*
 * How panels keep the main thread free while results stream in: redraws at most every so often,
 * after the next frame, and charts drawn one per task.
 */

/** A redraw that runs at most once every `intervalMs`, in an animation frame; `schedule` asks for one. */
export function throttledRender(render: () => void, intervalMs: number): { schedule(): void } {
  let queued = false;
  let last = 0;
  return {
    schedule() {
      if (queued) return;
      queued = true;
      setTimeout(() => requestAnimationFrame(() => {
        queued = false;
        last = performance.now();
        render();
      }), Math.max(0, intervalMs - (performance.now() - last)));
    },
  };
}

/** Runs `tasks` in order, one per task of the event loop, while `wanted()` holds (a newer redraw stops an older one). */
export function oneTaskEach(tasks: Array<() => void>, wanted: () => boolean): void {
  const next = () => {
    const t = tasks.shift();
    if (!t || !wanted()) return;
    t();
    if (tasks.length) setTimeout(next, 0);
  };
  next();
}
