/*
 * The page's entry, kept tiny: it starts the simulation worker at once (the worker then loads the
 * engine in parallel) and only then loads the page itself, with d3, zod and the controls.
 */
import './simulationWorker';

void import('./page');
