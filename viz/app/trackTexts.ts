/*
 * What each of McDonald's five tracks is, for students: the one place the page's track texts are
 * written (the track-mix rows, their "i" explanations and "The five tracks" all read it), beside
 * the names and labels of the tracks table (sim/tracks). Our own words, after McDonald (1991) and
 * the model as built (docs/ODD.md).
 */
import { TRACKS, trackLabel } from '../../sim/tracks/tracks';

/** A track's texts: who works on it, a historical example, and what it does in the model. */
export interface TrackText {
  /** 1–5. */
  track: number;
  /** "Track Two: private problem-solving" (from the tracks table, sim/tracks). */
  name: string;
  who: string;
  example: string;
  inModel: string;
}

const TEXTS: Omit<TrackText, 'track' | 'name'>[] = [
  {
    who: 'Governments talking to governments: diplomats with a mandate, who can open formal talks and sign agreements.',
    example: 'Example: the US–Soviet arms-control talks of the 1970s and 1980s.',
    inModel: 'In the model only Track One opens talks, signs settlements and sees them collapse. Its strength, the power base, grows with the work of the other tracks, most of all those closest to it.',
  },
  {
    who: 'Private citizens, scholars and retired officials meet people close to the leaders on the other side, off the record, to understand each other\'s fears and needs.',
    example: 'Example: the Dartmouth Conference, meetings between American and Soviet citizens that began in 1960 and went on for decades; its value came from its continuity.',
    inModel: 'In the model it calms the elites it reaches and raises communication and understanding between the sides.',
  },
  {
    who: 'Companies that trade across the divide build ties that both sides would lose by fighting.',
    example: 'Example: the industrialist Armand Hammer, who did business with the Soviet Union from the 1920s on and kept channels open when official relations were cold.',
    inModel: 'In the model it raises trade ties (economic interdependence), which hold violence back, and calms the business community.',
  },
  {
    who: 'Students, scientists, artists and athletes spend time on the other side and come home with friendships and a less hostile picture of it.',
    example: 'Example: the Fulbright programme, which since 1946 has sent many thousands of scholars abroad.',
    inModel: 'In the model each year\'s participants gain lasting ties across the divide and lose some anger, fear and grievance.',
  },
  {
    who: 'Television, radio and newspapers reach whole populations at once, but their effect is shallow and fades unless personal contact holds it.',
    example: 'Example: in 1989 CNN ran a series that let ordinary Americans and Soviets see and hear each other.',
    inModel: 'In the model media pull the mood of a whole population. Media can also spread hate (a negative "valence"): see the hate-media scenario.',
  },
];

/** The five tracks' texts, Track One first. */
export const TRACK_TEXTS: readonly TrackText[] = TRACKS.map((t, i) => ({ track: t.number, name: trackLabel(t), ...TEXTS[i] }));
