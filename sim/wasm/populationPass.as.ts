// The population pass (sim/rules/population.ts) in AssemblyScript, compiled to WebAssembly by
// `npm run wasm` into populationPassWasm.ts. Every array it reads or writes lives in the run's
// arena (sim/arena.ts), one WebAssembly.Memory per run; `bind` hands it their byte offsets once.
// The arithmetic is the model's, in the same order: doubles, Float32 loads widened and stores
// rounded to nearest, mulberry32 in 32-bit integers. WebAssembly has no fused multiply-add and
// rounds every operation as IEEE 754 says, so Node and every browser compute the same bits as
// the JavaScript pass did (the determinism fixtures check it).
// Terms are read at the offsets of TERM and PARTY_TERM in sim/rules/populationTerms.ts (× 8 bytes).

const MULBERRY32_STEP: i32 = 0x6d2b79f5;
const TWO_TO_MINUS_32: f64 = 2.3283064365386963e-10;
const PARTY_TERMS_AT: usize = 9 * 8;
const PARTY_TERMS: usize = 16 * 8;

// the arrays, as byte offsets into memory (see bind)
let anger: usize = 0;
let fear: usize = 0;
let grievance: usize = 0;
let perceived: usize = 0;
let role: usize = 0;
let participant: usize = 0;
let contact: usize = 0;
let rowPtr: usize = 0;
let col: usize = 0;
let weight: usize = 0;
let pairs: usize = 0;
let unitRows: usize = 0;
let normalTable: usize = 0;
let terms: usize = 0;
let roleAnger: usize = 0;
let roleFear: usize = 0;
let roleCount: usize = 0;

/** Remembers where the run's arrays are (byte offsets, in this order); called once per run. */
export function bind(
  anger_: usize, fear_: usize, grievance_: usize, perceived_: usize, role_: usize, participant_: usize,
  contact_: usize, rowPtr_: usize, col_: usize, weight_: usize, pairs_: usize, unitRows_: usize,
  normalTable_: usize, terms_: usize, roleAnger_: usize, roleFear_: usize, roleCount_: usize,
): void {
  anger = anger_; fear = fear_; grievance = grievance_; perceived = perceived_; role = role_;
  participant = participant_; contact = contact_; rowPtr = rowPtr_; col = col_; weight = weight_;
  pairs = pairs_; unitRows = unitRows_; normalTable = normalTable_; terms = terms_;
  roleAnger = roleAnger_; roleFear = roleFear_; roleCount = roleCount_;
}

@inline function f32At(base: usize, i: i32): f64 {
  return <f64>load<f32>(base + (<usize>i << 2));
}

@inline function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + (<usize>i << 2));
}

@inline function term(at: usize, index: usize): f64 {
  return load<f64>(terms + at + (index << 3));
}

/** mulberry32's output for state `s` (sim/rng.ts: mulberry32Hash). */
@inline function mulberry32Hash(s: i32): i32 {
  let z = (s ^ (s >>> 15)) * (1 | s);
  z = (z + (z ^ (z >>> 7)) * (61 | z)) ^ z;
  return z ^ (z >>> 14);
}

/** Copies anger and fear of the first `n` agents into the interleaved snapshot. */
export function snapshotPairs(n: i32): void {
  const A = anger, F = fear, X = pairs;
  for (let i = 0; i < n; i++) {
    const x = X + (<usize>i << 3);
    store<f32>(x, load<f32>(A + (<usize>i << 2)));
    store<f32>(x, load<f32>(F + (<usize>i << 2)), 4);
  }
}

/**
 * The pass over agents `from`…`to − 1` of party `p`, drawing from mulberry32 state `seed`;
 * returns the generator's new state. The step's snapshot and terms must be in place.
 */
