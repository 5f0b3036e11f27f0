import { z } from 'zod';
import { doc } from './doc';
import { stageWindowKey, trackList, trackName, TRACKS, type StageWindowKey } from '../tracks/tracks';

/*
 * The scenario format, version 1: the single source of truth. Types are inferred from it,
 * scenarios/scenario.schema.json is generated from it, and the web app builds its parameter
 * panel from its metadata. Names follow MODEL.md.
 */

const share = () => z.number().min(0).max(1);
const nonNeg = () => z.number().min(0);
// upper bounds keep every product in the model finite; no real rate or scale comes near them
const rate = (def: number, meaning: string, source = 'assumption', key = false) =>
  doc(nonNeg().max(1000).default(def), { meaning, unit: 'per year', source, key });
const unitShare = (def: number, meaning: string, source = 'assumption', key = false) =>
  doc(share().default(def), { meaning, unit: 'share [0,1]', source, key });
const scalar = (def: number, meaning: string, source = 'assumption', key = false) =>
  doc(nonNeg().max(1e4).default(def), { meaning, unit: 'dimensionless', source, key });

const SPREAD_SOURCE = 'assumption (Beta distribution with the given mean and SD)';

// Text is well-formed Unicode: a lone surrogate cannot be written as UTF-8 (every one becomes
// U+FFFD, so two different names could print the same). Names are also one line: no control
// characters, C1 ones (U+0085 next line) included, and no line or paragraph separator.
const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
const ONE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
const text = (max: number) => z.string().max(max).regex(WELL_FORMED, 'must be well-formed Unicode text (it holds a lone surrogate, which cannot be saved as UTF-8)');
const name = (max: number, why = 'it is shown as one line') =>
  text(max).min(1).regex(ONE_LINE, `must not contain control characters, line or paragraph separators (newlines, tabs, U+0085, U+2028, U+2029): ${why}`);

/** Largest population of a party: both together must stay below 2^31, as agents are numbered in Int32Arrays. */
export const MAX_POPULATION = 1e9;

export const Party = z.strictObject({
  name: doc(name(60, 'it becomes part of CSV column names'), { meaning: 'Name of the party; used in CSV column names (H_<name>, F_<name>) and events.', unit: 'text', source: 'scenario' }),
  power: doc(z.number().gt(0).max(1e6).default(1), { meaning: 'Military and political power π_p; only ratios matter.', unit: 'dimensionless (> 0)', source: 'assumption', key: true }),
  powerDrift: doc(nonNeg().max(5).default(0), { meaning: 'σ of the log-normal random walk of power.', unit: 'per √year', source: 'assumption' }),
  reactivity: rate(0.3, 'Richardson reactivity k_p: how strongly anger responds to the opponent\'s hostility.', 'Richardson 1960', true),
  fatigue: rate(0.5, 'Richardson fatigue α_p: restraint, the decay of anger (α_p·dt ≤ 1).', 'Richardson 1960', true),
  grievance: rate(0.2, 'Richardson grievance g_p: the standing push towards anger.', 'Richardson 1960', true),
  initialAnger: unitShare(0.1, 'Mean initial anger of the party\'s agents.', 'assumption', true),
  initialFear: unitShare(0.1, 'Mean initial fear of the party\'s agents.', 'assumption', true),
  initialSpread: doc(z.number().min(0).max(0.5).default(0.15), { meaning: 'SD of agents\' initial anger, fear and personal grievance around the party values.', unit: 'share [0,0.5]', source: SPREAD_SOURCE }),
  population: doc(z.number().int().min(1).max(MAX_POPULATION).default(2000), { meaning: 'Number of population agents N_p (agent mode; mean-field mode uses one representative agent); at most 10^9, as agents are numbered with 32-bit integers.', unit: 'agents', source: 'assumption', key: true }),
  eliteShare: unitShare(0.02, 'Share of agents who are elites (reached by Track Two, weighted by eliteWeight in hostility).'),
  businessShare: unitShare(0.05, 'Share of agents in the business segment (reached by Track Three).'),
});

const SmallWorld = z.strictObject({
  type: doc(z.literal('smallWorld'), { meaning: 'Network kind: smallWorld (Watts–Strogatz within each party plus cross-party ties) or edges (a given list).', unit: 'choice', source: 'Watts & Strogatz 1998; MODEL.md §3' }),
  degree: doc(z.number().int().min(0).max(200).default(8), { meaning: 'Ring-lattice degree of the within-party Watts–Strogatz graph (even; each agent has degree/2 neighbours each side).', unit: 'ties per agent', source: 'Watts & Strogatz 1998' }),
  rewire: doc(share().default(0.1), { meaning: 'Rewiring probability of the Watts–Strogatz graph.', unit: 'probability', source: 'Watts & Strogatz 1998' }),
  crossTies: doc(share().default(0.001), { meaning: 'Cross-party ties as a share of within-party edges.', unit: 'share of edges', source: 'assumption' }),
});

