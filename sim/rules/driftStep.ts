import { exp } from '../portableMath';

/**
 * How one step of the power drift moves log power x around its anchor m: x ← m + (x − m)·decay +
 * σ·spread·Z. The exact discretisation of the Ornstein–Uhlenbeck process dx = −θ(x − m)dt + σ dW
 * over dt, so results do not depend on the tick length; θ = 0 is the random walk (decay 1,
 * spread √dt).
 */
export function driftStep(theta: number, dt: number): { decay: number; spread: number } {
  if (!(theta > 0)) return { decay: 1, spread: Math.sqrt(dt) };
  const x = theta * dt;
  const decay = exp(-x);
  // (1 − e^{−2x})/(2θ), by its series where the difference would lose digits
  const variance = x < 1e-4 ? dt * (1 - x + (2 * x * x) / 3) : (1 - decay * decay) / (2 * theta);
  return { decay, spread: Math.sqrt(variance) };
}
