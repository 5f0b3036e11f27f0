import { ensureBundle } from '../../cli/bundle.mjs';

/**
 * Brings bundle/ up to date once before the tests, so the many tests that spawn the bin
 * (cli/detente.mjs, which rebuilds a stale bundle itself) do not all rebuild it at once.
 */
export default async function setup(): Promise<void> {
  await ensureBundle('detente');
}
