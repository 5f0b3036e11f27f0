import { trackFive } from './five';
import { trackFour } from './four';
import { trackOne } from './one';
import { trackThree } from './three';
import type { Column } from '../observe/observedColumns';
import type { Track } from './track';
import { trackTwo } from './two';

/**
 * McDonald's tracks, in order: `TRACKS[k − 1]` is Track k. Every fact about a track — its name,
 * consent, Glasl window, role in the power base and its effects — is read from here; adding a
 * track is a module beside these and a line in this list.
 */
export const TRACKS: readonly Track[] = [trackOne, trackTwo, trackThree, trackFour, trackFive];

/**
 * The tracks' numbers, written out beside the list (not derived from it: the scenario schema's
 * parameter names are built from them, and the tracks' own types refer back to the schema).
 * tests/sim/tracks checks that they are TRACKS' numbers.
 */
export type TrackNumber = 1 | 2 | 3 | 4 | 5;

/** Length of arrays indexed by track number (index 0 unused). */
export const TRACK_SLOTS = TRACKS.length + 1;

/** The tracks whose achievement builds Track One's power base (Tracks Two to Five). */
export const POWER_BASE_TRACKS: readonly Track[] = TRACKS.filter((t) => t.powerBase);

/** Track number k, or a RangeError naming the tracks there are. */
export function trackOf(k: number): Track {
  const t = TRACKS[k - 1] as Track | undefined;
  if (!t) throw new RangeError(`there is no Track ${k}; tracks are numbered 1…${TRACKS.length}`);
  return t;
}

/** "Track Two". */
export const trackName = (t: Track): string => `Track ${t.short}`;

/** "Track Two: private problem-solving". */
export const trackLabel = (t: Track): string => `${trackName(t)}: ${t.kind}`;

/** The result column of a power-base track's weighted contribution B_k ("B_track2"). */
export const powerBaseColumn = (t: Track): string => `B_track${t.number}`;

/** Each power-base track's result column: its weighted contribution B_k to the power base. */
export const TRACK_COLUMNS: readonly Column[] = POWER_BASE_TRACKS.map((t) => ({ name: powerBaseColumn(t), read: (s) => s.powerBaseByTrack[t.number] }));

/** The scenario parameter holding a track's Glasl window ("stageWindowTrack2"). */
export const stageWindowKey = (t: Track): StageWindowKey => `stageWindowTrack${t.number}`;

/** The names of the tracks' Glasl-window parameters. */
export type StageWindowKey = `stageWindowTrack${TrackNumber}`;

/** "One, Two and Four": the short names of some tracks, as a list in words. */
export function trackList(tracks: readonly Track[]): string {
  const words = tracks.map((t) => t.short);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}` : words.join('');
}
