import { format } from 'd3';
import type { Bands, Interval } from '../../../sim/ensemble';
import type { ModelEvent } from '../../../sim/observe/modelEvents';
import type { RunSummary } from '../../../sim/summary';
import { EVENT_WORDS } from '../eventWords';
import { escalationChart } from '../../escalationChart';
import type { Series } from '../../lineChart';
import { seriesColor } from '../../palette';
import type { AppState } from '../appState';
import { dataTable } from '../dataTable';
import { byId, el } from '../dom';
import { armScenarios, exerciseLibrary, type ExerciseEntry } from '../exercise/exerciseLibrary';
import { MEASURES, type ExerciseData } from '../exercise/exerciseSchema';
import { exerciseVerdict, measureLabel, type Verdict } from '../exercise/exerciseVerdict';
import { sketchCurve, sketchInput, type SketchInput } from '../exercise/sketchInput';
import { startEnsemble } from '../ensembleJob';
import type { EditableScenario } from '../fillScenario';
import { ESCALATION_LABEL } from '../runCharts';
import { timeAxisOf, yearsOf } from '../yearsOf';
import type { WorkerPool } from '../workerPool';

/** Options of `exercisePanel`. */
export interface ExercisePanelOptions {
  state: AppState;
  /** The page's workers, which run the exercises' ensembles. */
  pool: WorkerPool;
  /** Runs the working scenario in the main view (after "open this arm"). */
  run: () => Promise<void>;
  /** The exercises to offer (default: scenarios/exercises/). */
  library?: readonly ExerciseEntry[];
}

/** One arm's ensemble, once run. */
interface ArmResult {
  name: string;
  scenario: EditableScenario;
  band: Bands;
  summaries: RunSummary[];
  /** The model events of the arm's first run. */
  events: readonly ModelEvent[];
}

/** Most events of an arm's first run that the explanation lists. */
const EVENTS_EXPLAINED = 8;

const f2 = format('.2f');
const cell = (i: Interval) => `${f2(i.median)} (90 % of runs: ${f2(i.lo)} to ${f2(i.hi)})`;

/**
 * Guided exercises (scenarios/exercises/*.json): a chooser, then one exercise at a time — its
 * introduction and question, the student's prediction (a choice, or a sketch of the curve), the
 * runs of its arms as ensembles paired by seed, the prediction against the result with the
 * ensemble's spread, and the explanation. A debrief prints the lot (print stylesheet).
 */
