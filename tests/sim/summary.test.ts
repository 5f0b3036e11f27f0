import { describe, expect, it } from 'vitest';
import { summarize } from '../../sim/index';

const o = { dt: 0.5, deescalated: 0.3, sustain: 3 };
const ticks = (n: number) => Array.from({ length: n }, (_, t) => t);

describe('summarize()', () => {
  it('summarize() finds the first tick from which X stays below deescalated for sustain ticks', () => {
    const X = [0.5, 0.2, 0.2, 0.5, 0.2, 0.2, 0.2, 0.6];
    const s = summarize({ run: 2, seed: 9, X, tick: ticks(X.length), settlements: 1, collapses: 0, ...o });
    expect(s.timeToDeescalation).toBe(4);
    expect(s.deescalated).toBe(true);
    expect(s.run).toBe(2);
    expect(s.seed).toBe(9);
  });

  it('summarize() reports null and not de-escalated when X never stays low long enough', () => {
    const X = [0.5, 0.2, 0.2, 0.5, 0.2, 0.2];
    const s = summarize({ run: 0, seed: 1, X, tick: ticks(X.length), settlements: 0, collapses: 0, ...o });
    expect(s.timeToDeescalation).toBeNull();
    expect(s.deescalated).toBe(false);
  });

  it('summarize() gives peak and final X and the trapezoid area under X in X·years', () => {
    const X = [0.2, 0.6, 0.4];
    const s = summarize({ run: 0, seed: 1, X, tick: ticks(3), settlements: 3, collapses: 1, ...o });
    expect(s.peakX).toBe(0.6);
    expect(s.finalX).toBe(0.4);
    expect(s.areaX).toBeCloseTo(((0.2 + 0.6) / 2 + (0.6 + 0.4) / 2) * 0.5, 12);
    expect(s.settlements).toBe(3);
    expect(s.collapses).toBe(1);
  });

  it('summarize() uses the tick column, so a run resumed at a later tick reports real ticks', () => {
    const s = summarize({ run: 0, seed: 1, X: [0.1, 0.1, 0.1], tick: [100, 101, 102], settlements: 0, collapses: 0, ...o });
    expect(s.timeToDeescalation).toBe(100);
  });
});
