import { Agent, Environment } from 'flocc';
import type { Peer, PeerInput } from './peer';
import { KernelTerms } from './peer';

/**
 * Détente's contagion step in flocc: an Environment of Agents whose data holds `anger` and their
 * ties, and one shared `tick` rule that returns the new value, which flocc sets on every agent
 * after all have ticked (its synchronous update). Agents tick in the order they were added
 * (randomizeOrder: false; the order cannot change a synchronous update, only who draws which
 * noise, and this way each agent draws what it draws in Détente). The ties are each agent's `neighbors` and
 * `weights` data rather than flocc's Network helper: that helper rebuilds an n × n adjacency
 * matrix every time an agent is added (400 agents took 2.5 s to add here), so it cannot hold
 * 10^4 agents.
 */
export function floccPeer(input: PeerInput): Peer {
  const { rowPtr, col, weight, x } = input;
  const environment = new Environment();
  const agents = Array.from(x, (anger) => new Agent({ anger }));
  const terms = new KernelTerms();
  const tick = (agent: Agent) => {
    const neighbors = agent.get('neighbors') as Agent[];
    const weights = agent.get('weights') as number[];
    const anger = agent.get('anger') as number;
    let sx = 0;
    let sw = 0;
    for (let k = 0; k < neighbors.length; k++) {
      sx += weights[k] * (neighbors[k].get('anger') as number);
      sw += weights[k];
    }
    const pull = sw > 0 ? sx / sw - anger : 0;
    return { anger: Math.min(1, Math.max(0, anger + terms.rate * pull + terms.noise * terms.random.next())) };
  };
  agents.forEach((agent, i) => {
    const row = Array.from({ length: rowPtr[i + 1] - rowPtr[i] }, (_, k) => rowPtr[i] + k);
    agent.set({ neighbors: row.map((e) => agents[col[e]]), weights: row.map((e) => weight[e]), tick });
    environment.addAgent(agent);
  });
  return {
    name: 'flocc',
    step(rate, noise, seed) {
      terms.start(rate, noise, seed);
      environment.tick({ randomizeOrder: false });
      return terms.random.state;
    },
    values: () => Float64Array.from(agents, (a) => a.get('anger') as number),
  };
}
