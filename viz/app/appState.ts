/*
 * The page's state, held in one place: the scenario being edited and the one it was loaded as,
 * the ensemble size, the saved variants, the current run, the status line and the validation
 * issues. Panels read it, change it only through the functions below, and redraw when a topic
 * they subscribed to is announced. Nothing here touches the DOM or the worker, so it runs (and is
 * tested) in Node.
 */
import type { Bands, EnsembleStats } from '../../sim/ensemble';
import type { Columns } from '../../sim/observe/observe';
import { Actor } from '../../sim/scenario/schema';
import type { ValidationIssue } from '../../sim/scenario/validate';
import { trackName, trackOf } from '../../sim/tracks/tracks';
import type { RunSummary } from '../../sim/summary';
import { fillScenario, type EditableScenario } from './fillScenario';
import { plainIssue, type IssueContext } from './plainIssue';
import { isEnsembleSize, MAX_RUNS, VARIANT_NAME_MAX } from './limits';
import type { RunResults } from './ensembleJob';
import { setPath, type ScenarioPath } from './scenarioPath';
import { topics } from './topics';
import type { ShareState } from './share';
import type { ExploreSettings } from './explore/exploreSettings';

type Json = Record<string, unknown>;

/** Ensemble size the page starts with. */
export const DEFAULT_RUNS = 10;

/** A saved configuration and, once run, its ensemble results. */
export interface Variant {
  readonly name: string;
  /** A copy of the working scenario when the variant was saved. */
  readonly scenario: EditableScenario;
  status: 'queued' | 'running' | 'done' | 'failed';
  /** Per-tick bands of the escalation index over the variant's ensemble, once done. */
  band?: Bands;
  stats?: EnsembleStats;
  /** Each replicate's summary, once done: what comparisons pair by seed. */
  summaries?: RunSummary[];
  /** Each replicate's columns, once done, for the comparison's export. */
  columns?: Columns[];
}

/** The configuration the comparison measures the others against: a saved variant or the last run. */
export type Baseline = Variant | 'run';

/** How a run ended, as the page records it in `document.body.dataset.runState` (tests wait on it). */
export type RunState = 'running' | 'done' | 'cancelled' | 'invalid' | 'failed';

/** The run on screen: a copy of the scenario it ran, and its results as far as they have arrived. */
export interface CurrentRun {
  readonly scenario: EditableScenario;
  readonly runs: number;
  results: RunResults;
  done: boolean;
  paused: boolean;
  /** Ensemble statistics and the escalation index's bands, once done. */
  stats?: EnsembleStats;
  band?: Bands;
}

/** Where the working scenario came from: a library id ('' for a file or a link) and a name for messages. */
export interface ScenarioSource {
  id: string;
  name: string;
}

/** The status line. */
export interface Status {
  text: string;
  error: boolean;
}

/**
 * What changed, announced to subscribers: `scenario` a new scenario loaded; `edit` a field of the
 * working scenario; `tracks` a track switched on or off; `runs` the ensemble size; `variants` the
 * list or a variant's state; `baseline` the comparison's baseline; `run` the current run began, paused, ended or was cleared;
 * `progress` new rows of the current run; `explore` the exploration a link carries; `status`,
 * `issues` and `histogramTick` themselves.
 */
export type Topic = 'scenario' | 'edit' | 'tracks' | 'runs' | 'variants' | 'baseline' | 'run' | 'progress' | 'status' | 'issues' | 'histogramTick' | 'explore';

