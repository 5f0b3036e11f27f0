/*
 * The tracks' names as the page shows them, in one place until the model's tracks table gives
 * names and labels to every shell; then this file goes.
 */

/** Label of track k at index k − 1: "Track One: official" … "Track Five: media". */
export const TRACK_NAMES = ['Track One: official', 'Track Two: problem-solving', 'Track Three: business', 'Track Four: exchanges', 'Track Five: media'] as const;

/** Short name of track k (1–5), its label before the colon: "Track Two". */
export function trackShortName(k: number): string {
  return TRACK_NAMES[k - 1].split(':')[0];
}
