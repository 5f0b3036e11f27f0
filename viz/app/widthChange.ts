/** Options of `onWidthChange`. */
export interface WidthChangeOptions {
  /** Quiet time after the last resize event before `listener` is called, in milliseconds. Default 150. */
  settleMs?: number;
}

/**
 * Calls `listener` once the window's width has changed and settled (a phone turned, a window
 * resized): charts are drawn at their container's width. Height changes alone are ignored.
 */
export function onWidthChange(listener: () => void, { settleMs = 150 }: WidthChangeOptions = {}): void {
  let width = window.innerWidth;
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.innerWidth === width) return;
      width = window.innerWidth;
      listener();
    }, settleMs);
  });
}