/** The page's state and the only functions that change it. */
export interface AppState {
  /** The scenario being edited (defaults filled in). */
  readonly working: EditableScenario;
  /** The scenario as last loaded, for Reset. */
  readonly baseline: EditableScenario;
  readonly source: Readonly<ScenarioSource>;
  readonly runsWanted: number;
  /** What is wrong with the ensemble size last entered ('' when it was valid); Run waits for a valid one. */
  readonly runsIssue: string;
  readonly variants: readonly Variant[];
  /** The comparison's baseline as chosen; undefined until one is (see `comparisonBaseline`). */
  readonly baselineChoice: Baseline | undefined;
  /** The Explore view's settings a share link carries (those last run, or opened from a link). */
  readonly exploreLink: ExploreSettings | undefined;
  readonly current: CurrentRun | undefined;
  /** Whether the current run is still going (false once it ends — done, cancelled, invalid or failed — or is cleared). */
  readonly running: boolean;
  /** Undefined until the first run begins. */
  readonly runState: RunState | undefined;
  readonly status: Readonly<Status>;
  /** The worker's validation issues of the working scenario (empty when valid or not yet checked). */
  readonly issues: readonly ValidationIssue[];
  /** Whether the working scenario passed its last validation; true after a load. */
  readonly valid: boolean;
  /** What was wrong with the link the page opened with, kept to be shown beside the first run's status. */
  readonly linkNotice: string;
  /** The tick the distributions chart shows; undefined follows the latest row. */
  readonly histogramTick: number | undefined;

  /** Calls `listener` whenever `topic` is announced; returns a function that stops it. */
  on(topic: Topic, listener: () => void): () => void;

  /** Fills and checks `json` (zod only) and makes it the working scenario; on failure sets an error status naming the source and keeps the current one. */
  loadScenario(json: unknown, source: ScenarioSource): boolean;
  /** Writes `value` at `path` in the working scenario (undefined clears an optional field). */
  edit(path: ScenarioPath, value: unknown): void;
  /** Writes `value` to field `key` of every actor of track `k`. */
  editTrack(k: number, key: string, value: unknown): void;
  /** Switches track `k` on (its actors as they were when switched off, or one default actor) or off. */
  setTrack(k: number, on: boolean): void;
  /**
   * Sets the ensemble size; unless it is a whole number from 1 to MAX_RUNS, it records `runsIssue`
   * instead (the size stays as it was) and returns false.
   */
  setRunsWanted(runs: number): boolean;
  setStatus(text: string, error?: boolean): void;
  /** Records the worker's verdict on the working scenario. */
  setValidation(result: { ok: boolean; issues: readonly ValidationIssue[] }): void;
  setLinkNotice(text: string): void;
  setHistogramTick(tick: number | undefined): void;

  /**
   * Saves a copy of `scenario` (default: the working scenario) as a queued variant, its name cut
   * to VARIANT_NAME_MAX characters and numbered (" (2)", " (3)", …) when another configuration has
   * it already.
   */
  addVariant(name: string, scenario?: EditableScenario): Variant;
  removeVariant(variant: Variant): void;
  /** Updates a variant's status or results; false when it has been removed meanwhile. */
  updateVariant(variant: Variant, patch: Partial<Pick<Variant, 'status' | 'band' | 'stats' | 'summaries' | 'columns'>>): boolean;
  /** Chooses the comparison's baseline. */
  setBaseline(baseline: Baseline): void;
  /** Records the Explore view's settings for share links. */
  setExploreLink(settings: ExploreSettings | undefined): void;
  /** The baseline in force: the one chosen, else the first variant, else the last run. */
  comparisonBaseline(): Baseline;
  /** Whether the working settings (scenario or ensemble size) differ from those of the current run. */
  currentIsStale(): boolean;

  /** Starts a new current run of a copy of the working scenario, with `runsWanted` replicates. */
  beginRun(options: { paused: boolean; histogramBins: number }): CurrentRun;
  /** New results of `run`; false (ignored) when it is no longer the current run. */
  updateRun(run: CurrentRun, results: RunResults): boolean;
  /** Ends `run`; false (ignored) when it is no longer the current run. */
  finishRun(run: CurrentRun, end: { status: Exclude<RunState, 'running'>; results: RunResults; stats?: EnsembleStats; band?: Bands }): boolean;
  /** Marks the current run paused or going; ignored when nothing runs. */
  setPaused(paused: boolean): void;
  /** Forgets the current run (Reset); a run still going counts as cancelled. */
  clearRun(): void;

  /** What a share link carries: the working scenario, the ensemble size, the variants, the chosen baseline and the exploration. */
  shareState(): ShareState;
  /**
   * Opens a share link's state: its scenario (untrusted: checked as `loadScenario` does), its
   * ensemble size, its valid variants and its baseline; an invalid variant is skipped with an
   * error status.
   * False when the scenario is invalid (nothing else is taken then). `libraryId` gives the
   * library entry a scenario name belongs to, or ''.
   */
  openShared(shared: ShareState, options: { libraryId: (name: string) => string }): boolean;
}

