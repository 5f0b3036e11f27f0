/*
 * The Explore view's state: its settings, the exploration on screen (run by the page or opened from
 * a finished sweep's files), its status line and the analysis drawn from it. Panels read it,
 * change it through the functions below, and redraw on the topics they subscribe to. No DOM and
 * no workers, so it runs (and is tested) in Node.
 */
import type { AnalysisResult } from '../../../sim/experiments/analyze';
import type { FailureRecord, RunRecord } from '../../../sim/experiments/sweepOutput';
import { topics } from '../topics';
import type { ExploreData } from './exploreData';
import type { ExploreSettings } from './exploreSettings';

/** How an exploration stands. */
export type ExplorationStatus = 'planning' | 'running' | 'paused' | 'done' | 'cancelled' | 'failed' | 'opened';

/** An exploration on screen. */
export interface Exploration {
  /** `page`: run here, its runs' lines kept for the exports; `file`: a finished sweep opened. */
  source: 'page' | 'file';
  data: ExploreData;
  /** The runs' lines, for a page-run exploration's exports. */
  records?: { runs: Map<number, RunRecord>; failures: Map<number, FailureRecord> };
  status: ExplorationStatus;
  /** The settings it was run with (a page-run exploration of the view's own). */
  settings?: ExploreSettings;
}

/** An analysis of the exploration's runs, or why there is none. */
export interface ExploreAnalysis {
  method: 'morris' | 'sobol' | 'prim';
  metric: string;
  result?: AnalysisResult;
  message?: string;
}

/**
 * What changed: `settings` the view's settings; `exploration` one began, ended or was opened;
 * `progress` new runs in; `analysis` a new analysis; `status` the status line.
 */
export type ExploreTopic = 'settings' | 'exploration' | 'progress' | 'analysis' | 'status';

/** The Explore view's state and the only functions that change it. */
export interface ExploreState {
  readonly settings: ExploreSettings | undefined;
  readonly shown: Exploration | undefined;
  readonly analysis: ExploreAnalysis | undefined;
  readonly status: { text: string; error: boolean };
  on(topic: ExploreTopic, listener: () => void): () => void;
  setSettings(s: ExploreSettings): void;
  /** Puts an exploration on screen (its analysis cleared). */
  show(x: Exploration): void;
  /** Marks an exploration's status (ignored unless it is on screen). */
  setExplorationStatus(x: Exploration, status: ExplorationStatus): void;
  /** Announces new runs of the exploration on screen. */
  progressed(x: Exploration): void;
  setAnalysis(x: Exploration, a: ExploreAnalysis | undefined): void;
  setStatus(text: string, error?: boolean): void;
}

/** A new Explore state: no settings, nothing on screen. */
export function createExploreState(): ExploreState {
  let settings: ExploreSettings | undefined;
  let shown: Exploration | undefined;
  let analysis: ExploreAnalysis | undefined;
  let status = { text: '', error: false };
  const { on, notify } = topics<ExploreTopic>();
  return {
    get settings() { return settings; },
    get shown() { return shown; },
    get analysis() { return analysis; },
    get status() { return status; },
    on,
    setSettings(s) {
      settings = s;
      notify('settings');
    },
    show(x) {
      shown = x;
      analysis = undefined;
      notify('exploration');
      notify('analysis');
    },
    setExplorationStatus(x, s) {
      x.status = s;
      if (x === shown) notify('exploration');
    },
    progressed(x) {
      if (x === shown) notify('progress');
    },
    setAnalysis(x, a) {
      if (x !== shown) return;
      analysis = a;
      notify('analysis');
    },
    setStatus(text, error = false) {
      status = { text, error };
      notify('status');
    },
  };
}