const EdgeList = z.strictObject({
  type: doc(z.literal('edges'), { meaning: 'Network kind: smallWorld (Watts–Strogatz within each party plus cross-party ties) or edges (a given list).', unit: 'choice', source: 'Watts & Strogatz 1998; MODEL.md §3' }),
  edges: doc(z.array(z.tuple([z.number().int().min(0), z.number().int().min(0), z.number().min(0).max(1e6)])).max(5e7), {
    meaning: 'Directed weighted ties [i, j, w]: the weight agent i puts on agent j. Agents are numbered across parties in order; self-loops allowed; weights used as given, in single precision, up to 10^6 (a larger one would overflow and turn the neighbour mean into NaN).',
    unit: '[agent, agent, weight in [0, 10^6]]', source: 'scenario',
  }),
});

export const Network = z.discriminatedUnion('type', [SmallWorld, EdgeList]);

export const Dyad = z.strictObject({
  T: unitShare(0.3, 'Initial tension between the parties.', 'assumption', true),
  C: unitShare(0.1, 'Initial communication between the parties.', 'assumption'),
  U: unitShare(0.1, 'Initial mutual understanding.', 'assumption'),
  E: unitShare(0.1, 'Initial economic interdependence.', 'assumption'),
});

export const Entry = z.enum(['immediate', 'lull', 'peak']);

export const Actor = z.strictObject({
  name: doc(name(80), { meaning: 'Name of the actor.', unit: 'text', source: 'scenario' }),
  track: doc(z.number().int().min(1).max(TRACKS.length), { meaning: `McDonald's track: ${TRACKS.map((t) => `${t.number} ${t.kind}`).join(', ')}.`, unit: 'track number', source: 'McDonald 1991' }),
  parties: doc(z.array(z.string()).min(1).max(2).optional(), { meaning: 'Names of the parties the actor works with (default: both). For Track Five, where its media broadcast.', unit: 'party names', source: 'scenario' }),
  capacity: doc(share().default(0.2), { meaning: 'Share of its target segment reached per year (Two: elites; Three: business; Four: whole population as exchange participants; Five: whole population as audience).', unit: 'share per year', source: 'assumption', key: true }),
  credibility: doc(share().default(0.8), { meaning: 'Credibility of the actor with the parties.', unit: 'share [0,1]', source: 'assumption', key: true }),
  skill: doc(share().default(0.5), { meaning: 'Initial skill; rises towards 1 during exploration.', unit: 'share [0,1]', source: 'assumption (McDonald 1991, phase 1)' }),
  start: doc(z.number().int().min(0).default(0), { meaning: 'Tick at which the actor begins exploration.', unit: 'ticks', source: 'scenario', key: true }),
  prepTicks: doc(z.number().int().min(0).default(6), { meaning: 'Length of the exploration phase (no effect, skill rises).', unit: 'ticks', source: 'assumption (McDonald 1991, phase 1)' }),
  entry: doc(Entry.default('immediate'), { meaning: 'When the actor approaches the parties: at once, at a lull in violence, or at a peak.', unit: 'choice', source: 'McDonald 1991 (enter at a lull)', key: true }),
  commitment: doc(z.number().int().min(0).default(120), { meaning: 'Ticks the actor means to stay from its start.', unit: 'ticks', source: 'scenario', key: true }),
  leaveAt: doc(z.number().int().min(0).optional(), { meaning: 'Tick at which the actor actually leaves (default start + commitment; earlier is a premature exit).', unit: 'ticks', source: 'scenario', key: true }),
  confidentiality: doc(nonNeg().max(1000).default(0.05), { meaning: 'Leak rate: unapproved disclosures per year.', unit: 'per year', source: 'assumption (McDonald 1991, phase 3)' }),
  promiseReliability: doc(nonNeg().max(1000).default(0.05), { meaning: 'Broken-promise rate per year.', unit: 'per year', source: 'assumption (McDonald 1991, phase 3)' }),
  consent: doc(z.boolean().optional(), { meaning: `Whether the actor needs the parties' consent (default true for Tracks ${trackList(TRACKS.filter((t) => t.consent))}, false for ${trackList(TRACKS.filter((t) => !t.consent))}).`, unit: 'boolean', source: 'assumption (McDonald 1991, phase 3)' }),
  valence: doc(z.number().min(-1).max(1).default(1), { meaning: 'Track Five only: +1 peace media, −1 hate media.', unit: '[-1,1]', source: 'assumption (Yanagizawa-Drott 2014)' }),
});

