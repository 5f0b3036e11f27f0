/** A short explanation for students: a title and a few paragraphs, shown as text only. */
export interface Explanation {
  title: string;
  paragraphs: string[];
}

/*
 * Written for this app in our own words, after McDonald (1991) and the model contract (MODEL.md).
 * Keyed by topic so the controls can open the one that applies.
 */
export const explanations: Record<string, Explanation> = {
  track1: {
    title: 'Track One: official diplomacy',
    paragraphs: [
      'Governments talking to governments: negotiators with a mandate who can sign agreements. In the model only Track One opens talks, signs settlements and sees them collapse.',
      'Its strength, the power base, grows with the work of the other tracks, most of all those closest to it (the proximity kernel).',
    ],
  },
  track2: {
    title: 'Track Two: unofficial problem-solving',
    paragraphs: [
      'Private citizens, scholars and retired officials meet people close to the leaders on the other side, off the record, to understand each other\'s fears and needs.',
      'Example: the Dartmouth Conference, a series of meetings between American and Soviet citizens that began in 1960 and went on for decades; its value came from its continuity.',
      'In the model it calms the elites it reaches and raises communication and understanding.',
    ],
  },
  track3: {
    title: 'Track Three: business and trade',
    paragraphs: [
      'Companies that trade across the divide build ties that both sides would lose by fighting.',
      'Example: the industrialist Armand Hammer, who did business with the Soviet Union from the 1920s onwards and kept channels open when official relations were cold.',
      'In the model it raises economic interdependence, which deters violence, and calms the business community.',
    ],
  },
  track4: {
    title: 'Track Four: citizen exchanges',
    paragraphs: [
      'Students, scientists, artists and athletes spend time in the other country and come home with friendships and a less hostile picture of the other side.',
      'Example: the Fulbright programme, which since 1946 has sent many thousands of scholars abroad.',
      'In the model each year\'s participants gain lasting ties across the divide and lose some anger, fear and grievance.',
    ],
  },
  track5: {
    title: 'Track Five: media',
    paragraphs: [
      'Television, radio and newspapers reach whole populations at once, but their effect is shallow and fades unless personal contact holds it.',
      'Example: in 1989 CNN ran a series that let ordinary Americans and Soviets see and hear each other.',
      'Media can also spread hate; set valence below zero in a scenario file to model hate media.',
    ],
  },
  phases: {
    title: 'The four phases of a third party\'s involvement',
    paragraphs: [
      '1. Exploration: the actor learns about the conflict and the people in it; no effect yet, but its skill grows.',
      '2. Analysis and involvement: it approaches the parties — at once, or waiting for a lull (or a peak) in violence — and asks for their consent.',
      '3. Follow-through: the actual work. Its effect builds up with time and trust; leaks of confidential talks and broken promises cost trust.',
      '4. Disengagement: it leaves. Its effects fade slowly. Leaving before its commitment ends is a premature exit that makes both parties wary of the next third party.',
    ],
  },
  entry: {
    title: 'When to enter',
    paragraphs: [
      'immediate: approach the parties as soon as exploration ends.',
      'lull: wait until violence has dropped well below its recent peak — McDonald\'s advice for unofficial actors.',
      'peak: approach at a peak of violence, when the parties may feel the pain most.',
    ],
  },
  escalation: {
    title: 'Reading the escalation chart',
    paragraphs: [
      'The line is the escalation index X: a mix of tension, hostility, fear and violence, from 0 (calm) to 1 (all-out conflict).',
      'The grey bands are Glasl\'s nine stages of escalation, grouped in three phases: win-win (stages 1–3, the parties still think both can gain), win-lose (4–6) and lose-lose (7–9, each side accepts its own losses to hurt the other).',
      'With more than one run, the line is the median of the runs, the dark band holds the middle half of them and the light band 90 %.',
    ],
  },
  hostility: {
    title: 'Hostility and fear',
    paragraphs: ['Hostility is the mean anger of a party (elites weigh more); fear is its members\' mean fear. Both run from 0 to 1.'],
  },
  dyad: {
    title: 'Tension, communication, understanding, interdependence',
    paragraphs: ['Four measures of the relationship between the two parties, each from 0 to 1: tension rises with violence and hostility; communication, understanding and economic interdependence are what the tracks build.'],
  },
  trackOneTimeline: {
    title: 'Reading the Track One timeline',
    paragraphs: ['Blue spans are talks, green spans a settlement in force. A triangle marks a signing and a cross a collapse of the settlement.'],
  },
  powerBase: {
    title: 'Reading the power base chart',
    paragraphs: ['Each layer is what one unofficial track adds to Track One\'s power base, weighted by how close the track is to Track One. Talks need enough power base and communication.'],
  },
  histogram: {
    title: 'Reading the distributions',
    paragraphs: ['The share of each party\'s agents at each level of anger and of fear, at the tick chosen with the slider. Averages hide hardliners; the distribution shows them.'],
  },
  compare: {
    title: 'Comparing track mixes',
    paragraphs: ['Save the current settings as a variant, change the track mix, save again. Each variant is run as an ensemble with the same seeds, so differences come from the mix, not from luck. The table gives the median and, in brackets, the range holding 90 % of the runs.'],
  },
};