export function exercisePanel({ state, pool, run, library = exerciseLibrary }: ExercisePanelOptions): { open(id?: string): void } {
  const root = byId('exercise');
  let generation = 0;

  function close(): void {
    generation++;
    root.hidden = true;
    root.replaceChildren();
    document.body.removeAttribute('data-exercise');
  }

  function show(...children: Node[]): HTMLElement {
    root.replaceChildren(...children);
    root.hidden = false;
    document.body.dataset.exercise = 'open';
    const h = root.querySelector('h2') as HTMLElement | null;
    h?.setAttribute('tabindex', '-1');
    h?.focus();
    root.scrollIntoView?.({ block: 'start' });
    return root;
  }

  const closeButton = () => {
    const b = el('button', { type: 'button', class: 'small', text: 'Close exercises' });
    b.addEventListener('click', close);
    return b;
  };

  function chooser(): void {
    generation++;
    const items = library.map((e) => {
      if (!e.ok) return el('li', { class: 'invalid' }, el('strong', { text: `${e.id}.json cannot be used: ` }), e.problems.join('; '));
      const b = el('button', { type: 'button', class: 'link', 'data-exercise': e.id, text: e.exercise.title });
      b.addEventListener('click', () => start(e.id, e.exercise));
      return el('li', {}, b, el('span', { class: 'muted', text: ` — ${e.exercise.question}` }));
    });
    show(el('h2', { text: 'Exercises: predict, run, explain' }),
      el('p', { text: 'Each exercise asks you to predict what a change does before you run it, then shows what happened over many runs and why. They follow McDonald\'s argument about multi-track diplomacy.' }),
      el('ol', { class: 'exercise-list' }, ...items), closeButton());
  }

  function start(id: string, ex: ExerciseData): void {
    const mine = ++generation;
    const arms = armScenarios(ex);
    const axis = timeAxisOf(arms[0]);
    const runButton = el('button', { type: 'button', class: 'primary', 'data-testid': 'exercise-run', text: 'Run the experiment', disabled: true });
    const status = el('p', { class: 'exercise-status', role: 'status' });
    const result = el('div', { class: 'exercise-result' });
    let predicted: () => string = () => '';
    let sketch: SketchInput | undefined;
    let choice = '';

    let predictionBox: HTMLElement;
    if (ex.prediction.kind === 'choice') {
      const name = `prediction-${id}`;
      predictionBox = el('fieldset', { class: 'prediction' }, el('legend', { text: 'Your prediction' }),
        ...ex.prediction.options.map((o, k) => {
          const input = el('input', { type: 'radio', name, id: `${name}-${k}`, value: o.when });
          input.addEventListener('change', () => {
            choice = o.when;
            predicted = () => o.text;
            runButton.disabled = false;
          });
          return el('div', {}, input, el('label', { for: `${name}-${k}`, text: ` ${o.text}` }));
        }));
    } else {
      sketch = sketchInput(ex.prediction.years);
      const preview = el('div', { class: 'chart sketch-preview', 'aria-hidden': 'true' });
      const years = yearsOf(arms[0], arms[0].ticks + 1);
      const drawPreview = () => escalationChart(preview, { years, series: [{ name: 'your sketch', values: sketchCurve(offset(sketch!.points(), arms[0].startYear), years), dash: true, color: '#333' }] },
        { ...axis, title: 'Your sketch', yLabel: 'escalation', height: 200 });
      sketch.onChange(() => {
        drawPreview();
        runButton.disabled = false;
      });
      predicted = () => `the sketch (${sketch!.points().values.map(f2).join(', ')} at years ${sketch!.points().years.join(', ')})`;
      predictionBox = el('div', { class: 'prediction' }, sketch.element, preview);
      requestAnimationFrame(drawPreview);
      runButton.disabled = false;
    }

    const back = el('button', { type: 'button', class: 'small', text: 'All exercises' });
    back.addEventListener('click', chooser);
    show(el('h2', { text: ex.title }),
      ...ex.intro.map((p) => el('p', { text: p })),
      el('p', { class: 'question' }, el('strong', { text: 'Question: ' }), ex.question),
      predictionBox, el('div', { class: 'row' }, runButton, back, closeButton()), status, result);

    runButton.addEventListener('click', async () => {
      runButton.disabled = true;
      predictionBox.querySelectorAll('input').forEach((i) => (i.disabled = true));
      const done: ArmResult[] = [];
      for (const [k, scenario] of arms.entries()) {
        status.textContent = `Running “${ex.arms[k].name}”: ${ex.runs} runs (${k + 1} of ${arms.length})…`;
        const { outcome, results } = await startEnsemble(pool, { scenario, runs: ex.runs, partyNames: scenario.parties.map((p) => p.name) }, () => {}).done;
        if (mine !== generation) return;
        if (outcome.status !== 'done') {
          status.textContent = `The runs of “${ex.arms[k].name}” did not finish (${outcome.status === 'failed' ? outcome.message : outcome.status}).`;
          status.setAttribute('role', 'alert');
          return;
        }
        done.push({ name: ex.arms[k].name, scenario, band: outcome.bands.X, summaries: outcome.summaries, events: results.events[0] ?? [] });
      }
      status.textContent = `Done: ${arms.length} × ${ex.runs} runs.`;
      showResult({ ex, id, arms: done, verdict: exerciseVerdict(ex.measure, done.map((a) => a.summaries)), choice, predicted: predicted(), sketch, result });
      document.body.dataset.exerciseState = 'done';
    });
    delete document.body.dataset.exerciseState;
  }

  function showResult(o: { ex: ExerciseData; id: string; arms: ArmResult[]; verdict: Verdict; choice: string; predicted: string; sketch?: SketchInput; result: HTMLElement }): void {
    const { ex, arms, verdict } = o;
    const years = yearsOf(arms[0].scenario, arms[0].scenario.ticks + 1);
    const series: Series[] = arms.map((a, k) => ({ name: `${a.name} (typical run)`, values: a.band.median, band50: [a.band.q25, a.band.q75], band90: [a.band.q05, a.band.q95], color: seriesColor(k) }));
    const sketched = o.sketch ? sketchCurve(offset(o.sketch.points(), arms[0].scenario.startYear), years) : undefined;
    if (sketched) series.push({ name: 'your sketch', values: sketched, dash: true, color: '#333' });
    const chart = el('div', { class: 'chart', id: 'exercise-chart', 'data-testid': 'exercise-chart' });
    const m = MEASURES[ex.measure];

    const lines: Node[] = [el('p', {}, el('strong', { text: 'You predicted: ' }), o.predicted)];
    const rows = arms.map((a, k) => el('li', { text: `${a.name}: ${cell(verdict.arms[k])}` }));
    lines.push(el('p', { text: `What the runs say — ${measureLabel(ex.measure)} (${m.unit}), typical value and the range of 90 % of the runs:` }), el('ul', {}, ...rows));
    if (verdict.difference && verdict.outcome && ex.prediction.kind === 'choice') {
      const d = verdict.difference;
      lines.push(el('p', { text: `Run by run (same chance events), “${arms[0].name}” minus “${arms[1].name}”: ${cell(d)}.` }));
      const right = ex.prediction.options.find((x) => x.when === verdict.outcome);
      const ok = o.choice === verdict.outcome;
      lines.push(el('p', { class: ok ? 'verdict right' : 'verdict wrong', 'data-testid': 'exercise-verdict' },
        el('strong', { text: ok ? 'Your prediction matches the runs. ' : 'The runs say otherwise. ' }),
        `What the runs support: ${right?.text ?? verdict.outcome}`));
    }
    if (sketched && o.sketch) {
      const pts = o.sketch.points();
      const at = pts.years.map((y) => Math.min(arms[0].band.median.length - 1, Math.round(y * arms[0].scenario.ticksPerYear)));
      const inside = at.filter((i, k) => pts.values[k] >= arms[0].band.q05[i] - 1e-9 && pts.values[k] <= arms[0].band.q95[i] + 1e-9).length;
      const off = at.reduce((s, i, k) => s + Math.abs(pts.values[k] - arms[0].band.median[i]), 0) / at.length;
      lines.push(el('p', { class: 'verdict', 'data-testid': 'exercise-verdict', text: `Your sketch is on average ${f2(off)} away from the typical run of “${arms[0].name}”, and inside the range of 90 % of its runs at ${inside} of ${at.length} points.` }));
    }

    const table = el('details', { class: 'data-table' }, el('summary', { text: 'The curves as a table' }), el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': 'The curves as a table' }));
    const tpy = arms[0].scenario.ticksPerYear;
    const yearRows = Array.from({ length: Math.floor((years.length - 1) / tpy) + 1 }, (_, k) => k * tpy);
    dataTable(table.querySelector('.table-wrap') as HTMLElement, {
      caption: `Escalation (0 = calm, 1 = all-out war): typical run of each arm${sketched ? ' and your sketch' : ''}, one row a year`,
      columns: ['year', ...arms.map((a) => a.name), ...(sketched ? ['your sketch'] : [])],
      rows: yearRows.map((i) => [format('.0f')(years[i]), ...arms.map((a) => f2(a.band.median[i])), ...(sketched ? [f2(sketched[i])] : [])]),
    });

    const openArms = arms.map((a) => {
      const b = el('button', { type: 'button', class: 'small', text: `Open “${a.name}” in the main view` });
      b.addEventListener('click', () => {
        if (state.loadScenario(a.scenario, { id: '', name: a.name })) void run();
      });
      return b;
    });
    const print = el('button', { type: 'button', 'data-testid': 'exercise-print', text: 'Print the debrief' });
    print.addEventListener('click', () => window.print());

    // the events of each arm's first run that the charts mark: what the model says happened, and why
    const happened = arms.map((a) => {
      const key = a.events.filter((e) => EVENT_WORDS[e.type].mark);
      const items = key.slice(0, EVENTS_EXPLAINED).map((e) => el('li', {}, el('strong', { text: `tick ${e.tick}, ${EVENT_WORDS[e.type].words}: ` }), e.why));
      if (key.length > EVENTS_EXPLAINED) items.push(el('li', { class: 'muted', text: `…and ${key.length - EVENTS_EXPLAINED} more.` }));
      return el('div', { class: 'arm-events' }, el('h4', { text: `In the first run of “${a.name}” (seed ${a.summaries[0]?.seed ?? ''})` }),
        items.length ? el('ol', {}, ...items) : el('p', { class: 'muted', text: 'Nothing the charts mark happened: no talks, settlement, leak or exit.' }));
    });
    o.result.replaceChildren(chart, ...lines,
      el('h3', { text: 'What happened' }), ...ex.explanation.map((p) => el('p', { text: p })), ...happened,
      ...(ex.next ? [el('p', {}, el('strong', { text: 'Try next: ' }), ex.next)] : []),
      table, el('div', { class: 'row no-print' }, print, ...openArms));
    escalationChart(chart, { years, series }, { ...timeAxisOf(arms[0].scenario), title: ex.title, yLabel: ESCALATION_LABEL });
  }

  return {
    open(id) {
      const e = library.find((x) => x.id === id);
      if (e?.ok) start(e.id, e.exercise);
      else chooser();
    },
  };
}

/** Sketch years count from the start; a scenario with a calendar draws them at its dates. */
function offset(p: { years: number[]; values: number[] }, startYear: number | undefined): { years: number[]; values: number[] } {
  return startYear === undefined ? p : { years: p.years.map((y) => y + startYear), values: p.values };
}
