import { describe, expect, it } from 'vitest';
import { emptyData } from '../../../../viz/app/explore/exploreData';
import { createExploreState, type Exploration } from '../../../../viz/app/explore/exploreState';
import type { ManifestHead } from '../../../../sim/experiments/sweepManifest';

const head = { design: { factors: ['a'], points: [{ point: 0, values: [1] }] }, replicates: 1, experiment: { metrics: ['peakX'] } } as unknown as ManifestHead;

describe('exploreState', () => {
  it('show(x) puts an exploration on screen and clears its analysis; only the one on screen announces progress and takes an analysis', () => {
    const s = createExploreState();
    const heard: string[] = [];
    for (const t of ['exploration', 'progress', 'analysis', 'settings', 'status'] as const) s.on(t, () => heard.push(t));
    const a: Exploration = { source: 'page', data: emptyData(head), status: 'running' };
    const b: Exploration = { source: 'file', data: emptyData(head), status: 'opened' };
    s.show(a);
    s.setAnalysis(a, { method: 'morris', metric: 'peakX', message: 'no' });
    expect(s.analysis?.message).toBe('no');
    s.show(b);
    expect(s.analysis).toBeUndefined();
    heard.length = 0;
    s.progressed(a);
    s.setAnalysis(a, { method: 'morris', metric: 'peakX', message: 'late' });
    s.setExplorationStatus(a, 'done');
    expect(heard).toEqual([]);
    expect(a.status).toBe('done');
    s.progressed(b);
    s.setStatus('x', true);
    expect(heard).toEqual(['progress', 'status']);
    expect(s.status).toEqual({ text: 'x', error: true });
  });
});
