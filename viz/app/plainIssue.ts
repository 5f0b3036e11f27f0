/*
 * Validation issues in plain words, naming the field as the page shows it. The schema library's
 * messages ("Too small: expected number to be >=0") are for programmers; the CLI keeps them, the
 * page says "must be 0 or more". Messages the model writes itself are kept, with the paths inside
 * them replaced by the fields' names.
 */
import type { ValidationIssue } from '../../sim/scenario/validate';
import { fieldTitle } from './plainFields';
import { TRACKS, trackName } from '../../sim/tracks/tracks';

/** What the page knows of the scenario to name fields: its parties and actors. */
export interface IssueContext {
  parties?: readonly { name: string }[];
  actors?: readonly { track: number; name?: string }[];
}

const num = (s: string) => s.replace(/^(-?\d+(?:\.\d+)?)e\+?(\d+)$/, '$1 × 10^$2');

const RULES: [RegExp, (...m: string[]) => string][] = [
  [/^Too small: expected number to be >=(.+)$/, (n) => `must be ${num(n)} or more`],
  [/^Too small: expected number to be >(.+)$/, (n) => `must be more than ${num(n)}`],
  [/^Too big: expected number to be <=(.+)$/, (n) => `must be ${num(n)} or less`],
  [/^Too big: expected number to be <(.+)$/, (n) => `must be less than ${num(n)}`],
  [/^Too small: expected string to have >=1 characters?$/, () => 'must not be empty'],
  [/^Too small: expected string to have >=(\d+) characters$/, (n) => `must be at least ${n} characters long`],
  [/^Too big: expected string to have <=(\d+) characters$/, (n) => `must be at most ${n} characters long`],
  [/^Too small: expected array to have >=(\d+) items?$/, (n) => `needs at least ${n} ${n === '1' ? 'entry' : 'entries'}`],
  [/^Too big: expected array to have <=(\d+) items$/, (n) => `can have at most ${n} entries`],
  [/^Invalid input: expected int, received number$/, () => 'must be a whole number'],
  [/^Invalid input: expected number, received NaN$/, () => 'must be a number: it is empty or not a number'],
  [/^Invalid input: expected (\w+), received undefined$/, () => 'is missing'],
  [/^Invalid input: expected (number|string|boolean|array|object), received (\w+)$/, (want) => `must be ${want === 'array' || want === 'object' ? 'a list' : `a ${want === 'boolean' ? 'yes/no value' : want === 'string' ? 'text' : 'number'}`}`],
  [/^Invalid option: expected one of (.+)$/, (list) => `must be one of ${list.split('|').join(', ')}`],
  [/^Invalid input: expected "?([^"]+)"?$/, (v) => `must be ${v}`],
  [/^unknown field "(.+)"$/, (f) => `"${f}" is not a field of the scenario format (check its spelling)`],
];

/** The name of the field at `path` as the page shows it: "Track Two: reach per year", "Government: military and political power (π)". */
export function fieldName(path: string, ctx: IssueContext = {}): string {
  if (!path) return 'the scenario';
  const parts = path.split('.');
  const key = [...parts].reverse().find((p) => !/^\d+$/.test(p)) ?? path;
  const title = fieldTitle(path, key);
  if (parts[0] === 'parties' && /^\d+$/.test(parts[1] ?? '')) {
    // a name is named by position: the name itself may be what is wrong
    if (parts[2] === 'name') return `the name of party ${Number(parts[1]) + 1}`;
    const name = ctx.parties?.[Number(parts[1])]?.name;
    const who = typeof name === 'string' && name ? name : `party ${Number(parts[1]) + 1}`;
    return parts.length > 2 ? `${who}: ${title}` : who;
  }
  if (parts[0] === 'actors' && /^\d+$/.test(parts[1] ?? '')) {
    const a = ctx.actors?.[Number(parts[1])];
    const t = TRACKS[(a?.track ?? 0) - 1];
    const where = t ? trackName(t) : `actor ${Number(parts[1]) + 1}`;
    return parts.length > 2 ? `${where}: ${title}` : where;
  }
  if (parts[0] === 'events') return `event ${Number(parts[1]) + 1}${parts.length > 2 ? `: ${title}` : ''}`;
  return title;
}

/** An issue's message in plain words (without the field's name). */
export function plainMessage(message: string, ctx: IssueContext = {}): string {
  for (const [re, say] of RULES) {
    const m = re.exec(message);
    if (m) return say(...m.slice(1));
  }
  // the model's own messages name other fields by path: name them as the page does
  return message.replace(/\b(?:parties|actors|events|dyad|params|kernel|network)\.[A-Za-z0-9_.]+[A-Za-z0-9_]/g, (p) => `"${fieldName(p, ctx)}"`);
}

/** An issue as a sentence naming its field: "Government: military and political power (π) must be more than 0". */
export function plainIssue(issue: ValidationIssue, ctx: IssueContext = {}): string {
  return `${fieldName(issue.path, ctx)}: ${plainMessage(issue.message, ctx)}`;
}
