/** Most workers the page starts by itself: beyond this, more workers mostly add memory and start-up time. */
export const MAX_AUTO_WORKERS = 8;
/** Most workers `?workers=N` may ask for. */
export const MAX_WORKERS = 16;

/**
 * How many simulation workers the page runs: `?workers=N` in the address (1–16, for tests and
 * benches), else min(navigator.hardwareConcurrency || 2, 8). `issue` says why a `workers`
 * parameter was not taken ('' when there was none or it was taken).
 */
export function poolSize(search: string, hardwareConcurrency: number | undefined): { size: number; issue: string } {
  const auto = Math.min(hardwareConcurrency || 2, MAX_AUTO_WORKERS);
  const asked = new URLSearchParams(search).get('workers');
  if (asked === null) return { size: auto, issue: '' };
  const n = Number(asked);
  if (asked.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= MAX_WORKERS) return { size: n, issue: '' };
  return { size: auto, issue: `?workers must be a whole number from 1 to ${MAX_WORKERS} (got "${asked}"); using ${auto}` };
}