const powerShiftFields = {
  type: doc(z.literal('powerShift'), { meaning: 'Kind of event: powerShift, a power shift (the party\'s power is multiplied by factor), or shock (tension and the anger and fear of the party hit jump by size).', unit: 'choice', source: 'MODEL.md §3' }),
  party: doc(z.string(), { meaning: 'Name of the party whose power changes (for a shock: the party hit, default both).', unit: 'party name', source: 'scenario' }),
  factor: doc(z.number().gt(0).max(1e3), { meaning: 'Multiplier applied to the party\'s power.', unit: 'dimensionless (> 0)', source: 'scenario' }),
};

const TimedEvent = z.strictObject({
  tick: doc(z.number().int().min(0), { meaning: 'Tick at whose step the event is applied (it first shows at tick + 1).', unit: 'ticks', source: 'scenario' }),
  ...powerShiftFields,
});

const TriggeredEvent = z.strictObject({
  after: doc(z.literal('settlement'), { meaning: 'Makes the event triggered: it applies delay ticks after a settlement is signed instead of at a fixed tick.', unit: 'choice', source: 'scenario' }),
  delay: doc(z.number().int().min(0).default(0), { meaning: 'Ticks after a settlement is signed before the event applies.', unit: 'ticks', source: 'scenario' }),
  repeat: doc(z.boolean().default(false), { meaning: 'Fire after every settlement (true) or only after the first (false).', unit: 'boolean', source: 'scenario' }),
  ...powerShiftFields,
});

const ShockEvent = z.strictObject({
  tick: doc(z.number().int().min(0), { meaning: 'Tick at whose step the event is applied (it first shows at tick + 1).', unit: 'ticks', source: 'scenario' }),
  type: doc(z.literal('shock'), { meaning: 'A shock (an atrocity, an assassination, a failed coup): tension, and the anger and fear of the party hit, jump at once.', unit: 'choice', source: 'scenario (an instructor\'s injected event, after ICONS\' simulation controller)' }),
  party: doc(z.string().optional(), { meaning: 'Name of the party hit, whose people\'s anger and fear rise (default: both).', unit: 'party name', source: 'scenario' }),
  size: doc(share().default(0.3), { meaning: 'Size of the jump: tension T, and each agent\'s anger and fear, move this share of the way to 1.', unit: 'share [0,1]', source: 'assumption' }),
});

export const Event = z.union([TimedEvent, TriggeredEvent, ShockEvent]);

/** Longest kernel formula: keeps parsing and evaluation shallow (compileKernel checks it too). */
export const MAX_FORMULA_LENGTH = 400;

export const Kernel = z.strictObject({
  formula: doc(z.string().min(1).max(MAX_FORMULA_LENGTH).default('exp(-(d-1)/L)'), { meaning: 'Proximity kernel w(d): weight of a track at distance d = track − 1 from Track One, arithmetic in d and the declared params.', unit: 'formula', source: 'assumption (McDonald 1991: the tracks closest to Track One influence it most)', key: true }),
  params: doc(z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), z.number()).default({ L: 1 }), { meaning: 'Named constants of the kernel formula.', unit: 'as the formula uses them', source: 'assumption' }),
});

const stageWindow = (from: number, to: number, track: string, source: string) =>
  doc(z.tuple([z.number().int().min(1).max(9), z.number().int().min(1).max(9)]).default([from, to]), {
    meaning: `Glasl stages [from, to] in which ${track} works at full effect.`, unit: 'Glasl stages 1–9', source,
  });

/** stageWindowTrack1…5: each track's Glasl window, its default and source from the tracks table. */
function stageWindowParams(): Record<StageWindowKey, ReturnType<typeof stageWindow>> {
  // the keys are exactly TrackNumber's (tests/sim/tracks check TRACKS against it)
  return Object.fromEntries(TRACKS.map((t) => [stageWindowKey(t), stageWindow(t.stageWindow[0], t.stageWindow[1], trackName(t), t.stageWindowSource)])) as
    Record<StageWindowKey, ReturnType<typeof stageWindow>>;
}

