import type { AppState } from '../appState';
import { byId } from '../dom';

/** Options of `debriefPanel`. */
export interface DebriefPanelOptions {
  state: AppState;
}

/**
 * The printable debrief of a session: a button that prints the page, and a line, shown only in
 * print, naming what was run (scenario, seed, runs, how it ended). The print stylesheet keeps the
 * charts, the events scheduled and injected, the exercise with its prediction, and the summary
 * table, and drops the controls.
 */
export function debriefPanel({ state }: DebriefPanelOptions): void {
  const line = byId('debrief-summary');
  byId('print-debrief').addEventListener('click', () => window.print());
  const describe = () => {
    const c = state.current;
    // the status can change before any scenario is loaded (a damaged share link is reported first)
    if (c) line.textContent = `Debrief: “${c.scenario.name}”, seed ${c.scenario.seed}, ${c.runs} run${c.runs > 1 ? 's' : ''}. ${state.status.text}`;
    else if (state.working) line.textContent = `Debrief: “${state.working.name}”, not run yet.`;
  };
  state.on('run', describe);
  state.on('status', describe);
  state.on('scenario', describe);
}
