import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, MAX_SHARE_LENGTH, type ShareState } from '../../../viz/app/share';

const state: ShareState = { v: 1, scenario: { name: 'x', seed: 3, parties: [] }, runs: 7, variants: [{ name: 'all five', scenario: { seed: 4 } }] };

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

  it('decodeShare(hash) clamps the ensemble size and drops malformed variants', async () => {
    const bad = (await encodeShare({ ...state, runs: 1e9, variants: [{ name: 5 } as unknown as ShareState['variants'][0], { name: 'ok', scenario: 1 }] })).hash;
    const got = await decodeShare(bad);
    expect(got?.runs).toBe(1);
    expect(got?.variants).toEqual([{ name: 'ok', scenario: 1 }]);
  });
});
