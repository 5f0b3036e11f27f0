/*
 * The page's entry. It starts the simulation worker at once (the worker then loads the engine in
 * parallel), only then loads the rest of the page (app.ts: d3, zod, the panels), and wires it:
 * one app state, one panel per part of the page, and the runs between them.
 */
import { newSimulationWorker, simulationWorker, workerReady } from './simulationWorker';

const app = await import('./app');
performance.mark('app-start');

const state = app.createAppState();
// A worker that dies (an uncaught error, or one that vanishes) is replaced, and the page says so;
// a run it was running ends as failed (see ensembleJob and sweepJob).
const onReplaced = (message: string) => state.setStatus(message[0].toUpperCase() + message.slice(1) + '.', true);
const workers = app.poolSize(location.search, navigator.hardwareConcurrency);
const pool = app.createWorkerPool({ size: workers.size, first: simulationWorker, makeWorker: newSimulationWorker, ready: workerReady, onReplaced });
const current = app.currentRunner({ state, pool });
const run = current.run;
const variants = app.variantRuns({ state, pool });
const explore = app.createExploreState();
const explorer = app.exploreRunner({ state: explore, pool });

app.scenarioPanel({ state, run });
app.trackMixPanel({ state });
app.runControls({ state, current });
const results = app.resultsPanel({ state });
const summary = app.summaryPanel({ state });
const comparison = app.comparisonPanel({ state, pool, variantRuns: variants, revealComparison: summary.reveal });
app.sharePanel({ state });
app.instructorPanel({ state, run });
app.debriefPanel({ state });
app.eventLogPanel({ state });
app.explainOnClick('explain-events', 'events');
const exercises = app.exercisePanel({ state, pool, run });
for (const id of ['exercises', 'exercises-intro']) document.getElementById(id)?.addEventListener('click', () => exercises.open());
const exploration = app.explorePanel({ state, explore, runner: explorer });
app.checkOnEdit({ state, pool });
app.explainOnClick('explain-tracks', 'tracks');
app.explainOnClick('explain-mix', 'tracks');
app.explainOnClick('glossary', 'glossary');
app.explainOnClick('explain-phases', 'phases');
app.explainOnClick('explain-compare', 'compare');
app.explainOnClick('explain-explore', 'explore');
app.aboutDialog();
app.onWidthChange(() => {
  results.redraw();
  comparison.redraw();
  exploration.redraw();
});

// Open the shared link if there is one, else the default scenario; then run it.
let fromLink = false;
try {
  const shared = await app.decodeShare(location.hash);
  if (shared) fromLink = state.openShared(shared, { libraryId: (name) => app.scenarioLibrary.find((e) => e.name === name)?.id ?? '' });
} catch (e) {
  state.setStatus(`The shared link could not be read: ${(e as Error).message}. Showing the default scenario.`, true);
}
// The link's problems (unreadable, invalid scenario, skipped variants) are in the status now:
// keep them to show beside the first run's status, which would otherwise hide them.
if (workers.issue) state.setStatus(`${workers.issue}.`, true);
if (state.status.error) state.setLinkNotice(state.status.text);
if (!fromLink) {
  const def = app.scenarioLibrary.find((e) => e.id === app.DEFAULT_SCENARIO) ?? app.scenarioLibrary[0];
  state.loadScenario(def.json, { id: def.id, name: def.name });
}
void run();
if (state.variants.length) void variants.drain();
// a link's exploration runs too, on the workers the run and the variants leave free
const linked = state.exploreLink;
if (linked) {
  explore.setSettings(linked);
  const fields = app.factorFields(state.working);
  const problems = app.settingsIssues(linked, fields);
  if (problems.length) explore.setStatus(`The link's exploration cannot run: ${problems.join('; ')}.`, true);
  else void explorer.run(app.exploreExperiment(linked, state.working, fields), linked);
}
