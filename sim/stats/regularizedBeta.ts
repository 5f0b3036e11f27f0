import { exp, log } from '../portableMath';

/*
 * Lanczos' approximation of ln Γ (g = 7, nine coefficients; relative error about 1e-15 for
 * x ≥ 0.5, the only arguments Student's t needs). Written with sim/portableMath's exp and log so
 * that intervals come out the same, bit for bit, in Node and in the browser.
 */
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const HALF_LOG_2PI = 0.9189385332046728;

function logGamma(x: number): number {
  const z = x - 1;
  let a = LANCZOS[0];
  for (let k = 1; k < LANCZOS.length; k++) a += LANCZOS[k] / (z + k);
  const t = z + 7.5;
  return HALF_LOG_2PI + (z + 0.5) * log(t) - t + log(a);
}

/** The continued fraction of I_x(a, b) (DLMF 8.17.22), by the modified Lentz method. */
function betaFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let f = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    // even step
    let num = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + num * d;
    c = 1 + num / c;
    if (Math.abs(d) < tiny) d = tiny;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    f *= d * c;
    // odd step
    num = -((a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + num * d;
    c = 1 + num / c;
    if (Math.abs(d) < tiny) d = tiny;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    f *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return f;
}

/** ln(1 − y), accurate for small y too (where 1 − y would round away y's digits). */
function log1m(y: number): number {
  if (Math.abs(y) > 1e-4) return log(1 - y);
  // the series −y − y²/2 − y³/3 − y⁴/4: four terms reach double precision below 1e-4
  return -y * (1 + y * (1 / 2 + y * (1 / 3 + y / 4)));
}

/**
 * The regularized incomplete beta function I_x(a, b) for a, b ≥ 0.5 and x in [0, 1]: the
 * continued fraction where it converges fast, its mirror 1 − I_{1−x}(b, a) elsewhere. Pass `y`,
 * 1 − x computed without cancellation, when x is within rounding of 1 (Student's t at large df).
 */
export function regularizedBeta(x: number, a: number, b: number, y = 1 - x): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const logX = x > 0.5 ? log1m(y) : log(x);
  const logY = y > 0.5 ? log1m(x) : log(y);
  const front = exp(a * logX + b * logY - (logGamma(a) + logGamma(b) - logGamma(a + b)));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(x, a, b)) / a : 1 - (front * betaFraction(y, b, a)) / b;
}
