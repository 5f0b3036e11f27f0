import { readFile, stat } from 'node:fs/promises';
import { getHeapStatistics } from 'node:v8';
import { applyOverrides, OverrideError, parseOverride, validateScenario, type Override, type ScenarioData } from '../sim/index';
import { InputError } from './command';
import { locateJSONError } from './locateJSONError';

/** What to change in a scenario after reading it: `--set` overrides, then `--seed` and `--ticks`. */
export interface ScenarioChanges {
  set?: readonly string[];
  seed?: number;
  ticks?: number;
}

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'it is a directory, not a file',
  EACCES: 'permission denied',
};

/** Longest text a file may hold: V8's limit on a string's length (2^29 − 24 characters in Node 20). */
const MAX_TEXT = 2 ** 29 - 24;

/** Reads JSON from a file; an unreadable file, one too large to be text, or invalid JSON is an InputError (with line and column). */
export async function readJSON(file: string): Promise<unknown> {
  let text: string;
  try {
    const { size } = await stat(file);
    if (size > MAX_TEXT) throw new InputError([`${file}: cannot read: it is ${(size / 2 ** 20).toFixed(0)} MiB, and Détente reads JSON files of at most ${Math.floor(MAX_TEXT / 2 ** 20)} MiB (the longest text JavaScript holds)`]);
    text = await readFile(file, 'utf8');
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code ?? '';
    throw new InputError([`${file}: cannot read: ${READ_ERRORS[code] ?? (e as Error).message}`]);
  }
  // editors on some systems save a byte-order mark, which JSON.parse rejects
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = locateJSONError(text);
    throw new InputError([at ? `${file}:${at.line}:${at.column}: invalid JSON: ${at.message}` : `${file}: invalid JSON: ${(e as Error).message}`]);
  }
}

/**
 * Reads a scenario file, applies the changes and validates the result like the file itself; every
 * problem becomes one `path: message` line of an InputError.
 */
export async function loadScenario(file: string, changes: ScenarioChanges = {}): Promise<ScenarioData> {
  let input = await readJSON(file);
  let overrides: Override[];
  try {
    overrides = (changes.set ?? []).map(parseOverride);
    input = applyOverrides(input, overrides);
  } catch (e) {
    if (e instanceof OverrideError) throw new InputError([`--set ${e.message}`]);
    throw e;
  }
  // a non-object is left alone here: validation then says what it is
  if ((changes.seed !== undefined || changes.ticks !== undefined) && typeof input === 'object' && input !== null && !Array.isArray(input)) {
    input = {
      ...input,
      ...(changes.seed !== undefined && { seed: changes.seed }),
      ...(changes.ticks !== undefined && { ticks: changes.ticks }),
    };
  }
  // the JavaScript heap has a limit of its own, which a large edge list reaches first
  const result = validateScenario(input, { heap: getHeapStatistics().heap_size_limit });
  if (!result.ok) throw new InputError(result.issues.map((i) => `${i.path || '(scenario)'}: ${i.message}`));
  return result.scenario;
}