export function updateParty(p: i32, from: i32, to: i32, seed: i32): i32 {
  const A = anger, F = fear, G = grievance, P = perceived, X = pairs, NT = normalTable;
  const dt = term(0, 0);
  const mu = term(0, 1);
  const cw = term(0, 2);
  const noise = term(0, 3);
  const perDecay = term(0, 4);
  const dh = term(0, 5);
  const dfExp = term(0, 6);
  const contactSeen = term(0, 7);
  const phi = term(0, 8);
  const at = PARTY_TERMS_AT + <usize>p * PARTY_TERMS;
  const k = term(at, 0);
  const alpha = term(at, 1);
  const security = term(at, 2);
  const pExp = term(at, 3);
  const media = term(at, 4);
  const mediaUp = term(at, 5) != 0;
  const backlash = term(at, 6);
  const depth = term(at, 7);
  const threshold = term(at, 8);
  const Hq = term(at, 9);
  const reliefA = terms + at + (10 << 3);
  const reliefF = terms + at + (13 << 3);
  const sums = roleAnger + <usize>p * 24;
  const sumsF = roleFear + <usize>p * 24;
  const counts = roleCount + <usize>p * 24;
  let s = seed;

  for (let i = from; i < to; i++) {
    const a = f32At(A, i);
    const f = f32At(F, i);
    let sa: f64 = 0, sf: f64 = 0, sw: f64 = 0;
    const start = i32At(rowPtr, i);
    const end = i32At(rowPtr, i + 1);
    if (load<u8>(unitRows + <usize>i) == 1) {
      // all weights 1: w·x is x and Σw the count, exactly, so skipping them changes no bit
      for (let e = start; e < end; e++) {
        const x = X + (<usize>i32At(col, e) << 3);
        sa += <f64>load<f32>(x);
        sf += <f64>load<f32>(x, 4);
      }
      sw = <f64>(end - start);
    } else {
      for (let e = start; e < end; e++) {
        const x = X + (<usize>i32At(col, e) << 3);
        const w = f32At(weight, e);
        sa += w * <f64>load<f32>(x);
        sf += w * <f64>load<f32>(x, 4);
        sw += w;
      }
    }
    const c = i32At(contact, i);
    if (c >= 0) {
      const x = X + (<usize>c << 3);
      sa += cw * <f64>load<f32>(x);
      sf += cw * <f64>load<f32>(x, 4);
      sw += cw;
    }
    // an agent whose weights sum to 0 keeps its value
    const pullA = sw > 0 ? sa / sw - a : 0;
    const pullF = sw > 0 ? sf / sw - f : 0;

    s += MULBERRY32_STEP;
    const z = mulberry32Hash(s);
    const na = f32At(NT, z & 4095);
    const nf = f32At(NT, (z >>> 12) & 4095);

    let per = f32At(P, i) * perDecay;
    let exposed = false;
    if (pExp > 0) {
      s += MULBERRY32_STEP;
      const y = <f64><u32>mulberry32Hash(s);
      if (y * TWO_TO_MINUS_32 < pExp) {
        exposed = true;
        per += dh;
      }
    }
    store<f32>(P + (<usize>i << 2), <f32>per);
    const status = load<u8>(participant + <usize>i);
    const hh = status == 0 ? Hq + per : (Hq + per) * contactSeen;
    const r = <usize>load<u8>(role + <usize>i) << 3;
    const rA = load<f64>(reliefA + r);
    const rF = load<f64>(reliefF + r);

    let da = dt * (k * (hh > 1 ? 1 : hh) - alpha * a + f32At(G, i) + mu * pullA - rA * a - media * (mediaUp ? 1 - a : a)) + noise * na;
    let df = dt * (-phi * f + security + mu * pullF - rF * f - media * (mediaUp ? 1 - f : f)) + noise * nf;
    if (exposed) df += dfExp * (1 - f);
    if (a >= threshold) da += backlash;
    if (status == 2) {
      da -= depth * a;
      df -= depth * f;
      store<u8>(participant + <usize>i, 1);
    }
    let a1 = a + da;
    let f1 = f + df;
    a1 = a1 < 0 ? 0 : a1 > 1 ? 1 : a1;
    f1 = f1 < 0 ? 0 : f1 > 1 ? 1 : f1;
    store<f32>(A + (<usize>i << 2), <f32>a1);
    store<f32>(F + (<usize>i << 2), <f32>f1);
    store<f64>(sums + r, load<f64>(sums + r) + a1);
    store<f64>(sumsF + r, load<f64>(sumsF + r) + f1);
    store<f64>(counts + r, load<f64>(counts + r) + 1);
  }
  return s;
}
