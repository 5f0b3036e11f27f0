import { run } from '../run';
import { parseScenario } from '../scenario/validate';
import { single, type Claim, type ClaimResult } from './claim';

/** Richardson's fatigue α, reactivity k and grievance g, the same for both parties, and the time step. */
interface RichardsonCase {
  alpha: number;
  k: number;
  g: number;
  ticksPerYear: number;
  ticks: number;
}

/** A mean-field Richardson scenario with the same k, α, g for both parties, no tracks. */
function richardsonScenario(c: RichardsonCase) {
  const party = (name: string) => ({ name, reactivity: c.k, fatigue: c.alpha, grievance: c.g, initialAnger: 0, initialFear: 0, initialSpread: 0 });
  return parseScenario({ format: 1, name: 'Richardson check', mode: 'meanfield', ticksPerYear: c.ticksPerYear, ticks: c.ticks, parties: [party('A'), party('B')] });
}

/** C7 Richardson: mean-field mode is Richardson's recurrence exactly, and the continuous closed form within Euler error. */
export function claimRichardson(): ClaimResult {
  const check = (c: RichardsonCase) => {
    const { alpha, k, g, ticks } = c;
    const H = run(richardsonScenario(c), { events: false }).columns.data.H_A;
    const dt = 1 / c.ticksPerYear;
    let h = 0;
    let maxErr = 0;
    for (let t = 1; t <= ticks; t++) {
      h = Math.min(1, Math.max(0, h + dt * (k * h - alpha * h + g)));
      maxErr = Math.max(maxErr, Math.abs(H[t] - h));
    }
    return { H, maxErr };
  };
  const stable = check({ alpha: 2, k: 1, g: 1, ticksPerYear: 100, ticks: 100 });
  const coarse = check({ alpha: 2, k: 1, g: 1, ticksPerYear: 10, ticks: 10 });
  const unstable = check({ alpha: 1, k: 2, g: 1, ticksPerYear: 100, ticks: 300 });
  // symmetric case: H(t) = g/(α − k)·(1 − e^−(α−k)t) from 0
  const exact = 1 - Math.exp(-1);
  const errFine = Math.abs(stable.H[100] - exact);
  const errCoarse = Math.abs(coarse.H[10] - exact);
  const recurrence = Math.max(stable.maxErr, unstable.maxErr, coarse.maxErr);
  const ceiling = unstable.H[300] === 1;
  return {
    id: 'C7', title: 'Richardson',
    compared: 'mean-field runs against the recurrence of MODEL.md §5 and its continuous solution (α = 2, k = 1, g = 1; and α = 1, k = 2, g = 1)',
    effectLabel: 'largest difference from the recurrence',
    effect: single(recurrence),
    holds: recurrence <= 1e-12 && Math.abs(stable.H[100] - 0.633968) < 5e-7 && errFine < 0.01 && ceiling,
    criterion: 'recurrence to 1e-12; H(1) = 0.633968 at dt = 0.01 (closed form 0.632121); the unstable case reaches the ceiling',
    control: {
      description: 'dt ten times coarser: the closed-form error grows about tenfold (first-order Euler)',
      removes: 'the fine time step (the Euler discretisation error is what changes)',
      keeps: 'the recurrence, the parameters and the continuous solution',
      effect: single(errCoarse / errFine), removed: errCoarse / errFine > 5 && errCoarse / errFine < 20, outcome: 'the ratio of the errors, as first-order Euler predicts',
    },
    channels: [],
    notes: [`H(1): ${stable.H[100].toFixed(6)} at dt = 0.01 (error ${errFine.toExponential(2)}), ${coarse.H[10].toFixed(6)} at dt = 0.1 (error ${errCoarse.toExponential(2)})`, `unstable case at 3 years: ${unstable.H[300]}`],
  };
}

export const richardson: Claim = { id: 'C7', run: () => claimRichardson() };
