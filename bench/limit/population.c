/*
 * The population pass of sim/rules/population.ts (updateAgents, whose loop is
 * sim/wasm/populationPass.as.ts, with finishPartyMeans of sim/rules/hostility.ts) in C, as the
 * machine's limit for `npm run bench`: the same arrays
 * (CSR network, Float32 state), the same arithmetic in the same order (doubles, stored as
 * floats), the same mulberry32 noise and normal table. bench/limit/limit.ts writes the inputs,
 * compiles this with gcc -O3 in a temporary folder and reads the results back.
 *
 * Usage: population <dir> <ticks per sample> <samples> <check steps>
 * Reads <dir>/<name>.bin (see load below), writes <dir>/<name>.out after <check steps> steps
 * (anger, fear, perceived, participant, hostility) for the comparison with Détente's pass,
 * then times <samples> samples of <ticks> steps, each from the same initial state, and prints
 * them as JSON: {"wall": [s, …], "cpu": [s, …]}.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The arithmetic type: double, as in JavaScript. Building with -DREAL=float changes every result
 * slightly, which the comparison must notice (tests/bench/limit.test.ts). */
#ifndef REAL
#define REAL double
#endif
typedef REAL real;

static const char *dir;

static void *load(const char *name, size_t *bytes) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.bin", dir, name);
  FILE *f = fopen(path, "rb");
  if (!f) { perror(path); exit(1); }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  void *p = malloc(n > 0 ? (size_t)n : 1);
  if (n > 0 && fread(p, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(1); }
  fclose(f);
  if (bytes) *bytes = (size_t)n;
  return p;
}

static void save(const char *name, const void *p, size_t bytes) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s.out", dir, name);
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(p, 1, bytes, f) != bytes) { perror(path); exit(1); }
  fclose(f);
}

/* The pass's terms (terms.bin, Float64), laid out as sim/rules/populationTerms.ts lays them out
 * (TERM, then one PARTY_TERM block per party). The opponent's hostility and the hardliner
 * threshold change from step to step, so the pass works them out itself, as the model does. */
enum {
  T_DT, T_MU, T_CW, T_NOISE, T_PER_DECAY, T_DH, T_DF_EXP, T_CONTACT_SEEN, T_PHI,
  T_PARTY, /* then per party: */
  P_K = 0, P_ALPHA, P_SECURITY, P_PEXP, P_MEDIA, P_MEDIA_UP, P_BACKLASH, P_DEPTH, P_HARDLINER,
  P_OPPONENT_HOSTILITY, P_RELIEF_ANGER, P_RELIEF_FEAR = P_RELIEF_ANGER + 3, P_COUNT = P_RELIEF_FEAR + 3,
};

typedef struct {
  int n, partyStart[3];
  const int32_t *rowPtr, *col, *contact;
  const float *weight, *grievance, *table;
  const uint8_t *unit, *role;
  const double *terms;
  double eliteWeight;
  /* the mutable state */
  float *anger, *fear, *perceived;
  uint8_t *participant;
  double hostility[2];
  /* scratch: the interleaved snapshot */
  float *pairs;
} Pass;

static double hardliner_threshold(const float *anger, int from, int to) {
  uint32_t bins[256] = {0};
  for (int i = from; i < to; i++) {
    int b = (int)((double)anger[i] * 256);
    bins[b < 255 ? b : 255]++;
  }
  uint32_t above = 0;
  double target = ceil(0.1 * (to - from));
  for (int b = 255; b >= 0; b--) {
    above += bins[b];
    if (above >= target) return b / 256.0;
  }
  return 0;
}