/** `name` cut to VARIANT_NAME_MAX characters and, if a variant has it already, numbered " (2)", " (3)", … */
function uniqueName(name: string, variants: readonly Variant[]): string {
  const base = name.slice(0, VARIANT_NAME_MAX);
  const taken = new Set(variants.map((v) => v.name));
  let unique = base;
  for (let k = 2; taken.has(unique); k++) unique = `${base.slice(0, VARIANT_NAME_MAX - ` (${k})`.length)} (${k})`;
  return unique;
}

/** The first `max` issues in plain words; `json` (the scenario they are about, maybe invalid) names its parties and actors. */
const issueList = (issues: readonly ValidationIssue[], max: number, json: unknown) => {
  const ctx = (typeof json === 'object' && json !== null ? json : {}) as IssueContext;
  const safe: IssueContext = { parties: Array.isArray(ctx.parties) ? ctx.parties : undefined, actors: Array.isArray(ctx.actors) ? ctx.actors : undefined };
  return issues.slice(0, max).map((i) => plainIssue(i, safe)).join('; ');
};

/**
 * Creates the page's state: no scenario yet (load one, from the library, a file or a link, before
 * anything reads `working`), DEFAULT_RUNS runs wanted, no variants, no run.
 */
export function createAppState(): AppState {
  let working = undefined as unknown as EditableScenario;
  let baseline = undefined as unknown as EditableScenario;
  let source: ScenarioSource = { id: '', name: '' };
  let runsWanted = DEFAULT_RUNS;
  let runsIssue = '';
  const variants: Variant[] = [];
  let baselineChoice: Baseline | undefined;
  let exploreLink: ExploreSettings | undefined;
  /** Actors of tracks switched off, by track, so switching back on restores them. */
  const switchedOff = new Map<number, Json[]>();
  let current: CurrentRun | undefined;
  let running = false;
  let runState: RunState | undefined;
  let status: Status = { text: '', error: false };
  let issues: readonly ValidationIssue[] = [];
  let valid = true;
  let linkNotice = '';
  let histogramTick: number | undefined;
  const { on, notify } = topics<Topic>();
  const setStatus = (text: string, error = false) => {
    status = { text, error };
    notify('status');
  };
  const adopt = (scenario: EditableScenario, from: ScenarioSource) => {
    working = scenario;
    baseline = structuredClone(scenario);
    source = { ...from };
    switchedOff.clear();
    issues = [];
    valid = true;
    notify('scenario');
    notify('issues');
  };

  return {
    get working() { return working; },
    get baseline() { return baseline; },
    get source() { return source; },
    get runsWanted() { return runsWanted; },
    get runsIssue() { return runsIssue; },
    get variants() { return variants; },
    get baselineChoice() { return baselineChoice; },
    get exploreLink() { return exploreLink; },
    get current() { return current; },
    get running() { return running; },
    get runState() { return runState; },
    get status() { return status; },
    get issues() { return issues; },
    get valid() { return valid; },
    get linkNotice() { return linkNotice; },
    get histogramTick() { return histogramTick; },

    on,

    loadScenario(json, from) {
      const r = fillScenario(json);
      if (!r.ok) {
        setStatus(`${from.name} is not a valid scenario: ${issueList(r.issues, 5, json)}`, true);
        return false;
      }
      adopt(r.scenario, from);
      return true;
    },
    edit(path, value) {
      setPath(working, path, value);
      notify('edit');
    },
    editTrack(k, key, value) {
      for (const a of working.actors as Json[]) if (a.track === k) setPath(a, [key], value);
      notify('edit');
    },
    setTrack(k, on) {
      const actors = working.actors as Json[];
      if (on) {
        const back = switchedOff.get(k) ?? [Actor.parse({ name: `${trackName(trackOf(k))} actor`, track: k }) as Json];
        working.actors = [...actors, ...structuredClone(back)] as EditableScenario['actors'];
      } else {
        switchedOff.set(k, actors.filter((a) => a.track === k));
        working.actors = actors.filter((a) => a.track !== k) as EditableScenario['actors'];
      }
      notify('tracks');
    },
    setRunsWanted(runs) {
      const ok = isEnsembleSize(runs);
      runsIssue = ok ? '' : `a whole number from 1 to ${MAX_RUNS}`;
      if (ok) runsWanted = runs;
      notify('runs');
      return ok;
    },
    setStatus,
    setValidation(result) {
      valid = result.ok;
      issues = result.issues;
      notify('issues');
    },
    setLinkNotice(text) {
      linkNotice = text;
    },
    setHistogramTick(tick) {
      histogramTick = tick;
      notify('histogramTick');
    },

    addVariant(name, scenario = working) {
      const v: Variant = { name: uniqueName(name, variants), scenario: structuredClone(scenario), status: 'queued' };
      variants.push(v);
      notify('variants');
      return v;
    },
    removeVariant(v) {
      const k = variants.indexOf(v);
      if (k < 0) return;
      variants.splice(k, 1);
      if (baselineChoice === v) baselineChoice = undefined;
      notify('variants');
    },
    updateVariant(v, patch) {
      if (!variants.includes(v)) return false;
      Object.assign(v, patch);
      notify('variants');
      return true;
    },
    setBaseline(b) {
      baselineChoice = b;
      notify('baseline');
    },
    setExploreLink(s) {
      exploreLink = s;
      notify('explore');
    },
    comparisonBaseline() {
      return baselineChoice ?? variants[0] ?? 'run';
    },
    currentIsStale() {
      return !!current && (current.runs !== runsWanted || JSON.stringify(current.scenario) !== JSON.stringify(working));
    },

    beginRun({ paused, histogramBins }) {
      current = {
        scenario: structuredClone(working), runs: runsWanted, done: false, paused,
        results: { runs: [], summaries: [], bins: histogramBins, progress: 0, totalRows: 0, events: [] },
      };
      histogramTick = undefined;
      running = true;
      runState = 'running';
      notify('run');
      return current;
    },
    updateRun(run, results) {
      if (current !== run) return false;
      run.results = results;
      notify('progress');
      return true;
    },
    finishRun(run, end) {
      if (current !== run) return false;
      running = false;
      run.results = end.results;
      if (end.status === 'done') {
        run.done = true;
        run.stats = end.stats;
        run.band = end.band;
      }
      runState = end.status;
      notify('run');
      return true;
    },
    setPaused(paused) {
      if (!current || !running) return;
      current.paused = paused;
      notify('run');
    },
    clearRun() {
      if (running) runState = 'cancelled';
      current = undefined;
      running = false;
      histogramTick = undefined;
      notify('run');
    },

    shareState() {
      const shared: ShareState = { v: 2, scenario: working, runs: runsWanted, variants: variants.map((v) => ({ name: v.name, scenario: v.scenario })) };
      if (baselineChoice !== undefined) shared.baseline = baselineChoice === 'run' ? -1 : variants.indexOf(baselineChoice);
      if (exploreLink) shared.explore = exploreLink;
      return shared;
    },
    openShared(shared, { libraryId }) {
      const r = fillScenario(shared.scenario);
      if (!r.ok) {
        setStatus(`the shared link is not a valid scenario: ${issueList(r.issues, 5, shared.scenario)}`, true);
        return false;
      }
      adopt(r.scenario, { id: libraryId(r.scenario.name), name: 'the shared link' });
      if (isEnsembleSize(shared.runs)) runsWanted = shared.runs;
      notify('runs');
      const opened: (Variant | undefined)[] = shared.variants.map((v) => {
        const f = fillScenario(v.scenario);
        if (!f.ok) {
          setStatus(`Variant "${v.name}" in the link is invalid and was skipped: ${issueList(f.issues, 3, v.scenario)}`, true);
          return undefined;
        }
        const variant: Variant = { name: uniqueName(v.name, variants), scenario: f.scenario, status: 'queued' };
        variants.push(variant);
        return variant;
      });
      baselineChoice = shared.baseline === -1 ? 'run' : shared.baseline === undefined ? undefined : opened[shared.baseline];
      exploreLink = shared.explore;
      notify('variants');
      notify('baseline');
      notify('explore');
      return true;
    },
  };
}
