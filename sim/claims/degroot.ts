import { run } from '../run';
import { parseScenario } from '../scenario/validate';
import { single, type Claim, type ClaimResult } from './claim';

/** C8 DeGroot: the contagion step on a user-given network matches the worked example. */
export function claimDeGroot(): ClaimResult {
  const build = (contagion: number, ticks: number) => parseScenario({
    format: 1, name: 'DeGroot check', mode: 'agent', ticksPerYear: 12, ticks,
    parties: [0, 1].map((p) => ({ name: p ? 'B' : 'A', population: 1, reactivity: 0, fatigue: 0, grievance: 0, initialAnger: 1 - p, initialFear: 0, initialSpread: 0, eliteShare: 0, businessShare: 0 })),
    network: { type: 'edges', edges: [[0, 0, 0.7], [0, 1, 0.3], [1, 0, 0.2], [1, 1, 0.8]] },
    params: { contagion, noise: 0, incidentRate: 0, securityDilemma: 0 },
  });
  const series = (contagion: number) => {
    const d = run(build(contagion, 100), { events: false }).columns.data;
    return [1, 3, 100].map((t) => [d.H_A[t], d.H_B[t]]);
  };
  const got = series(12);
  const want = [[0.7, 0.2], [0.475, 0.35], [0.4, 0.4]];
  const err = Math.max(...got.flatMap((pair, k) => pair.map((v, p) => Math.abs(v - want[k][p]))));
  const off = series(0);
  const moved = Math.max(Math.abs(off[2][0] - 1), Math.abs(off[2][1]));
  return {
    id: 'C8', title: 'DeGroot',
    compared: 'agent-mode contagion (μ·dt = 1, all else off) on W = [[.7,.3],[.2,.8]] from a = (1, 0)',
    effectLabel: 'largest difference from (0.7, 0.2), (0.475, 0.35) and the limit 0.4',
    effect: single(err),
    holds: err < 1e-6,
    criterion: 'within 1e-6 (agent state is Float32)',
    control: {
      description: 'contagion μ = 0: anger stays at (1, 0)', removes: 'contagion', keeps: 'the network, the agents and every other term (all off)',
      effect: single(moved), removed: moved < 1e-12, outcome: 'how far anger moved: it did not',
    },
    channels: [],
    notes: [`after 1 step (${got[0].map((v) => v.toFixed(6)).join(', ')}), after 3 (${got[1].map((v) => v.toFixed(6)).join(', ')}), after 100 (${got[2].map((v) => v.toFixed(6)).join(', ')})`],
  };
}

export const degroot: Claim = { id: 'C8', run: () => claimDeGroot() };
