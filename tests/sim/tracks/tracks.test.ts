import { describe, expect, it } from 'vitest';
import { columnNames, Params } from '../../../sim/index';
import { KERNEL_DISTANCES } from '../../../sim/kernel';
import { Actor } from '../../../sim/scenario/schema';
import {
  POWER_BASE_TRACKS, powerBaseColumn, stageWindowKey, TRACK_SLOTS, trackLabel, trackList, trackOf, TRACKS, type TrackNumber,
} from '../../../sim/tracks/tracks';

describe('TRACKS', () => {
  it('TRACKS lists McDonald\'s five tracks in order, Track k at index k − 1', () => {
    expect(TRACKS.map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
    expect(TRACK_SLOTS).toBe(6);
    expect(TRACKS.map(trackLabel)).toEqual([
      'Track One: official', 'Track Two: private problem-solving', 'Track Three: business', 'Track Four: exchanges', 'Track Five: media',
    ]);
  });

  it('TrackNumber is exactly the numbers of TRACKS', () => {
    // a Record over TrackNumber must name every member of the union, or this does not compile
    const every: Record<TrackNumber, true> = { 1: true, 2: true, 3: true, 4: true, 5: true };
    expect(Object.keys(every).map(Number)).toEqual(TRACKS.map((t) => t.number));
  });

  it('trackOf(k) returns Track k and refuses a number with no track', () => {
    expect(trackOf(3).short).toBe('Three');
    expect(() => trackOf(6)).toThrow(/no Track 6; tracks are numbered 1…5/);
    expect(() => trackOf(0)).toThrow(RangeError);
  });

  it('only Track One opens talks and is left out of the power base; only Track Five has a valence', () => {
    expect(TRACKS.filter((t) => t.opensTalks).map((t) => t.number)).toEqual([1]);
    expect(POWER_BASE_TRACKS.map((t) => t.number)).toEqual([2, 3, 4, 5]);
    expect(TRACKS.filter((t) => t.valence).map((t) => t.number)).toEqual([5]);
  });

  it('the schema\'s stageWindowTrackN defaults are the table\'s windows', () => {
    const defaults = Params.parse({});
    for (const t of TRACKS) expect(defaults[stageWindowKey(t)]).toEqual(t.stageWindow);
    expect(Object.keys(defaults).filter((k) => k.startsWith('stageWindowTrack'))).toEqual(TRACKS.map(stageWindowKey));
  });

  it('the schema allows exactly the table\'s track numbers and documents the consent defaults from it', () => {
    const actor = (track: number) => Actor.safeParse({ name: 'a', track }).success;
    expect(TRACKS.map((t) => actor(t.number))).toEqual(TRACKS.map(() => true));
    expect(actor(TRACKS.length + 1)).toBe(false);
    expect(trackList(TRACKS.filter((t) => t.consent))).toBe('One, Two and Four');
  });

  it('the result columns B_track2…B_track5 and the kernel distances come from the power-base tracks', () => {
    const names = columnNames(['A', 'B']);
    expect(names.filter((n) => n.startsWith('B_track'))).toEqual(POWER_BASE_TRACKS.map(powerBaseColumn));
    expect(KERNEL_DISTANCES).toEqual(POWER_BASE_TRACKS.map((t) => t.number - 1));
  });
});
