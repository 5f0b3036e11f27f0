/*
 * Everything the page needs besides the worker, in one chunk that main.ts loads once the
 * simulation worker has started: the state, the panels, the runs that connect them, d3, zod and
 * the styles.
 */
import './app.css';

export { aboutDialog } from './aboutDialog';
export { createAppState } from './appState';
export { checkOnEdit } from './checkScenario';
export { explainOnClick } from './explain';
export { comparisonPanel } from './panels/comparisonPanel';
export { debriefPanel } from './panels/debriefPanel';
export { eventLogPanel } from './panels/eventLogPanel';
export { exercisePanel } from './panels/exercisePanel';
export { instructorPanel } from './panels/instructorPanel';
export { resultsPanel } from './panels/resultsPanel';
export { runControls } from './panels/runControls';
export { scenarioPanel } from './panels/scenarioPanel';
export { sharePanel } from './panels/sharePanel';
export { summaryPanel } from './panels/summaryPanel';
export { trackMixPanel } from './panels/trackMixPanel';
export { currentRunner } from './runCurrent';
export { DEFAULT_SCENARIO, scenarioLibrary } from './scenarioLibrary';
export { decodeShare } from './share';
export { variantRuns } from './variantRuns';
export { onWidthChange } from './widthChange';
export { createExploreState } from './explore/exploreState';
export { exploreRunner } from './explore/exploreRunner';
export { exploreExperiment, settingsIssues } from './explore/exploreSettings';
export { factorFields } from './explore/factorFields';
export { explorePanel } from './panels/explorePanel';
export { createWorkerPool } from './workerPool';
export { poolSize } from './poolSize';
