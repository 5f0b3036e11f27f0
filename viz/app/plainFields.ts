/*
 * The scenario fields as the page shows them: a label in plain words, with the model's symbol
 * beside it, and a help text a student can follow. Keyed by the field's path with indices
 * replaced by `*` ("parties.*.power"), or by its key alone for the track-mix fields. A field
 * missing here falls back to its name split into words and its schema meaning.
 */
import { fieldLabel } from './paramFields';

/** How the page names and explains one field. */
export interface PlainField {
  label: string;
  /** The model's notation, shown after the label: "π". */
  symbol?: string;
  /** What the field does, in plain words. */
  help?: string;
}

const PLAIN: Record<string, PlainField> = {
  mode: { label: 'kind of model', help: '"agent": each person of each side is simulated and anger spreads through their network. "meanfield": one average person per side, much faster, no network.' },
  ticks: { label: 'length of the run', help: 'How many steps the run lasts.' },
  ticksPerYear: { label: 'steps per year', help: 'How many steps make a year: 12 means one step is a month.' },
  startYear: { label: 'first year', help: 'The calendar year the run starts in, to show dates on the charts.' },
  'parties.*.power': { label: 'military and political power', symbol: 'π', help: 'How strong this side is. Only the ratio between the two sides matters: 2 against 1 means this side is twice as strong. A side much stronger than the other expects to win and is in no hurry to talk.' },
  'parties.*.reactivity': { label: 'how strongly it reacts to hostility', symbol: 'k', help: 'How fast this side\'s anger rises when the other side is hostile (Richardson\'s reactivity).' },
  'parties.*.fatigue': { label: 'restraint (how fast anger fades)', symbol: 'α', help: 'How fast anger calms down by itself: fatigue with conflict, restraint (Richardson\'s fatigue).' },
  'parties.*.grievance': { label: 'standing grievance', symbol: 'g', help: 'Old wrongs that push this side towards anger even when the other side is quiet (Richardson\'s grievance).' },
  'parties.*.initialAnger': { label: 'anger at the start', help: 'How hostile this side\'s people feel at the start, from 0 (not at all) to 1 (most).' },
  'parties.*.initialFear': { label: 'fear at the start', help: 'How afraid this side\'s people are at the start, from 0 to 1.' },
  'parties.*.population': { label: 'number of people simulated', symbol: 'N', help: 'How many people of this side the model simulates. More is slower but smoother.' },
  'dyad.T': { label: 'tension at the start', symbol: 'T', help: 'The strain between the two sides at the start, from 0 (none) to 1 (most).' },
  'dyad.C': { label: 'communication at the start', symbol: 'C', help: 'How much the sides talk to each other at the start, from 0 to 1.' },
  'dyad.U': { label: 'understanding at the start', symbol: 'U', help: 'How well each side understands the other at the start, from 0 to 1.' },
  'dyad.E': { label: 'trade ties at the start', symbol: 'E', help: 'How much the economies depend on each other at the start, from 0 to 1.' },
  'params.contagion': { label: 'how fast moods spread', symbol: 'μ', help: 'How strongly each person\'s anger and fear are pulled towards those of the people they know.' },
  'params.incidentRate': { label: 'violent incidents per year at worst', help: 'How many violent incidents a fully hostile side commits in a year at the highest tension. Lower it for a cold conflict.' },
  'params.synergy': { label: 'how much neighbouring tracks help each other', symbol: 'σ', help: 'Tracks next to each other (Two and Three, Three and Four…) strengthen each other\'s effect by this much.' },
  'params.jointPowerBase': { label: 'bonus when tracks work together', symbol: 'κ_B', help: 'How much more the unofficial tracks give official talks when several of them are active at once.' },
  'kernel.formula': { label: 'how much each track counts for official talks', symbol: 'w(d)', help: 'A formula in d, the distance of a track from Track One (Track Two is 1 away, Track Five 4): the weight of its work in Track One\'s power base. The default makes the closest tracks count most.' },
  capacity: { label: 'reach per year', help: 'The share of the people this track works with that it reaches each year (for Track Two, the leaders; for Track Three, business; for Tracks Four and Five, everyone).' },
  entry: { label: 'when it approaches the sides', help: 'At once, at a lull in violence (McDonald\'s advice), or at a peak.' },
  commitment: { label: 'how long it means to stay', help: 'How many steps the actors of this track mean to stay from when they start.' },
  leaveAt: { label: 'step it actually leaves', help: 'Leave empty to stay for the whole commitment. An earlier step is a premature exit, which costs trust.' },
  start: { label: 'step it starts', help: 'The step at which the actor starts exploring the conflict.' },
  credibility: { label: 'credibility', help: 'How far the sides believe this actor, from 0 to 1.' },
};

/** The plain form of the field at `path` ("parties.1.power") or with key `key`. */
export function plainField(path: string, key: string): PlainField {
  return PLAIN[path.replace(/\.\d+(?=\.|$)/g, '.*')] ?? PLAIN[key] ?? { label: fieldLabel(key) };
}

/** A field's label as the page shows it: "military and political power (π)". */
export function fieldTitle(path: string, key: string): string {
  const p = plainField(path, key);
  return p.symbol ? `${p.label} (${p.symbol})` : p.label;
}
