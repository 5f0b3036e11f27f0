/*
 * The glossary: every word of the model the page uses, in plain words, with the model's symbol
 * beside it for those who want the notation. Every explanation links to it, so it is reachable
 * from every "i". Our own words, after McDonald (1991) and docs/ODD.md.
 */

/** One glossary entry. */
export interface GlossaryTerm {
  /** Anchor id: `glossary-<id>`. */
  id: string;
  term: string;
  /** The model's symbol or column name, shown after the words. */
  symbol?: string;
  plain: string;
}

/** The glossary, alphabetical. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  { id: 'actor', term: 'actor (third party)', plain: 'Someone outside the two sides who works on the conflict on one track: a mediator, a workshop, a company, an exchange programme, a broadcaster.' },
  { id: 'anger', term: 'anger, hostility', symbol: 'a, H', plain: 'How hostile the people of a side feel towards the other side, from 0 (not at all) to 1 (most). A side\'s hostility is its people\'s average anger, leaders counting more.' },
  { id: 'area', term: 'area under the curve', symbol: 'X·years', plain: 'Escalation added up over the whole run: how much conflict there was in total. A short war and a long cold conflict can have the same area.' },
  { id: 'band', term: 'band (50 %, 90 %)', plain: 'With many runs, the dark band holds the middle half of the runs at each moment and the light band 90 % of them: how much the outcome depends on chance.' },
  { id: 'broken-promise', term: 'broken promise', plain: 'A third party fails to deliver what it promised. The sides trust it less and their hardliners grow angrier.' },
  { id: 'collapse', term: 'collapse', plain: 'A signed settlement breaks down. More likely when the balance of power has shifted since signing, or when anger and fear remain.' },
  { id: 'communication', term: 'communication', symbol: 'C', plain: 'How much the two sides talk to each other, from 0 to 1. The tracks build it; talks need it.' },
  { id: 'consent', term: 'consent', plain: 'A side agrees to let a third party work with it. Without consent, Tracks One, Two and Four cannot act. Sides in the middle of violence consent less readily.' },
  { id: 'ensemble', term: 'ensemble (runs)', plain: 'The same scenario run many times with different seeds. The runs differ only by chance, so together they show what is likely and what is luck.' },
  { id: 'escalation', term: 'escalation', symbol: 'X', plain: 'How far the conflict has gone, from 0 (calm) to 1 (all-out war): a mix of tension, hostility, fear and violence. The main curve of the page.' },
  { id: 'fear', term: 'fear', symbol: 'F', plain: 'How afraid the people of a side are of the other side, from 0 to 1. Violence and the other side\'s greater power raise it.' },
  { id: 'glasl', term: 'Glasl stages', plain: 'Nine stages of escalation after Friedrich Glasl, in three phases: win-win (1–3, the sides still think both can gain), win-lose (4–6) and lose-lose (7–9, each accepts its own losses to hurt the other).' },
  { id: 'interdependence', term: 'trade ties (economic interdependence)', symbol: 'E', plain: 'How much the two sides\' economies depend on each other, from 0 to 1. It makes violence costly; Track Three builds it.' },
  { id: 'leak', term: 'leak', plain: 'A third party lets confidential talks become public. The sides trust it less, and hardliners react with anger.' },
  { id: 'lull', term: 'lull', plain: 'A time when violence has dropped well below its recent peak. McDonald advises unofficial actors to approach the sides at such a moment.' },
  { id: 'peak', term: 'peak (of violence)', plain: 'A time when violence is well above its recent average. Some actors approach then, when the pain is felt most.' },
  { id: 'power-base', term: 'power base', symbol: 'B', plain: 'What the unofficial tracks give official diplomacy to work with: contacts, understanding, trade, public support. Official talks need enough of it.' },
  { id: 'power-shift', term: 'power shift', plain: 'The balance of power between the sides changes suddenly, for example when one side gains an ally. A shift since a settlement was signed can make it collapse.' },
  { id: 'premature-exit', term: 'premature exit', plain: 'A third party leaves before the time it committed to. Communication and understanding drop, and both sides become wary of the next third party.' },
  { id: 'ripeness', term: 'ripeness', symbol: 'R', plain: 'After Zartman: a conflict is ripe for talks when both sides are hurting and neither expects to win. Talks open only when it is ripe enough.' },
  { id: 'run', term: 'run, seed', plain: 'One simulated history. The seed fixes its chance events, so the same scenario with the same seed always gives the same run.' },
  { id: 'settlement', term: 'settlement', plain: 'An agreement signed in official (Track One) talks. While it holds, violence falls; it can collapse.' },
  { id: 'step', term: 'step (tick)', plain: 'The model moves in steps. How long a step is depends on the scenario, most often one month; the page says which beside the charts.' },
  { id: 'talks', term: 'talks', plain: 'Official negotiations between the sides (Track One). They open when the conflict is ripe and there is enough power base and communication, and may end in a settlement.' },
  { id: 'tension', term: 'tension', symbol: 'T', plain: 'The strain between the two sides, from 0 to 1. Violence and hostility raise it; communication and understanding relieve it.' },
  { id: 'track', term: 'track', plain: 'A kind of diplomacy, after John McDonald (1991): Track One is official diplomacy between governments; Tracks Two to Five are unofficial — private problem-solving, business, citizen exchanges, media.' },
  { id: 'track-mix', term: 'track mix', plain: 'Which tracks work on the conflict, when they start and how long they stay. The page\'s main question is how the mix changes the outcome.' },
  { id: 'understanding', term: 'understanding', symbol: 'U', plain: 'How well each side understands the other\'s fears and needs, from 0 to 1. Track Two builds it most.' },
];

/** The entry with id `id`, or undefined. */
export function glossaryTerm(id: string): GlossaryTerm | undefined {
  return GLOSSARY.find((g) => g.id === id);
}
