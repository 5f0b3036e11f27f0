import { fmt, type Claim, type ClaimResult } from './claim';
import { actorOn, draft, measure, pick, variant, type ExperimentOptions, type ScenarioPatch } from './experiment';
import { above, pairedDiff } from './stats';

/** C5 Commitment: a premature exit leaves X higher than staying the course. */
export function claimCommitment(o: ExperimentOptions): ClaimResult {
  const { leaveAt: exitTick } = actorOn(draft(o, 'premature-exit'), 2);
  if (exitTick === undefined) throw new Error('scenario "premature-exit": its Track Two actor needs a leaveAt for this experiment');
  const experiment = (patch: ScenarioPatch) => {
    const early = measure(variant(o, 'premature-exit', patch), o.runs, exitTick);
    const stay = measure(variant(o, 'premature-exit', (s) => { patch(s); delete actorOn(s, 2).leaveAt; }), o.runs, exitTick);
    // leaving at the same tick, but as planned: isolates the cost of breaking a commitment
    const planned = measure(variant(o, 'premature-exit', (s) => {
      patch(s);
      const workshop = actorOn(s, 2);
      workshop.commitment = exitTick - (workshop.start ?? 0);
    }), o.runs, exitTick);
    return {
      effect: pairedDiff(pick(early, (m) => m.meanXAfter), pick(stay, (m) => m.meanXAfter)),
      penalty: pairedDiff(pick(early, (m) => m.meanXAfter), pick(planned, (m) => m.meanXAfter)),
    };
  };
  const main = experiment(() => {});
  const control = experiment((s) => { s.params = { ...s.params, prematureExitLoss: 0, prematureExitReceptivity: 0 }; });
  return {
    id: 'C5', title: 'Commitment',
    compared: 'premature-exit against the same workshop staying its full commitment',
    effectLabel: `mean X after tick ${exitTick}: premature exit minus staying`,
    effect: main.effect,
    holds: above(main.effect) && above(main.penalty),
    criterion: 'X higher after a premature exit than when staying, and than after a planned exit at the same tick (intervals above 0)',
    control: { description: 'no backlash of a premature exit (prematureExitLoss = prematureExitReceptivity = 0): premature minus planned exit', effect: control.penalty, removed: !above(control.penalty) },
    notes: [`premature minus planned exit at the same tick: ${fmt(main.penalty)}`],
  };
}

export const commitment: Claim = { id: 'C5', run: claimCommitment };
