import { NORMAL_TABLE } from '../sim/normalTable';
import { MULBERRY32_STEP, mulberry32Hash } from '../sim/rng';

/** An agent as a straightforward object-oriented model would hold it: its value and its ties. */
export interface AgentObject {
  x: number;
  next: number;
  neighbours: AgentObject[];
  weights: number[];
}

/** Agent objects with neighbour arrays, built from a CSR network and initial values. */
export function buildAgentObjects(rowPtr: Int32Array, col: Int32Array, weight: Float32Array, x: Float32Array): AgentObject[] {
  const agents: AgentObject[] = [];
  for (let i = 0; i < x.length; i++) agents.push({ x: x[i], next: 0, neighbours: [], weights: [] });
  for (let i = 0; i < x.length; i++) {
    const a = agents[i];
    for (let e = rowPtr[i]; e < rowPtr[i + 1]; e++) {
      a.neighbours.push(agents[col[e]]);
      a.weights.push(weight[e]);
    }
  }
  return agents;
}

/**
 * contagionStep (./contagionStep.ts) written object per agent: the same DeGroot pull, noise
 * and generator, but values live in objects reached through neighbour arrays, and the
 * synchronous update takes a second pass to commit `next`. Returns the generator state.
 */
export function objectContagionStep(agents: AgentObject[], rate: number, noise: number, seed: number): number {
  let s = seed | 0;
  for (const a of agents) {
    let sx = 0, sw = 0;
    for (let k = 0; k < a.neighbours.length; k++) {
      sx += a.weights[k] * a.neighbours[k].x;
      sw += a.weights[k];
    }
    const pull = sw > 0 ? sx / sw - a.x : 0;
    s = (s + MULBERRY32_STEP) | 0;
    const z = mulberry32Hash(s);
    a.next = Math.min(1, Math.max(0, a.x + rate * pull + noise * NORMAL_TABLE[z & 4095]));
  }
  for (const a of agents) a.x = a.next;
  return s;
}
