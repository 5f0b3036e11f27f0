import { NORMAL_TABLE } from '../../sim/normalTable';

/**
 * The contagion step of Détente's bare kernel (contagionStep: each agent moves a share `rate`
 * of the way to its ties' weighted mean, plus noise, clamped to [0, 1], all at once) written in
 * another agent-based framework, over the same network and initial values.
 */
export interface Peer {
  name: string;
  /** One synchronous step; `seed` is the noise generator's state, the new state is returned. */
  step(rate: number, noise: number, seed: number): number;
  /** Every agent's value, in Détente's agent order. */
  values(): Float64Array;
}

/** What a peer is built from: Détente's CSR network and initial values. */
export interface PeerInput {
  rowPtr: Int32Array;
  col: Int32Array;
  weight: Float32Array;
  x: Float32Array;
}

/**
 * Standard normal deviates from the same mulberry32 generator and normal table as Détente's
 * kernel, so every peer draws the same noise in the same agent order and only the framework
 * differs. `state` is the generator's state, read and set between steps.
 */
export class Noise {
  state = 0;

  next(): number {
    const s = (this.state = (this.state + 0x6d2b79f5) | 0);
    let z = Math.imul(s ^ (s >>> 15), 1 | s);
    z = (z + Math.imul(z ^ (z >>> 7), 61 | z)) ^ z;
    z ^= z >>> 14;
    return NORMAL_TABLE[z & 4095];
  }
}

/** What a step reads besides the agents: the kernel's rate and noise, and the noise generator. */
export class KernelTerms {
  rate = 0;
  noise = 0;
  random = new Noise();

  /** Sets the next step's rate and noise, with the generator at `seed`. */
  start(rate: number, noise: number, seed: number): void {
    this.rate = rate;
    this.noise = noise;
    this.random.state = seed;
  }
}
