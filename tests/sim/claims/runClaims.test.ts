import { describe, expect, it } from 'vitest';
import { CLAIMS, runClaims } from '../../../sim/claims/index';
import { options } from '../../fixtures/sim/claimOptions';

describe('runClaims()', () => {
  it('CLAIMS lists C1 to C9 in order', () => {
    expect(CLAIMS.map((c) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']);
  });

  it('runClaims(o, only) runs only the claims named, in order, and reports each as it finishes', () => {
    const seen: string[] = [];
    const results = runClaims(options, ['C8', 'C7'], (r) => seen.push(r.id));
    expect(results.map((r) => r.id)).toEqual(['C7', 'C8']);
    expect(seen).toEqual(['C7', 'C8']);
  });
});