export const Params = z.strictObject({
  // population
  contagion: rate(1, 'Contagion μ: pull of an agent\'s anger and fear towards its neighbours\' weighted mean (μ·dt ≤ 1).', 'DeGroot 1974; Friedkin & Johnsen 1990', true),
  noise: doc(nonNeg().max(1).default(0.01), { meaning: 'σ_n of the per-agent noise on anger and fear.', unit: 'per √year', source: 'assumption' }),
  eliteWeight: unitShare(0.5, 'Weight w_e of elites\' mean anger in a party\'s hostility H_p.'),
  contactWeight: scalar(1, 'Weight of a cross-party tie (small-world cross ties and Track Four contact ties) in contagion.'),
  fearDecay: rate(0.5, 'φ_f: decay of fear (φ_f·dt ≤ 1).'),
  securityDilemma: rate(0.2, 'ψ: fear raised by the opponent\'s power advantage, per unit of (π_q/π_p − 1).', 'assumption (Jervis 1978)'),
  // violence
  incidentRate: rate(24, 'Maximum rate of violent incidents p→q (at H_p = 1, T = 1).', 'assumption', true),
  tradeDeterrence: unitShare(0.5, 'κ: how far economic interdependence deters violence.', 'assumption (Russett & Oneal 2001)'),
  ceasefireStrength: unitShare(0.8, 's: reduction of incidents while a settlement is in force.', 'assumption (Fortna 2004)'),
  exposure: unitShare(0.05, 'Share of a party\'s agents exposed to one incident against it.'),
  exposureFear: unitShare(0.2, 'δ_f: fear raised in an exposed agent, as a share of 1 − f.'),
  exposureHostility: unitShare(0.1, 'δ_h: rise of an exposed agent\'s perceived hostility of the opponent.'),
  exposureDecay: rate(2, 'Decay of the perceived-hostility boost from exposure.'),
  // dyad
  tensionFromViolence: rate(0.8, 'τ_v: tension raised by normalised violence V.'),
  tensionFromHostility: rate(0.3, 'τ_h: tension raised by the parties\' mean hostility.'),
  tensionRelief: rate(1.5, 'τ_d: tension relieved by communication and understanding (τ_d·dt ≤ 1).', 'assumption (Burton 1969; Kelman 1972)'),
  tensionDecay: rate(0.2, 'τ_0: spontaneous decay of tension (τ_0·dt ≤ 1).'),
  relationDecay: rate(0.1, 'Decay of communication C, understanding U and interdependence E (× dt ≤ 1).'),
  // tracks
  synergy: scalar(0.5, 'σ: adjacent synergy; effects × (1 + σ·(activity of track k−1 + k+1)/2).', 'assumption (Diamond & McDonald 1996)', true),
  offWindowFactor: unitShare(0.3, 'Effect multiplier outside a track\'s Glasl window.', 'assumption (Glasl 1982; Fisher & Keashly 1991)'),
  tenureScale: doc(z.number().gt(0).default(2), { meaning: 'τ_c: time for effectiveness to build up with tenure (e × (1 − exp(−tenure/τ_c))).', unit: 'years', source: 'assumption (the Dartmouth Conference\'s value was its continuity)' }),
  skillRate: rate(1, 'Rate at which skill rises towards 1 during exploration (× dt ≤ 1).'),
  trustRate: rate(0.5, 'Rate at which an actor\'s trust with a consenting party rises towards 1 (× dt ≤ 1).'),
  initialTrust: unitShare(0.5, 'Trust of a party in an actor when it consents for the first time.'),
  lullWindow: doc(z.number().int().min(1).max(10_000).default(3), { meaning: 'Ticks over which recent incidents are counted for lull or peak entry (at most 10 000).', unit: 'ticks', source: 'assumption' }),
  lullRatio: doc(z.number().gt(0).max(1).default(0.5), { meaning: 'A lull is recent incidents ≤ lullRatio × the trailing 12-month peak; a peak is ≥ 1/lullRatio × the trailing mean.', unit: 'ratio', source: 'assumption (McDonald 1991: approach at a lull)' }),
  consentRate: rate(4, 'Base rate at which a party grants consent; × credibility × (1 + R) × (1 − H_p) × (1 − aversion × recent V) × receptivity.', 'assumption (McDonald 1991, phase 3)'),
  consentViolenceAversion: unitShare(1, 'How much recent violence (normalised V over the lull window) lowers a party\'s willingness to receive a third party.', 'assumption (McDonald 1991: approach the parties at a lull)'),
  leakTrustLoss: unitShare(0.3, 'Share of trust lost at a leak or broken promise.'),
  leakBacklash: unitShare(0.1, 'Anger added to the angriest decile of a party at a leak or broken promise.'),
  prematureExitLoss: unitShare(0.15, 'Drop of C and U at a premature exit.'),
  prematureExitReceptivity: unitShare(0.3, 'Share of a party\'s receptivity (consent chance) lost at a premature exit.'),
  aftermathHalfLife: doc(z.number().gt(0).default(2), { meaning: 'Half-life of an actor\'s effects and achievement after it leaves.', unit: 'years', source: 'assumption' }),
  track2Depth: unitShare(0.5, 'Share of anger and fear removed from an elite each time Track Two reaches it.'),
  track2Communication: rate(0.6, 'Rise of communication C (towards 1) per unit of Track Two effect.', 'assumption (Dartmouth Conference)'),
  track2Understanding: rate(0.4, 'Rise of understanding U (towards 1) per unit of Track Two effect.', 'assumption (Kelman 1972)'),
  insightRate: rate(0.15, 'Insights a Track Two actor accrues per year per unit of effectiveness.'),
  track3Trade: rate(0.5, 'Rise of interdependence E (towards 1) per unit of Track Three effect.', 'assumption (Armand Hammer\'s trade)'),
  track3Depth: unitShare(0.3, 'Share of anger removed from a business agent each time Track Three reaches it.'),
  track4Depth: unitShare(0.5, 'Share of anger and fear removed from an exchange participant when it takes part.', 'calibrated (Pettigrew & Tropp 2006, C9)'),
  track4Perception: unitShare(0.2, 'Share by which an exchange participant discounts the hostility it perceives in the other side, for good.', 'calibrated (Pettigrew & Tropp 2006, C9: contact lowers threat)'),
  track4Grievance: unitShare(0.5, 'Share of personal grievance removed from an exchange participant.', 'calibrated (Pettigrew & Tropp 2006, C9)'),
  mediaDepth: rate(0.6, 'Pull of the media climate on anger and fear (× dt ≤ 1).', 'assumption'),
  mediaDecay: rate(3, 'Decay of the media climate: fast, broad, shallow.', 'assumption'),
  hateIncidentBoost: scalar(0.3, 'Rise of incidents p→q per unit of hate-media climate in the attacking party p\'s population (m_q = 1 + this × max(0, −media_p)).', 'calibrated (Yanagizawa-Drott 2014, C9)'),
  trackOneCommunication: rate(0.3, 'Rise of communication C per unit of Track One effect (official channels).'),
  ...stageWindowParams(),
  // Track One
  jointPowerBase: scalar(0.5, 'κ_B: boost of the power base when more tracks are active together.', 'assumption (McDonald 1991: all five build the power base)', true),
  hurtDecay: rate(0.5, 'Discount of accumulated cost K_p.'),
  hurtThreshold: doc(z.number().gt(0).default(12), { meaning: 'Cost K_p (discounted incidents suffered) at which a party feels fully hurt.', unit: 'incidents', source: 'assumption (Zartman 1989)' }),
  winShare: doc(z.number().min(0.5).max(1).default(0.75), { meaning: 'A party whose power share exceeds this expects to win: ripeness 0.', unit: 'share of power', source: 'assumption (Zartman 1989)' }),
  ripeThreshold: unitShare(0.5, 'Ripeness R needed to open talks.', 'assumption (Zartman 1989)'),
  talksThreshold: scalar(0.2, 'Power base plus communication (B + C) needed to open talks.'),
  talksPatience: doc(z.number().int().min(0).default(6), { meaning: 'Ticks talks survive while their conditions fail.', unit: 'ticks', source: 'assumption' }),
  settleRate: rate(0.5, 'Base rate of signing while talks run; × R × (1 + B) × (1 + guarantee).', 'assumption'),
  guarantee: scalar(0, 'Third-party security guarantee.', 'Walter 1997'),
  collapseBase: rate(0.006, 'h0: base collapse hazard of a settlement.', 'calibrated (Collier, Hoeffler & Söderbom 2008; Walter 2010, C9)'),
  collapsePowerShift: scalar(3, 'β1: collapse sensitivity to the change in log power ratio since signing.', 'assumption (McDonald 1991)'),
  collapseRootCause: scalar(4, 'β2: collapse sensitivity to remaining root causes (mean anger and fear).', 'assumption (McDonald 1991)'),
  collapseQuality: scalar(3, 'β3: protection by the settlement\'s quality Q.', 'assumption'),
  // observation
  escalationWeights: doc(z.tuple([nonNeg().max(1e6), nonNeg().max(1e6), nonNeg().max(1e6), nonNeg().max(1e6)]).default([1, 1, 1, 1]), { meaning: 'Weights of T, mean H, mean F and V in the escalation index X.', unit: 'relative weights', source: 'assumption' }),
  deescalated: unitShare(0.3, 'X below which the conflict counts as de-escalated.'),
  sustain: doc(z.number().int().min(1).default(24), { meaning: 'Ticks X must stay below deescalated to count.', unit: 'ticks', source: 'assumption' }),
});