static void step(Pass *st, int32_t seed) {
  const int n = st->n;
  const double *sc = st->terms;
  float *A = st->anger, *F = st->fear, *P = st->perceived, *X = st->pairs;
  uint8_t *participant = st->participant;
  const int32_t *rowPtr = st->rowPtr, *col = st->col, *contact = st->contact;
  const float *weight = st->weight, *G = st->grievance, *NT = st->table;
  const uint8_t *unit = st->unit, *role = st->role;
  for (int i = 0; i < n; i++) {
    X[2 * i] = A[i];
    X[2 * i + 1] = F[i];
  }
  const real dt = sc[T_DT], mu = sc[T_MU], cw = sc[T_CW], noise = sc[T_NOISE], perDecay = sc[T_PER_DECAY];
  const real dh = sc[T_DH], dfExp = sc[T_DF_EXP], contactSeen = sc[T_CONTACT_SEEN], phi = sc[T_PHI];
  uint32_t s = (uint32_t)seed;
  real sums[6] = {0}, sumsF[6] = {0}, counts[6] = {0};

  for (int p = 0; p < 2; p++) {
    const double *pp = sc + T_PARTY + p * P_COUNT;
    const double *relA = pp + P_RELIEF_ANGER, *relF = pp + P_RELIEF_FEAR;
    const real k = pp[P_K], alpha = pp[P_ALPHA], security = pp[P_SECURITY], pExp = pp[P_PEXP];
    const real media = pp[P_MEDIA], backlash = pp[P_BACKLASH], depth = pp[P_DEPTH];
    const int mediaUp = pp[P_MEDIA_UP] != 0;
    const real Hq = st->hostility[1 - p];
    const int from = st->partyStart[p], to = st->partyStart[p + 1];
    const real threshold = backlash > 0 ? hardliner_threshold(A, from, to) : 2;

    for (int i = from; i < to; i++) {
      const real a = A[i], f = F[i];
      real sa = 0, sf = 0, sw = 0;
      const int start = rowPtr[i], end = rowPtr[i + 1];
      if (unit[i] == 1) {
        for (int e = start; e < end; e++) {
          const int j = col[e] << 1;
          sa += X[j];
          sf += X[j + 1];
        }
        sw = end - start;
      } else {
        for (int e = start; e < end; e++) {
          const int j = col[e] << 1;
          const real w = weight[e];
          sa += w * X[j];
          sf += w * X[j + 1];
          sw += w;
        }
      }
      const int c = contact[i];
      if (c >= 0) {
        sa += cw * X[2 * c];
        sf += cw * X[2 * c + 1];
        sw += cw;
      }
      const real pullA = sw > 0 ? sa / sw - a : 0;
      const real pullF = sw > 0 ? sf / sw - f : 0;

      s += 0x6d2b79f5u;
      uint32_t z = (s ^ (s >> 15)) * (1u | s);
      z = (z + (z ^ (z >> 7)) * (61u | z)) ^ z;
      z ^= z >> 14;
      const real na = NT[z & 4095], nf = NT[(z >> 12) & 4095];

      real per = P[i] * perDecay;
      int exposed = 0;
      if (pExp > 0) {
        s += 0x6d2b79f5u;
        uint32_t y = (s ^ (s >> 15)) * (1u | s);
        y = (y + (y ^ (y >> 7)) * (61u | y)) ^ y;
        y ^= y >> 14;
        if (y * 2.3283064365386963e-10 < pExp) {
          exposed = 1;
          per += dh;
        }
      }
      P[i] = (float)per;
      const int status = participant[i];
      const real hh = status == 0 ? Hq + per : (Hq + per) * contactSeen;
      const int r = role[i];
      const real reliefA = relA[r], reliefF = relF[r];

      real da = dt * (k * (hh > 1 ? 1 : hh) - alpha * a + G[i] + mu * pullA - reliefA * a - media * (mediaUp ? 1 - a : a)) + noise * na;
      real df = dt * (-phi * f + security + mu * pullF - reliefF * f - media * (mediaUp ? 1 - f : f)) + noise * nf;
      if (exposed) df += dfExp * (1 - f);
      if (a >= threshold) da += backlash;
      if (status == 2) {
        da -= depth * a;
        df -= depth * f;
        participant[i] = 1;
      }
      real a1 = a + da, f1 = f + df;
      a1 = a1 < 0 ? 0 : a1 > 1 ? 1 : a1;
      f1 = f1 < 0 ? 0 : f1 > 1 ? 1 : f1;
      A[i] = (float)a1;
      F[i] = (float)f1;
      sums[p * 3 + r] += a1;
      sumsF[p * 3 + r] += f1;
      counts[p * 3 + r]++;
    }
  }
  /* finishPartyMeans: hostility from the role means (ROLE_ELITE = 1) */
  const real ew = st->eliteWeight;
  for (int p = 0; p < 2; p++) {
    real sumA = 0, count = 0, elite = 0;
    for (int r = 0; r < 3; r++) {
      const int k = p * 3 + r;
      sumA += sums[k];
      count += counts[k];
      if (r == 1) elite = counts[k] > 0 ? sums[k] / counts[k] : 0;
    }
    const real meanA = count > 0 ? sumA / count : 0;
    st->hostility[p] = counts[p * 3 + 1] > 0 ? ew * elite + (1 - ew) * meanA : meanA;
  }
}

