import { readSettings, type ExploreSettings } from './explore/exploreSettings';
import { isEnsembleSize, MAX_SHARED_VARIANTS, VARIANT_NAME_MAX } from './limits';

/**
 * What a share link carries: the scenario as edited, the ensemble size, the saved variants, the
 * comparison's baseline and the Explore view's settings. Format 2 added the baseline (and later,
 * as an optional field, the exploration); links of format 1 open as format 2 without them.
 */
export interface ShareState {
  v: 2;
  scenario: unknown;
  runs: number;
  variants: { name: string; scenario: unknown }[];
  /** The baseline: a variant's index, or −1 for the last run; absent for the default (the first variant). */
  baseline?: number;
  /** The exploration to run on the scenario (the Explore view's settings); absent when there is none. */
  explore?: ExploreSettings;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/**
 * Longest share hash offered, in characters. Chromium opens URLs of up to 2 MB (2,097,152
 * characters) and refuses longer ones; the margin leaves room for the address before the hash.
 */
export const MAX_SHARE_LENGTH = 1.5 * 1024 * 1024;

/** An encoded share state: its hash, the hash's length in characters, and whether a browser can open a link that long. */
export interface EncodedShare {
  hash: string;
  length: number;
  fits: boolean;
}

/** The URL hash (`#s=…`) of a share state: deflated JSON in base64url, with its size. */
export async function encodeShare(state: ShareState): Promise<EncodedShare> {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  const hash = '#s=' + toBase64Url(await pipe(bytes, new CompressionStream('deflate-raw')));
  return { hash, length: hash.length, fits: hash.length <= MAX_SHARE_LENGTH };
}

/** Limit on the inflated size, so a hostile link cannot exhaust memory. */
const MAX_BYTES = 20 * 1024 * 1024;

class TooLarge extends Error {}

/**
 * Inflates a link's data, stopping as soon as the output passes MAX_BYTES: deflate packs a run of
 * zeros about a thousandfold, so a link of a few megabytes could otherwise inflate to gigabytes
 * before any check on the result.
 */
async function inflateBounded(bytes: Uint8Array): Promise<Uint8Array> {
  const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > MAX_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Reads a share hash back. Returns undefined when there is none; throws an Error saying what is
 * wrong when it is malformed. The scenarios inside are untrusted: the caller validates them.
 */
export async function decodeShare(hash: string): Promise<ShareState | undefined> {
  const m = /^#s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!hash || hash === '#') return undefined;
  if (!m) throw new Error('the link\'s data is not in the expected form (#s=…)');
  let text: string;
  try {
    text = new TextDecoder().decode(await inflateBounded(fromBase64Url(m[1])));
  } catch (e) {
    if (e instanceof TooLarge) throw new Error(`the link\'s data is too large (over ${MAX_BYTES / 1024 / 1024} MB once unpacked)`);
    throw new Error('the link\'s data is damaged (it could not be decompressed)');
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error('the link\'s data is not valid JSON');
  }
  const d = data as Partial<Omit<ShareState, 'v'>> & { v?: unknown };
  if (typeof d !== 'object' || d === null || (d.v !== 1 && d.v !== 2)) throw new Error('the link was made by an unknown version of Détente');
  const runs = isEnsembleSize(d.runs) ? d.runs : 1;
  const variants = Array.isArray(d.variants)
    ? d.variants.filter((x): x is { name: string; scenario: unknown } => typeof x === 'object' && x !== null && typeof (x as { name?: unknown }).name === 'string').slice(0, MAX_SHARED_VARIANTS)
      .map((x) => ({ name: x.name.slice(0, VARIANT_NAME_MAX), scenario: x.scenario }))
    : [];
  const shared: ShareState = { v: 2, scenario: d.scenario, runs, variants };
  if (Number.isInteger(d.baseline) && (d.baseline as number) >= -1 && (d.baseline as number) < variants.length) shared.baseline = d.baseline;
  const explore = readSettings(d.explore);
  if (explore) shared.explore = explore;
  return shared;
}
