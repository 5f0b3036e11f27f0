import { describe, expect, it } from 'vitest';
import { eventLog, eventLogEnd, eventLogFormat, eventLogRows, eventLogStart, type ModelEvent } from '../../../sim/index';

const e = (tick: number, why: string, more: Partial<ModelEvent> = {}): ModelEvent => ({ tick, type: 'leak', why, ...more });
const runs = [
  { run: 0, seed: 1, events: [e(3, 'a reason, with a comma and "quotes"', { actor: { index: 0, name: 'Workshop' } }), e(9, 'plain', { party: { index: 1, name: 'Rebels' } })] },
  { run: 1, seed: 99, events: [] },
  { run: 2, seed: 7, events: [e(4, 'last')] },
];

describe('eventLog', () => {
  it('eventLog("csv", runs) quotes what needs quoting and leaves an actor or party that does not apply empty', () => {
    expect(eventLog('csv', runs)).toBe([
      'run,seed,tick,type,actor,party,why',
      '0,1,3,leak,Workshop,,"a reason, with a comma and ""quotes"""',
      '0,1,9,leak,,Rebels,plain',
      '2,7,4,leak,,,last',
      '',
    ].join('\n'));
  });

  it('eventLog("json", runs) is a JSON array of the same rows, null where nothing applies', () => {
    const rows = JSON.parse(eventLog('json', runs));
    expect(rows).toEqual([
      { run: 0, seed: 1, tick: 3, type: 'leak', actor: 'Workshop', party: null, why: 'a reason, with a comma and "quotes"' },
      { run: 0, seed: 1, tick: 9, type: 'leak', actor: null, party: 'Rebels', why: 'plain' },
      { run: 2, seed: 7, tick: 4, type: 'leak', actor: null, party: null, why: 'last' },
    ]);
    expect(JSON.parse(eventLog('json', []))).toEqual([]);
  });

  it('written run by run (as the CLI streams it) a log has the same bytes as written at once (as the page exports it)', () => {
    for (const format of ['csv', 'json'] as const) {
      let text = eventLogStart(format);
      let first = true;
      for (const r of runs) {
        text += eventLogRows(format, r, { first });
        if (r.events.length) first = false;
      }
      expect(text + eventLogEnd(format)).toBe(eventLog(format, runs));
    }
  });

  it('eventLogFormat(file) reads the format from the extension', () => {
    expect(eventLogFormat('out/Events.CSV')).toBe('csv');
    expect(eventLogFormat('e.json')).toBe('json');
    expect(eventLogFormat('e.txt')).toBeUndefined();
    expect(eventLogFormat('csv')).toBeUndefined();
  });
});