static double now(clockid_t clock) {
  struct timespec t;
  clock_gettime(clock, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  if (argc != 5) {
    fprintf(stderr, "usage: population <dir> <ticks per sample> <samples> <check steps>\n");
    return 2;
  }
  dir = argv[1];
  const int ticks = atoi(argv[2]), samples = atoi(argv[3]), check = atoi(argv[4]);
  size_t seedBytes;
  const double *terms = load("terms", NULL), *hostility0 = load("hostility", NULL), *eliteWeight = load("eliteWeight", NULL);
  const int32_t *partyStart = load("partyStart", NULL);
  const int32_t *seeds = load("seeds", &seedBytes);
  const int nSeeds = (int)(seedBytes / 4);
  if (nSeeds < ticks || nSeeds < check) { fprintf(stderr, "seeds.bin holds %d seeds; need %d\n", nSeeds, ticks > check ? ticks : check); return 1; }
  Pass st = {0};
  st.n = partyStart[2];
  for (int p = 0; p < 3; p++) st.partyStart[p] = partyStart[p];
  st.terms = terms;
  st.eliteWeight = eliteWeight[0];
  st.rowPtr = load("rowPtr", NULL);
  st.col = load("col", NULL);
  st.weight = load("weight", NULL);
  st.contact = load("contact", NULL);
  st.grievance = load("grievance", NULL);
  st.table = load("table", NULL);
  st.unit = load("unit", NULL);
  st.role = load("role", NULL);
  const float *anger0 = load("anger", NULL), *fear0 = load("fear", NULL), *perceived0 = load("perceived", NULL);
  const uint8_t *participant0 = load("participant", NULL);
  const size_t n = (size_t)st.n;
  st.anger = malloc(4 * n);
  st.fear = malloc(4 * n);
  st.perceived = malloc(4 * n);
  st.participant = malloc(n);
  st.pairs = malloc(8 * n);

#define RESET() do { \
    memcpy(st.anger, anger0, 4 * n); memcpy(st.fear, fear0, 4 * n); memcpy(st.perceived, perceived0, 4 * n); \
    memcpy(st.participant, participant0, n); st.hostility[0] = hostility0[0]; st.hostility[1] = hostility0[1]; \
  } while (0)

  RESET();
  for (int t = 0; t < check; t++) step(&st, seeds[t]);
  save("anger", st.anger, 4 * n);
  save("fear", st.fear, 4 * n);
  save("perceived", st.perceived, 4 * n);
  save("participant", st.participant, n);
  save("hostility", st.hostility, sizeof st.hostility);

  printf("{\"wall\":[");
  for (int r = -1; r < samples; r++) { /* r = -1: warm-up, not printed */
    RESET();
    const double w0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID);
    for (int t = 0; t < ticks; t++) step(&st, seeds[t]);
    const double w = now(CLOCK_MONOTONIC) - w0, c = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
    if (r >= 0) {
      static double cpu[4096];
      printf("%s%.9g", r ? "," : "", w);
      cpu[r < 4096 ? r : 4095] = c;
      if (r == samples - 1) {
        printf("],\"cpu\":[");
        for (int q = 0; q < samples && q < 4096; q++) printf("%s%.9g", q ? "," : "", cpu[q]);
        printf("]}\n");
      }
    }
  }
  if (samples <= 0) printf("],\"cpu\":[]}\n");
  return 0;
}