export const Scenario = z.strictObject({
  $schema: doc(z.string().optional(), { meaning: 'Path or URL of scenario.schema.json, for editors\' autocompletion; ignored by the model.', unit: 'text', source: 'JSON Schema' }),
  format: doc(z.literal(1), { meaning: 'Scenario format version.', unit: 'integer', source: 'Détente' }),
  name: doc(name(120), { meaning: 'Name of the scenario.', unit: 'text', source: 'scenario' }),
  description: doc(text(5000).default(''), { meaning: 'What the scenario represents.', unit: 'text', source: 'scenario' }),
  sources: doc(z.array(text(500)).max(50).default([]), { meaning: 'Citations for the scenario\'s choices.', unit: 'text', source: 'scenario' }),
  mode: doc(z.enum(['agent', 'meanfield']).default('agent'), { meaning: 'agent: a population of agents on a network; meanfield: one representative agent per party (Richardson).', unit: 'choice', source: 'MODEL.md §5', key: true }),
  ticksPerYear: doc(z.number().int().min(1).max(365).default(12), { meaning: 'Ticks per year; dt = 1/ticksPerYear.', unit: 'ticks per year', source: 'assumption' }),
  startYear: doc(z.number().int().min(-9999).max(9999).optional(), { meaning: 'Calendar year at tick 0, so that charts can show dates (1960 for a run that starts in January 1960); without it, time is counted in years from the start. Display only: the model never reads it.', unit: 'calendar year', source: 'scenario' }),
  ticks: doc(z.number().int().min(1).default(360), { meaning: 'Number of steps to run.', unit: 'ticks', source: 'assumption (the Dartmouth Conference ran 29 years)', key: true }),
  seed: doc(z.number().int().min(0).max(2 ** 32 - 1).default(1), { meaning: 'Base seed of all random streams.', unit: 'integer', source: 'scenario', key: true }),
  parties: doc(z.tuple([Party, Party]), { meaning: 'The two parties (exactly two in format 1); see the party table.', unit: 'list of 2', source: 'MODEL.md §3' }),
  network: doc(Network.prefault({ type: 'smallWorld' }), { meaning: 'The population network; see the network table.', unit: 'object', source: 'MODEL.md §3' }),
  dyad: doc(Dyad.prefault({}), { meaning: 'Initial state of the relation between the parties; see the dyad table.', unit: 'object', source: 'MODEL.md §3' }),
  actors: doc(z.array(Actor).max(200).default([]), { meaning: 'The track actors (Tracks One to Five); see the actor table.', unit: 'list', source: 'McDonald 1991' }),
  events: doc(z.array(Event).max(1000).default([]), { meaning: 'Scheduled or settlement-triggered power shifts, and scheduled shocks; see the event table.', unit: 'list', source: 'scenario' }),
  kernel: doc(Kernel.prefault({}), { meaning: 'The proximity kernel that weighs each track\'s achievement in the power base; see the kernel table.', unit: 'object', source: 'MODEL.md §7' }),
  params: doc(Params.prefault({}), { meaning: 'The model\'s rates, shares and thresholds; see the params table.', unit: 'object', source: 'MODEL.md §5–§8' }),
});

/** A scenario as written in a file (defaults may be missing). */
export type ScenarioInput = z.input<typeof Scenario>;
/** A validated scenario with every default filled in. */
export type ScenarioData = z.output<typeof Scenario>;
export type ActorInput = z.input<typeof Actor>;
export type EventInput = z.input<typeof Event>;
export type ParamsInput = z.input<typeof Params>;
export type PartyData = z.output<typeof Party>;
export type ActorData = z.output<typeof Actor>;
export type EventData = z.output<typeof Event>;
export type ParamsData = z.output<typeof Params>;
export type EntryKind = z.output<typeof Entry>;
