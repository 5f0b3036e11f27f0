import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha256 } from '../../sim/index';

const nodeSha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('sha256()', () => {
  it('sha256(text) gives FIPS 180-4\'s test vectors', () => {
    expect(sha256('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  it('sha256(text) equals node:crypto\'s digest of the text\'s UTF-8 bytes, at every padding boundary', () => {
    for (let n = 0; n <= 130; n++) expect(sha256('é'.repeat(n >> 1) + 'a'.repeat(n))).toBe(nodeSha256('é'.repeat(n >> 1) + 'a'.repeat(n)));
  });

  it('sha256(text) equals node:crypto\'s digest on random text, lone surrogates included', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      expect(sha256(text)).toBe(nodeSha256(text));
    }), { numRuns: 300, seed: 20261127 });
  });
});
