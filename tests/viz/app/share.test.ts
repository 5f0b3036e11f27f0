import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import base from '../../../scenarios/intrastate-conflict.json';
import { createAppState } from '../../../viz/app/appState';
import { decodeShare, encodeShare, MAX_SHARE_LENGTH, type ShareState } from '../../../viz/app/share';

const state: ShareState = { v: 2, scenario: { name: 'x', seed: 3, parties: [] }, runs: 7, variants: [{ name: 'all five', scenario: { seed: 4 } }], baseline: 0 };
/** A link made by the page before the comparison's baseline was shared (format 1): the default scenario edited, 12 runs, two variants. */
const V1_LINK = readFileSync('tests/fixtures/viz/share-v1.txt', 'utf8').trim();

describe('share', () => {
  it('decodeShare(encodeShare(state)) gives the state back', async () => {
    const { hash, length, fits } = await encodeShare(state);
    expect(hash).toMatch(/^#s=[A-Za-z0-9_-]+$/);
    expect(length).toBe(hash.length);
    expect(fits).toBe(true);
    expect(await decodeShare(hash)).toEqual(state);
  });

  it('encodeShare(state) reports a link longer than browsers open (a 4.6 MB edge list gave 2.31 MB) as not fitting', async () => {
    // random weights compress poorly, as a real edge list's do
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const edges = Array.from({ length: 230_000 }, () => [Math.floor(random() * 2000), Math.floor(random() * 2000), random()]);
    const big = await encodeShare({ ...state, scenario: { name: 'big', network: { type: 'edges', edges } } });
    expect(big.length).toBeGreaterThan(MAX_SHARE_LENGTH);
    expect(big.fits).toBe(false);
    expect(MAX_SHARE_LENGTH).toBeLessThan(2 * 1024 * 1024);
  });

  it('decodeShare(hash) is undefined without a hash and names the problem of a damaged one', async () => {
    expect(await decodeShare('')).toBeUndefined();
    await expect(decodeShare('#s=!!')).rejects.toThrow(/expected form/);
    await expect(decodeShare('#s=AAAA')).rejects.toThrow(/damaged/);
  });

  it('decodeShare(hash) refuses a link that inflates past its limit, without inflating all of it', async () => {
    // 64 MiB of zeros deflate to about 64 KiB: a compression bomb small enough for a URL
    const zeros = new Uint8Array(64 * 1024 * 1024);
    const packed = new Uint8Array(await new Response(new Blob([zeros]).stream().pipeThrough(new CompressionStream('deflate-raw'))).arrayBuffer());
    let s = '';
    for (let i = 0; i < packed.length; i += 0x8000) s += String.fromCharCode(...packed.subarray(i, i + 0x8000));
    const hash = '#s=' + btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    await expect(decodeShare(hash)).rejects.toThrow(/too large/);
  });

  it('decodeShare(hash) opens a link of format 1 as format 2 without a baseline, and the page state takes it whole', async () => {
    const shared = await decodeShare(V1_LINK);
    expect(shared).toMatchObject({ v: 2, runs: 12 });
    expect(shared).not.toHaveProperty('baseline');
    expect(shared?.variants.map((v) => v.name)).toEqual(['Track One only', 'all five']);
    const page = createAppState();
    expect(page.openShared(shared!, { libraryId: () => '' })).toBe(true);
    expect(page.working.parties[1].reactivity).toBe(0.45);
    expect(page.variants.map((v) => v.scenario.actors.map((a) => a.track))).toEqual([[1], base.actors.map((a) => a.track)]);
    expect(page.comparisonBaseline()).toBe(page.variants[0]);
    expect(page.status.error).toBe(false);
  });

  it('decodeShare(hash) drops a baseline that names no variant', async () => {
    expect(await decodeShare((await encodeShare({ ...state, baseline: 1 })).hash)).not.toHaveProperty('baseline');
    expect((await decodeShare((await encodeShare({ ...state, baseline: -1 })).hash))?.baseline).toBe(-1);
  });

  it('decodeShare(hash) clamps the ensemble size and drops malformed variants', async () => {
    const bad = (await encodeShare({ ...state, runs: 1e9, variants: [{ name: 5 } as unknown as ShareState['variants'][0], { name: 'ok', scenario: 1 }] })).hash;
    const got = await decodeShare(bad);
    expect(got?.runs).toBe(1);
    expect(got?.variants).toEqual([{ name: 'ok', scenario: 1 }]);
  });
});
