import { contagionStep } from '../contagionStep';
import { measure, type Measurement } from '../measure';
import { agentscriptPeer } from './agentscript';
import { floccPeer } from './flocc';
import type { Peer, PeerInput } from './peer';

/** The frameworks measured, by name. */
export const PEERS: Record<string, (input: PeerInput) => Peer | Promise<Peer>> = {
  agentscript: agentscriptPeer,
  flocc: floccPeer,
};

/** One framework's contagion step at one size: its rate, build time and agreement with Détente's kernel. */
export interface PeerResult {
  name: string;
  agents: number;
  buildSeconds: number;
  rate: Measurement;
  /** Largest |Δ| from contagionStep's values after `checkSteps` steps from the same start and seed. */
  maxDiff: number;
  checkSteps: number;
}

/**
 * Builds each framework's model over `input`, checks that `check` steps give contagionStep's
 * values (within float rounding: the frameworks hold doubles, Détente Float32, and AgentScript
 * sums a turtle's links in its own order), then times `reps` samples of `ticks` steps.
 */
export async function measurePeers(input: PeerInput, o: { rate: number; noise: number; ticks: number; reps: number; check: number; peers?: string[] }): Promise<PeerResult[]> {
  const n = input.x.length;
  let ref = input.x.slice();
  let out = new Float32Array(n);
  let s = 1;
  for (let t = 0; t < o.check; t++) {
    s = contagionStep(out, ref, { graph: input, rate: o.rate, noise: o.noise, seed: s });
    [ref, out] = [out, ref];
  }
  const results: PeerResult[] = [];
  for (const name of o.peers ?? Object.keys(PEERS)) {
    const t0 = performance.now();
    const peer = await PEERS[name](input);
    const buildSeconds = (performance.now() - t0) / 1000;
    let seed = 1;
    for (let t = 0; t < o.check; t++) seed = peer.step(o.rate, o.noise, seed);
    const values = peer.values();
    let maxDiff = 0;
    for (let i = 0; i < n; i++) maxDiff = Math.max(maxDiff, Math.abs(values[i] - ref[i]));
    const rate = measure(() => {
      for (let t = 0; t < o.ticks; t++) seed = peer.step(o.rate, o.noise, seed);
    }, n * o.ticks, { reps: o.reps, warmup: 0 });
    results.push({ name, agents: n, buildSeconds, rate, maxDiff, checkSteps: o.check });
  }
  return results;
}
