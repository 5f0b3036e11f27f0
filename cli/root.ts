/**
 * The checkout's root folder, as a URL ending in '/'. This module sits one folder below it, and so
 * does the bundle that inlines it (bundle/detente.mjs), so the same expression holds in both.
 */
export const ROOT = new URL('../', import.meta.url);
