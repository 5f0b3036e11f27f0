// Types of cli/bundle.mjs, which stays plain JavaScript: the bin runs it before anything can
// compile TypeScript.

/** Where and what to bundle; every field defaults to the checkout's own. */
export interface BundleOptions {
  /** The project's root folder, ending in '/'. */
  root?: string;
  /** The output folder, ending in '/'. */
  outDir?: string;
  /** Output name → source file relative to `root`. */
  entries?: Record<string, string>;
}

export const ENTRIES: Record<string, string>;
export const ROOT: string;
export const OUT_DIR: string;
export function buildBundle(o?: BundleOptions): Promise<{ files: string[]; inputs: string[] }>;
export function staleness(o?: BundleOptions): string | undefined;
export function ensureBundle(name: string, o?: BundleOptions): Promise<string>;
