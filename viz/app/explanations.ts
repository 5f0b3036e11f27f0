import { TRACK_TEXTS } from './trackTexts';

/** A short explanation for students: a title, a few paragraphs (text only) and the glossary terms it uses. */
export interface Explanation {
  title: string;
  paragraphs: string[];
  /** Glossary ids of the words it uses, listed under it as links into the glossary. */
  terms?: string[];
}

const trackExplanations = Object.fromEntries(TRACK_TEXTS.map((t) => [`track${t.track}`, {
  title: t.name, paragraphs: [t.who, t.example, t.inModel], terms: ['track', 'track-mix', ...(t.track === 1 ? ['talks', 'settlement', 'power-base'] : ['power-base'])],
}]));

/*
 * Written for this app in our own words, after McDonald (1991) and the model as built
 * (docs/ODD.md). Keyed by topic so each "i" opens the one that applies.
 */
export const explanations: Record<string, Explanation> = {
  ...trackExplanations,
  tracks: {
    title: 'The five tracks',
    paragraphs: TRACK_TEXTS.map((t) => `${t.name}. ${t.who} ${t.inModel}`),
    terms: ['track', 'track-mix', 'power-base'],
  },
  phases: {
    title: 'The four phases of a third party\'s involvement',
    paragraphs: [
      '1. Exploration: the actor learns about the conflict and the people in it; no effect yet, but its skill grows.',
      '2. Analysis and involvement: it approaches the sides — at once, or waiting for a lull (or a peak) in violence — and asks for their consent.',
      '3. Follow-through: the actual work. Its effect builds up with time and trust; leaks of confidential talks and broken promises cost trust.',
      '4. Disengagement: it leaves. Its effects fade slowly. Leaving before its commitment ends is a premature exit that makes both sides wary of the next third party.',
    ],
    terms: ['actor', 'consent', 'lull', 'leak', 'broken-promise', 'premature-exit'],
  },
  entry: {
    title: 'When to enter',
    paragraphs: [
      'immediate: approach the sides as soon as exploration ends.',
      'lull: wait until violence has dropped well below its recent peak — McDonald\'s advice for unofficial actors.',
      'peak: approach at a peak of violence, when the sides may feel the pain most.',
    ],
    terms: ['lull', 'peak', 'consent'],
  },
  escalation: {
    title: 'Reading the escalation chart',
    paragraphs: [
      'The line shows how escalated the conflict is, from 0 (calm) to 1 (all-out war): a mix of tension, hostility, fear and violence. The model calls it the escalation index X.',
      'The grey shades are Glasl\'s nine stages of escalation, grouped in three phases: win-win (stages 1–3, the sides still think both can gain), win-lose (4–6) and lose-lose (7–9, each side accepts its own losses to hurt the other).',
      'With more than one run, the line is the typical run (the median), the dark band holds the middle half of the runs and the light band 90 % of them.',
      'Dashed vertical lines mark events of the first run — an outsider approaching, talks, a settlement, a leak, a collapse… —, listed with their reasons under the charts.',
    ],
    terms: ['escalation', 'glasl', 'band', 'ensemble', 'step'],
  },
  events: {
    title: 'Events: what happened, and why',
    paragraphs: [
      'The model reports what happens in it as events: an outsider approaching the sides (at once, at a lull or at a peak), a side giving or refusing its consent, a leak, a broken promise, an outsider leaving early, talks opening or lapsing, a settlement signed, a power shift, a shock, a settlement collapsing. Each comes with the tick it first shows and a one-line reason computed from the state at that moment.',
      'The list shows the events of the first run, the one the charts other than escalation show; they are marked on the escalation chart and the Track One timeline as dashed lines. The download holds the events of every run, as the command line writes them (detente run --event-log).',
    ],
    terms: ['lull', 'consent', 'leak', 'broken-promise', 'premature-exit', 'talks', 'settlement', 'power-shift', 'collapse'],
  },
  incidents: {
    title: 'Reading the violence chart',
    paragraphs: [
      'The number of violent incidents in each step of one run, both sides together: attacks, clashes, bombings.',
      'Incidents come at random, more often when a side is hostile and tension is high, less often when trade ties are strong or a settlement is in force. Each incident frightens and angers the people it touches.',
      'Lulls and peaks of this curve are what actors entering "at a lull" or "at a peak" wait for.',
    ],
    terms: ['lull', 'peak', 'tension', 'interdependence', 'settlement', 'step'],
  },
  hostility: {
    title: 'Anger and fear',
    paragraphs: ['The solid line is a side\'s hostility: the average anger of its people, leaders counting more (the model\'s H). The dashed line is their average fear (F). Both run from 0 to 1.'],
    terms: ['anger', 'fear'],
  },
  dyad: {
    title: 'Tension, communication, understanding, trade ties',
    paragraphs: ['Four measures of the relationship between the two sides, each from 0 to 1 (the model\'s T, C, U, E): tension rises with violence and hostility; communication, understanding and trade ties are what the tracks build.'],
    terms: ['tension', 'communication', 'understanding', 'interdependence'],
  },
  trackOneTimeline: {
    title: 'Reading the Track One timeline',
    paragraphs: ['Blue spans are official talks, green spans a settlement in force. A triangle marks a signing and a cross the collapse of a settlement.', 'A scenario without a Track One actor has no talks at all: the chart then says so.'],
    terms: ['talks', 'settlement', 'collapse', 'ripeness'],
  },
  powerBase: {
    title: 'Reading the power base chart',
    paragraphs: ['Each layer is what one unofficial track adds to what official diplomacy can work with (Track One\'s power base, B), weighted by how close the track is to Track One. Talks need enough power base and communication.'],
    terms: ['power-base', 'track', 'talks'],
  },
  histogram: {
    title: 'Reading the distributions',
    paragraphs: ['The share of each side\'s people at each level of anger and of fear, at the step chosen with the slider. Averages hide hardliners; the distribution shows them.'],
    terms: ['anger', 'fear', 'step'],
  },
  compare: {
    title: 'Comparing track mixes',
    paragraphs: ['Save the current settings as a variant, change the track mix, save again. Each variant is run as an ensemble with the same seeds, so differences come from the mix, not from luck. The table gives the typical value (median) and, in brackets, the range holding 90 % of the runs.'],
    terms: ['track-mix', 'ensemble', 'band', 'area'],
  },
  explore: {
    title: 'Exploring an outcome over parameters',
    paragraphs: [
      'Pick a parameter (or two), the range to try and the number of runs at each value. The page runs the scenario at every value, each value with the same seeds, and draws each outcome against the parameter with its 95 % confidence interval: the range within which the mean over many more runs would most likely fall. With fewer than 10 runs at a value, no interval is drawn.',
      'The runs come in an interleaved order (every value once, then every value again), so a half-finished exploration already shows the whole shape. "Download experiment" saves the same study as a file that the command line (npx detente sweep) runs to the same numbers, on a laptop or a cluster.',
    ],
  },
  heatmap: {
    title: 'Reading the heatmap',
    paragraphs: ['Each cell is the outcome\'s mean (or share) over the runs at one pair of values; its colour follows the bar at the right. Hover a cell, or read the table below it, for the value and the number of runs behind it.'],
  },
  morris: {
    title: 'Which assumptions matter: Morris screening',
    paragraphs: [
      'Each trajectory changes the chosen parameters one at a time across their ranges and records how much the outcome moves: an elementary effect. μ* is the mean size of a parameter\'s effects (how much the result hangs on it); σ is their spread (whether its effect depends on the other parameters or is not a straight line).',
      'The ranked bars put the parameters the result hangs on most at the top, with a bootstrap 95 % interval of μ*. Screen first; study the few that matter more closely.',
    ],
  },
  sobol: {
    title: 'Sobol\' indices',
    paragraphs: ['First order S1: the share of the outcome\'s variance due to a parameter alone. Total order ST: its share with every interaction it takes part in. A large gap between them means interactions.'],
  },
  prim: {
    title: 'Scenario discovery (PRIM)',
    paragraphs: ['PRIM looks for boxes in the parameter space where most points have the outcome of interest (say, a share of de-escalated runs at or above a threshold). Coverage is the share of all such points inside a box; density the share of the box\'s points that are such points.'],
  },
};
